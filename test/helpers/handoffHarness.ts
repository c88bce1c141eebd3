import { MemoryStorage, type Storage } from 'botbuilder';
import nock from 'nock';
import pino from 'pino';
import { Handoff, type HelpdeskRoute } from '../../src/handoff/handoff';
import { HelpdeskWebhook } from '../../src/handoff/helpdeskWebhook';
import { loadPersonRequest } from '../../src/handoff/personRequest';
import { TicketOutbox } from '../../src/handoff/ticketOutbox';
import { TicketTemplate } from '../../src/handoff/ticketTemplate';
import { redactorFor } from '../../src/privacy/redactorFor';
import { Wording } from '../../src/replies/wording';
import { TranscriptMiddleware } from '../../src/transcripts/transcriptMiddleware';
import { TranscriptStore } from '../../src/transcripts/transcriptStore';
import type { HarnessOptions } from './conversationRunner';
import { realKnowledge, ROOT } from './testCore';

export const HELPDESK_HOST = 'https://helpdesk.example.test';
export const HELPDESK_PATH = '/api/tickets';
export const HELPDESK_AUTH = 'Bearer test-helpdesk-token';

/** How a conversation's handoff is set up: channels with an agent hub, and the helpdesk webhook. */
export interface HandoffSetup {
  eventChannels?: string[];
  /** up: answers 201; down: 503 every time; played: set, the test plays it with nock; off (default): none set. */
  webhook?: 'up' | 'down' | 'played' | 'off';
}

/** A helpdesk route on the real template, posting to HELPDESK_HOST (play it with nock). */
export function helpdeskRoute(storage: Storage, timeoutMs = 1000): HelpdeskRoute {
  return {
    webhook: new HelpdeskWebhook({ url: `${HELPDESK_HOST}${HELPDESK_PATH}`, authHeader: 'Authorization', auth: HELPDESK_AUTH, timeoutMs }),
    template: TicketTemplate.load(`${ROOT}/knowledge/handoff/ticket-template.json`, ROOT),
    outbox: new TicketOutbox(storage),
    retryIntervalMs: 60_000,
  };
}

/** Harness options for a transcript's handoff setup (none: no handoff). */
export function handoffOptions(setup?: HandoffSetup): Partial<HarnessOptions> {
  return setup ? handoffHarness(setup).options : {};
}

/** Transcripts and a handoff as src/app.ts wires them, on one storage; the helpdesk route to inspect. */
export function handoffHarness(setup: HandoffSetup, storage: Storage = new MemoryStorage()): { options: Partial<HarnessOptions>; route?: HelpdeskRoute } {
  const knowledge = realKnowledge();
  const transcripts = new TranscriptMiddleware({ store: new TranscriptStore(storage), redact: redactorFor(knowledge) });
  const webhook = setup.webhook ?? 'off';
  if (webhook === 'up' || webhook === 'down') {
    nock(HELPDESK_HOST).persist().post(HELPDESK_PATH).reply(webhook === 'up' ? 201 : 503, webhook === 'up' ? { id: 'T-1' } : 'down');
  }
  const route = webhook === 'off' ? undefined : helpdeskRoute(storage);
  const handoff = new Handoff({
    eventChannels: setup.eventChannels ?? [],
    helpdesk: route,
    transcripts,
    personRequest: loadPersonRequest(ROOT),
    wording: new Wording(knowledge.responses),
    logger: pino({ level: 'silent' }),
  });
  return { options: { storage, handoff, middleware: [transcripts] }, route };
}
