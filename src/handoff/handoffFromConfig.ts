import type { Storage } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Wording } from '../replies/wording';
import type { TranscriptSource } from '../transcripts/transcriptMiddleware';
import { Handoff, type HelpdeskRoute } from './handoff';
import { HelpdeskWebhook } from './helpdeskWebhook';
import { loadPersonRequest } from './personRequest';
import { TicketOutbox } from './ticketOutbox';
import { TicketRetrier } from './ticketRetrier';
import { TicketTemplate } from './ticketTemplate';

export interface HandoffWiring {
  handoff: Handoff;
  /** Only with a webhook: re-posts the tickets the helpdesk could not take. Not started yet. */
  retrier?: TicketRetrier;
}

export interface HandoffWiringDeps {
  storage: Storage;
  wording: Wording;
  logger: Logger;
  transcripts?: TranscriptSource;
}

/** The handoff as the settings describe it; a bad ticket template or phrase list stops the start. */
export function handoffFromConfig(config: Pick<Config, 'handoff' | 'knowledgeDir'>, deps: HandoffWiringDeps): HandoffWiring {
  const settings = config.handoff.webhook;
  const helpdesk: HelpdeskRoute | undefined = settings && {
    webhook: new HelpdeskWebhook(settings),
    template: TicketTemplate.load(settings.template, config.knowledgeDir),
    outbox: new TicketOutbox(deps.storage),
    retryIntervalMs: settings.retryIntervalMs,
  };
  const handoff = new Handoff({
    eventChannels: config.handoff.eventChannels,
    helpdesk,
    transcripts: deps.transcripts,
    personRequest: loadPersonRequest(config.knowledgeDir),
    wording: deps.wording,
    logger: deps.logger,
  });
  const retrier = helpdesk && new TicketRetrier(helpdesk.outbox, helpdesk.webhook, deps.logger, { intervalMs: helpdesk.retryIntervalMs });
  return { handoff, retrier };
}
