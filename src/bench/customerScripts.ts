// Whole troubleshooting conversations the simulated customers of `npm run bench` type, one message
// a turn, taken from the conversations the bot is tested with (test/conversations/*.yaml): fixes that
// work at once or never, warranty and repair hand-offs, side questions mid-flow and off-topic openings.

export interface CustomerScript {
  name: string;
  channelId: string;
  messages: string[];
}

export const CUSTOMER_SCRIPTS: readonly CustomerScript[] = [
  {
    name: 'smartwatch fixed by the first fix',
    channelId: 'webchat',
    messages: ['my galaxy watch keeps showing error 1002', 'yes', 'yep', 'fixed it'],
  },
  {
    name: 'smartwatch where every fix fails, in warranty',
    channelId: 'webchat',
    messages: [
      'my fitbit wont sync w my phone, error 1002', '1', 'no', 'still broken', '2', 'no luck', "didn't work",
      'still the same', 'reset it', 'still broken', '3 months ago', 'no',
    ],
  },
  {
    name: 'smartwatch with fixes already tried or skipped, out of warranty',
    channelId: 'webchat',
    messages: [
      'Apple Watch error 1002 again', 'yes', 'yes', 'i already did that', 'skip', 'still broken', 'still broken',
      'still broken', 'not now', '2023-01-10', 'no thanks',
    ],
  },
  {
    name: 'NAS where the person checks the status page, fixed by a restart',
    channelId: 'webchat',
    messages: ['nas cloud access error 1002', 'no', 'no', 'yes', 'not sure', 'yes', 'that worked'],
  },
  {
    name: 'NAS where every fix fails',
    channelId: 'webchat',
    messages: [
      'my WD My Cloud says cloud access connection error 1002', 'no', 'yes', 'yes', 'yes', 'yes', 'still broken',
      'still broken', 'still broken', 'still broken', 'still broken', "I don't know", 'yes',
    ],
  },
  {
    name: 'warranty question in the middle of a smartwatch flow',
    channelId: 'webchat',
    messages: ['my fitbit versa shows error 1002', 'is it still under warranty?', 'march 2026', 'yes', 'no', 'still broken', 'fixed it'],
  },
  {
    name: 'off-topic opening, then a smartwatch by menu number',
    channelId: 'webchat',
    messages: ['what are the best bluetooth headphones under 100', 'my printer is jammed', '1', 'yes', 'yes', "didn't work", 'fixed'],
  },
  {
    name: 'asks for a person mid-flow',
    channelId: 'webchat',
    messages: ['samsung watch error 1002', 'yes', 'can i talk to a real person', 'thanks'],
  },
  {
    name: 'NAS warranty with an ambiguous date',
    channelId: 'webchat',
    messages: ['is my qnap nas under warranty', '03/04/2025', '3 April 2025', 'thanks'],
  },
  {
    name: 'smartwatch over SMS, answering by number',
    channelId: 'sms',
    messages: ['my garmin watch shows 1002', '1', '1', '2', '2', '1'],
  },
];
