// botbuilder-dialogs' index also loads every built-in prompt with Microsoft's number, date and choice
// recognisers (about 300 ms of start-up). This bot asks through its own AnswerPrompt, so it takes the
// dialog classes it uses from their own files; this is the one place to change on an upgrade.
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { Dialog, DialogTurnStatus, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export type { DialogContext, DialogState } from 'botbuilder-dialogs/lib/dialogContext';
export type { DialogStateManagerConfiguration } from 'botbuilder-dialogs/lib/memory/dialogStateManager';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
export type { WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext';
