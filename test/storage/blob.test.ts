import { BlobServiceClient, ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { BlobEventLog } from '../../src/storage/blobEventLog';
import { startAzurite, type Azurite } from './azurite';
import { describeEventLogContract, eventAt } from './eventLogContract';
import { describeStorageContract } from './storageContract';

let azurite: Azurite;
beforeAll(async () => (azurite = await startAzurite()), 30000);
afterAll(() => azurite?.stop());

let containers = 0;
const newContainer = () => `t${process.pid}-${++containers}`;

/** Each client is its own SDK client on one fresh container; close() deletes the container. */
const onOneContainer = <T>(make: (connectionString: string, container: string) => T) => async () => {
  const container = newContainer();
  return {
    client: () => make(azurite.connectionString, container),
    close: async () => {
      await new ContainerClient(azurite.connectionString, container).deleteIfExists();
    },
  };
};

describeStorageContract('BlobsStorage (botbuilder-azure-blobs, on Azurite)', onOneContainer((cs, c) => new BlobsStorage(cs, c)), {
  etagOnMissingKey: 'conflicts',
  atomicWrite: false,
});
describeEventLogContract('BlobEventLog (on Azurite)', onOneContainer((cs, c) => new BlobEventLog(new ContainerClient(cs, c))));

describe('state and events in one container', () => {
  test('events live under events/<day>/, apart from state even when a state key looks like an event blob', async () => {
    const name = newContainer();
    const container = new ContainerClient(azurite.connectionString, name);
    const storage = new BlobsStorage(azurite.connectionString, name);
    const log = new BlobEventLog(container);

    await storage.write({ 'events/2026-11-22/x': { n: 1 }, 'webchat/users/u1/': { n: 2 } });
    await log.append([eventAt('2026-11-22T23:59:59.999Z', 'late'), eventAt('2026-11-23T00:00:00.000Z', 'early')]);

    const names: string[] = [];
    for await (const blob of container.listBlobsFlat()) names.push(blob.name);
    expect(names.filter((n) => n.startsWith('events/')).map((n) => n.split('/').slice(0, 2).join('/'))).toEqual(['events/2026-11-22', 'events/2026-11-23']);
    expect(names.filter((n) => !n.startsWith('events/')).sort()).toEqual(['events%2F2026-11-22%2Fx', 'webchat%2Fusers%2Fu1']);
    expect((await log.read()).map((e) => e.type === 'message' && e.text)).toEqual(['late', 'early']);
    expect(Object.keys(await storage.read(['events/2026-11-22/x', 'webchat/users/u1/']))).toHaveLength(2);
    await container.delete();
  });

  test('a container that does not exist yet is created by the first append', async () => {
    const name = newContainer();
    const log = new BlobEventLog(new ContainerClient(azurite.connectionString, name));
    await log.append([eventAt('2026-11-22T10:00:00.000Z')]);
    const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
    expect(await service.getContainerClient(name).exists()).toBe(true);
    await service.getContainerClient(name).delete();
  });
});
