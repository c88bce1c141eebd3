import { MemoryStorage } from 'botbuilder';
import type { StorageSettings } from '../config';
import type { Logger } from '../logger';
import { MemoryEventLog } from './memoryEventLog';
import { openSqliteDatabase } from './sqliteDatabase';
import { SqliteEventLog } from './sqliteEventLog';
import { SqliteStorage } from './sqliteStorage';
import { SqliteTranscriptLog } from './sqliteTranscriptLog';
import { TranscriptStore } from '../transcripts/transcriptStore';
import type { Stores } from './stores';
import { TimeoutStorage } from './timeoutStorage';
import { WalCheckpointer } from './walCheckpointer';

export interface StoreOptions {
  /** A time limit on each state read and write of a network backend (none when absent). */
  timeoutMs?: number;
}

/** State storage, event log (and on SQLite the transcript log) for the configured backend. Network clients connect in the background. */
export function openStores(settings: StorageSettings, logger: Logger, options: StoreOptions = {}): Stores {
  const stores = openBackend(settings, logger);
  // SQLite and memory answer synchronously inside the call: no timer could fire before they return,
  // so a limit there would only cost a timer and a promise race on every read and write.
  const inProcess = settings.kind === 'sqlite' || settings.kind === 'memory';
  return options.timeoutMs && !inProcess ? { ...stores, storage: new TimeoutStorage(stores.storage, options.timeoutMs) } : stores;
}

function openBackend(settings: StorageSettings, logger: Logger): Stores {
  switch (settings.kind) {
    case 'sqlite':
      return openSqliteStores(settings.file, logger);
    // A network backend's client library is loaded only when chosen: the Azure SDK alone adds about
    // 75 ms to a start, ioredis 25 ms, and the default (SQLite) needs neither.
    case 'redis':
      return (require('./redisStores') as typeof import('./redisStores')).openRedisStores(settings.url, settings.keyPrefix, logger);
    case 'azure-blob':
      return (require('./blobStorage') as typeof import('./blobStorage')).openBlobStores(settings.connectionString, settings.container);
    case 'memory':
      return { storage: new MemoryStorage(), events: new MemoryEventLog(), describe: 'memory', close: async () => undefined };
  }
}

function openSqliteStores(file: string, logger: Logger): Stores {
  const db = openSqliteDatabase(file);
  const checkpointer = new WalCheckpointer(db, file, logger);
  const storage = new SqliteStorage(db);
  return {
    storage,
    events: new SqliteEventLog(db),
    // Transcripts written by earlier versions, as documents in the state table, stay readable and forgettable.
    transcripts: new SqliteTranscriptLog(db, { earlier: new TranscriptStore(storage) }),
    describe: `sqlite ${file}`,
    close: async () => {
      await checkpointer.stop();
      db.close();
    },
  };
}
