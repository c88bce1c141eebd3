import type { FlowPrompt } from '../flow/flowEngine';
import { ANSWERS } from '../flow/flowEngine';
import type { AnswerRecognizer } from '../flow/answerRecognizer';
import type { Article } from '../knowledge/schema';
import { articleSteps } from './articleReplies';
import type { ChoicesReply, Reply } from './reply';
import type { Wording } from './wording';

export interface FlowReplyContext {
  articles: (id: string) => Article | undefined;
  values: Record<string, string | undefined>;
}

/** Turns what the flow asks next into replies: a question with choices, or a fix's steps. */
export class FlowReplies {
  constructor(
    private readonly wording: Wording,
    private readonly answers: AnswerRecognizer,
  ) {}

  /** The prompt's replies and the answer ids it accepts. */
  render(prompt: FlowPrompt, ctx: FlowReplyContext): { replies: Reply[]; accepts: readonly string[] } {
    switch (prompt.type) {
      case 'status_page':
        return { replies: [this.choices('flow.ask_status_page', ANSWERS.status_page, ctx.values)], accepts: ANSWERS.status_page };
      case 'diagnostic':
        return { replies: [this.choices(prompt.diagnostic.ask, ANSWERS.diagnostic, ctx.values, prompt.diagnostic.ask)], accepts: ANSWERS.diagnostic };
      case 'confirm': {
        const article = ctx.articles(prompt.fix.article)!;
        const warning: Reply[] = article.warning ? [{ kind: 'text', id: `warning:${article.id}`, text: this.wording.say('flow.warning', { text: article.warning }) }] : [];
        return { replies: [...warning, this.choices(prompt.fix.confirm!, ANSWERS.confirm, ctx.values)], accepts: ANSWERS.confirm };
      }
      case 'fix': {
        const article = ctx.articles(prompt.fix.article)!;
        const steps = { ...articleSteps(article), id: `fix:${prompt.fix.id}` };
        return { replies: [steps, this.choices('flow.did_it_work', ANSWERS.fix, ctx.values)], accepts: ANSWERS.fix };
      }
      default:
        return { replies: [], accepts: [] };
    }
  }

  choices(textId: string, answerIds: readonly string[], values: Record<string, string | undefined>, id = textId): ChoicesReply {
    return {
      kind: 'choices',
      id,
      text: this.wording.say(textId, values),
      choices: answerIds.map((value) => ({ value, label: this.answers.label(value) })),
    };
  }
}
