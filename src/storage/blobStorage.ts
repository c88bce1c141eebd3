import { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { BlobEventLog } from './blobEventLog';
import type { Stores } from './stores';

/**
 * STORAGE=azure-blob: Bot Framework's own BlobsStorage for state (it writes with If-Match, so a
 * stale eTag fails with its "eTag conflict" error) and the event log beside it in the same container.
 */
export function openBlobStores(connectionString: string, containerName: string): Stores {
  const container = new ContainerClient(connectionString, containerName);
  return {
    storage: new BlobsStorage(connectionString, containerName),
    events: new BlobEventLog(container),
    // The account name and container only: the connection string carries the account key or a SAS.
    describe: `azure-blob account ${container.accountName}, container ${containerName}`,
    // Both clients talk plain HTTPS per request; there is no connection to close.
    close: async () => undefined,
  };
}
