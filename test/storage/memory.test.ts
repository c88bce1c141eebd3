import { MemoryStorage } from 'botbuilder';
import { MemoryEventLog } from '../../src/storage/memoryEventLog';
import { describeEventLogContract } from './eventLogContract';
import { describeStorageContract } from './storageContract';

// The reference: the contract suites must pass on botbuilder's own MemoryStorage and on MemoryEventLog.
// Each "client" is the one instance: memory has no second connection.
describeStorageContract(
  'MemoryStorage',
  async () => {
    const storage = new MemoryStorage();
    return { client: () => storage, close: async () => undefined };
  },
  { etagOnMissingKey: 'writes', atomicWrite: false },
);

describeEventLogContract('MemoryEventLog', async () => {
  const log = new MemoryEventLog();
  return { client: () => log, close: async () => undefined };
});
