// A second bot process on the same SQLite file, for sqlite.test.ts: once told "go" on stdin it adds 1
// to a shared counter `count` times (read, then write with the read eTag, again on conflict) and
// appends one event per increment. Prints "ready", then "done <conflicts>".
import { createInterface } from 'node:readline';
import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';
import { SqliteEventLog } from '../../src/storage/sqliteEventLog';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { isStorageConflict } from '../../src/storage/storageConflict';

const [file, name, count] = process.argv.slice(2);
const db = openSqliteDatabase(file);
const storage = new SqliteStorage(db);
const events = new SqliteEventLog(db);

async function run(): Promise<void> {
  let conflicts = 0;
  for (let done = 0; done < Number(count); ) {
    const { counter } = await storage.read(['counter']);
    try {
      await storage.write({ counter: { ...counter, n: counter.n + 1 } });
      await events.append([{ at: new Date().toISOString(), conversation: name, channel: 'test', type: 'forget_me' }]);
      done++;
    } catch (err) {
      if (!isStorageConflict(err)) throw err;
      conflicts++;
    }
  }
  db.close();
  console.log(`done ${conflicts}`);
}

console.log('ready');
createInterface({ input: process.stdin }).once('line', () => {
  run().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
});
