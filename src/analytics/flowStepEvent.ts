import type { FlowPrompt } from '../flow/flowEngine';
import type { EventBody } from './supportEvent';

/** The flow_step event for a prompt a person is shown; nothing for the automatic status check or the end. */
export function flowStepEvent(flow: string, prompt: FlowPrompt): EventBody | undefined {
  switch (prompt.type) {
    case 'status_page':
      return { type: 'flow_step', flow, step: 'status_page', kind: 'status_page' };
    case 'diagnostic':
      return { type: 'flow_step', flow, step: prompt.diagnostic.id, kind: 'diagnostic' };
    case 'confirm':
    case 'fix':
      return { type: 'flow_step', flow, step: prompt.fix.id, kind: prompt.type };
    default:
      return undefined;
  }
}
