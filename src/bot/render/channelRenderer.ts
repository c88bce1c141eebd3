import type { Activity } from 'botbuilder';
import type { Reply } from '../../replies/reply';

/** Turns channel-neutral replies into the activities one channel shows best. */
export interface ChannelRenderer {
  render(replies: Reply[]): Partial<Activity>[];
}
