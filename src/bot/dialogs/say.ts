import type { TurnContext } from 'botbuilder';
import type { Reply } from '../../replies/reply';
import type { DialogDeps } from './dialogDeps';

/** Sends one response by id as a text reply. */
export async function say(deps: DialogDeps, ctx: TurnContext, id: string, values: Record<string, string | number | undefined> = {}): Promise<void> {
  await deps.sender.send(ctx, [textReply(deps, id, values)]);
}

export function textReply(deps: DialogDeps, id: string, values: Record<string, string | number | undefined> = {}): Reply {
  return { kind: 'text', id, text: deps.core.wording.say(id, values) };
}
