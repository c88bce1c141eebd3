import { loadPersonRequest, PersonRequest } from '../../src/handoff/personRequest';
import { ROOT } from '../helpers/testCore';

// Both kinds are the contact_support intent; knowledge/handoff/person-words.yaml tells them apart.
const request = loadPersonRequest(ROOT);

describe('"I want a person" or "what are the contact details"', () => {
  test.each([
    'talk to a person', 'I want to talk to a person', 'get me a human', 'can i talk to an agent', 'can someone call me',
    'let me speak to someone who actually knows', 'i dont want a bot', 'this bot is useless', 'escalate to a human',
    'can i chat with a technician', 'Transfer me to a live agent NOW!!', 'speak to a representative please', 'start live chat',
  ])('"%s" asks for a person', (text) => {
    expect(request.wantsPerson(text)).toBe(true);
  });

  test.each([
    'what is the support phone number', 'is there a number i can call', 'support email address', 'helpdesk',
    'when is support open', 'contact support', 'how do i contact wd support', 'who do i call about my pixel watch', 'personal cloud',
  ])('"%s" asks for contact details', (text) => {
    expect(request.wantsPerson(text)).toBe(false);
  });

  test('phrases match whole words only, in any case and spelling of shorthand', () => {
    const r = new PersonRequest(['agent', "don't want a bot"]);
    expect(r.wantsPerson('useragent string')).toBe(false);
    expect(r.wantsPerson('AGENT please')).toBe(true);
    expect(r.wantsPerson('i dont want a bot')).toBe(true);
  });
});
