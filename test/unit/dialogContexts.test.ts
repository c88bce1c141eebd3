import { ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { DialogContexts } from '../../src/bot/dialogs/dialogContexts';
import { Dialog, DialogSet, WaterfallDialog, type DialogState } from '../../src/bot/dialogs/dialogKit';

function setUp() {
  const state = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(state.createProperty<DialogState>('dialogState')).add(new WaterfallDialog('steps', [
    async (step) => {
      await step.context.sendActivity(`first: ${step.state.getValue<string>('turn.activity.text')}`);
      return Dialog.EndOfTurn;
    },
    async (step) => {
      await step.context.sendActivity(`second: ${step.state.getValue<string>('turn.activity.text')}`);
      return step.endDialog();
    },
  ]));
  return { state, contexts: new DialogContexts(dialogs) };
}

const turn = (adapter: TestAdapter, text: string) => new TurnContext(adapter, { type: 'message', channelId: 'test', conversation: { id: 'c1' } as never, from: { id: 'u1', name: 'u' }, text });

describe('dialog contexts', () => {
  test("later turns reuse the first turn's memory scopes and path resolvers", async () => {
    const { contexts } = setUp();
    const adapter = new TestAdapter();
    const first = await contexts.create(turn(adapter, 'a'));
    const second = await contexts.create(turn(adapter, 'b'));
    expect(first.state.configuration.memoryScopes.length).toBeGreaterThan(0);
    expect(second.state.configuration).toBe(first.state.configuration);
  });

  test('dialogs and their turn memory work across turns as before', async () => {
    const { state, contexts } = setUp();
    const adapter = new TestAdapter(async (ctx) => {
      const dc = await contexts.create(ctx);
      const result = await dc.continueDialog();
      if (result.status === 'empty') await dc.beginDialog('steps');
      await state.saveChanges(ctx);
    });
    await adapter.send('one').assertReply('first: one').send('two').assertReply('second: two').send('three').assertReply('first: three');
  });
});
