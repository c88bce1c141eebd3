import { ConversationStore } from '../../src/directline/conversationStore';
import { TokenBook } from '../../src/directline/tokenBook';

// Memory stays bounded: activities per conversation, conversations in all, idle time, tokens.

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('ConversationStore', () => {
  test('ids and watermarks count up; a watermark returns only newer activities', () => {
    const store = new ConversationStore();
    const c = store.create('dl_user');
    const ids = ['a', 'b', 'c'].map((text) => store.append(c, { type: 'message', text }).id);
    expect(ids).toEqual([0, 1, 2].map((n) => `${c.id}|000000${n}`));
    expect(store.since(c, undefined)).toMatchObject({ watermark: '3' });
    expect(store.since(c, '2').activities.map((a) => a.text)).toEqual(['c']);
    expect(store.since(c, '3').activities).toEqual([]);
    // Nonsense watermarks mean "from the start", as if none was sent.
    for (const w of ['', 'abc', '-5', '1.5']) expect(store.since(c, w).activities).toHaveLength(3);
  });

  test('past the cap the oldest activities go, and watermarks still point at the right ones', () => {
    const store = new ConversationStore({ maxActivitiesPerConversation: 3 });
    const c = store.create('dl_user');
    for (let i = 0; i < 5; i++) store.append(c, { type: 'message', text: String(i) });
    expect(store.since(c, undefined).activities.map((a) => a.text)).toEqual(['2', '3', '4']);
    expect(store.since(c, '3').activities.map((a) => a.text)).toEqual(['3', '4']);
    // A client that fell behind gets what is left.
    expect(store.since(c, '1').activities.map((a) => a.text)).toEqual(['2', '3', '4']);
    expect(store.since(c, '1').watermark).toBe('5');
  });

  test('an idle conversation is forgotten; one in use is kept', () => {
    const time = clock();
    const store = new ConversationStore({ now: time.now, idleMs: 1000 });
    const idle = store.create('dl_a');
    const used = store.create('dl_b');
    time.advance(800);
    store.since(used, undefined);
    time.advance(400);
    expect(store.get(idle.id)).toBeUndefined();
    expect(store.get(used.id)).toBe(used);
    store.create('dl_c');
    expect(store.size).toBe(2);
  });

  test('past the conversation cap the least recently used one goes', () => {
    const time = clock();
    const store = new ConversationStore({ now: time.now, maxConversations: 2 });
    const first = store.create('dl_a');
    const second = store.create('dl_b');
    time.advance(10);
    store.append(first, { type: 'message' });
    store.create('dl_c');
    expect(store.size).toBe(2);
    expect(store.get(second.id)).toBeUndefined();
    expect(store.get(first.id)).toBe(first);
  });
});

describe('TokenBook', () => {
  test('a token belongs to one conversation until it expires, then says so', () => {
    const time = clock();
    const tokens = new TokenBook({ now: time.now, ttlMs: 60_000 });
    const { token, expiresIn } = tokens.issue('conv-1');
    expect(expiresIn).toBe(60);
    expect(tokens.check(token)).toEqual({ conversationId: 'conv-1' });
    expect(tokens.check('made-up')).toBe('unknown');
    time.advance(30_000);
    expect(tokens.secondsLeft(token)).toBe(30);
    time.advance(30_000);
    expect(tokens.check(token)).toBe('expired');
  });

  test('long-expired tokens are swept, and the total is capped', () => {
    const time = clock();
    const tokens = new TokenBook({ now: time.now, ttlMs: 1000, maxTokens: 3 });
    const old = tokens.issue('c').token;
    time.advance(2500);
    tokens.issue('c');
    expect(tokens.check(old)).toBe('unknown');
    const issued = [1, 2, 3, 4].map(() => tokens.issue('c').token);
    expect(issued.map((t) => tokens.check(t) === 'unknown')).toEqual([true, false, false, false]);
  });
});
