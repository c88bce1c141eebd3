import { GroupCommit } from '../../src/storage/groupCommit';

describe('group commit', () => {
  test('calls in one turn of the event loop are committed together, in order; later ones apart', async () => {
    const commits: number[][] = [];
    const group = new GroupCommit<number>((items) => void commits.push(items));
    await Promise.all([group.add(1), group.add(2), group.add(3)]);
    await group.add(4);
    expect(commits).toEqual([[1, 2, 3], [4]]);
  });

  test('a call resolves only once its item is committed', async () => {
    const committed: number[] = [];
    const group = new GroupCommit<number>((items) => void committed.push(...items));
    const added = group.add(1);
    expect(committed).toEqual([]);
    await added;
    expect(committed).toEqual([1]);
  });

  test('an error for one item rejects that call only', async () => {
    const group = new GroupCommit<number>((items) => items.map((n) => (n === 2 ? new Error('conflict on 2') : undefined)));
    const results = await Promise.allSettled([group.add(1), group.add(2), group.add(3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('conflict on 2'));
  });

  test('a failed commit rejects every call in it, and the next batch is tried afresh', async () => {
    let fail = true;
    const group = new GroupCommit<number>(() => {
      if (fail) throw new Error('disk full');
    });
    const results = await Promise.allSettled([group.add(1), group.add(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(group.add(3)).resolves.toBeUndefined();
  });
});
