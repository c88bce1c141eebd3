import { join } from 'node:path';
import { DataError, type DataProblem } from '../knowledge/dataError';
import { loadPersonRequest } from './personRequest';
import { TicketTemplate } from './ticketTemplate';

export const DEFAULT_TICKET_TEMPLATE = 'knowledge/handoff/ticket-template.json';

/** For `npm run validate`: the "talk to a person" phrases and the default ticket template load cleanly. */
export function checkHandoffFiles(root: string): DataProblem[] {
  return [() => loadPersonRequest(root), () => TicketTemplate.load(join(root, DEFAULT_TICKET_TEMPLATE), root)].flatMap((load) => {
    try {
      load();
      return [];
    } catch (err) {
      if (err instanceof DataError) return err.problems;
      throw err;
    }
  });
}
