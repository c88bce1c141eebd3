import { TestAdapter, type Activity, type Storage } from 'botbuilder';
import pino from 'pino';
import { TurnEvents } from '../../src/analytics/turnEvents';
import type { EventLog } from '../../src/analytics/eventLog';
import { CheckedConversationState, CheckedUserState } from '../../src/bot/checkedState';
import { ReplySender } from '../../src/bot/replySender';
import { SupportBot } from '../../src/bot/SupportBot';
import type { SupportCore } from '../../src/core/supportCore';
import { MemoryEventLog } from '../../src/storage/memoryEventLog';
import { activityText } from './cards';

export const CONVERSATION = { id: 'conv-shared' };

/**
 * One bot "instance" (its own SupportBot and state caches) on shared storage, as behind a load
 * balancer. `send` returns the text of each activity really sent in answer to that message.
 */
export class BotInstance {
  private readonly adapter: TestAdapter;

  constructor(core: SupportCore, storage: Storage, readonly events: EventLog = new MemoryEventLog()) {
    const bot = new SupportBot({
      core,
      sender: new ReplySender(core.wording),
      conversationState: new CheckedConversationState(storage),
      userState: new CheckedUserState(storage),
      logger: pino({ level: 'silent' }),
      events: new TurnEvents(events, core.now),
    });
    this.adapter = new TestAdapter((ctx) => bot.run(ctx), { channelId: 'webchat', conversation: CONVERSATION } as never);
  }

  async send(text: string): Promise<string[]> {
    const id = `act-${Math.random().toString(36).slice(2)}`;
    await this.adapter.processActivity({ type: 'message', id, text } as Partial<Activity>);
    const mine = this.adapter.activeQueue.filter((a) => a.replyToId === id);
    this.adapter.activeQueue.splice(0, this.adapter.activeQueue.length, ...this.adapter.activeQueue.filter((a) => a.replyToId !== id));
    return mine.map(activityText);
  }
}
