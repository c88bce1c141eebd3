import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';

/**
 * How this process reaches itself, from the address it listens on (never from a request's Host
 * header, which a client could point anywhere). Wildcard addresses are reached over loopback.
 */
export function selfUrl(server: Server): string {
  const address = server.address() as AddressInfo | null;
  if (!address || typeof address !== 'object') throw new Error('the server is not listening yet');
  let host = address.address;
  if (host === '0.0.0.0') host = '127.0.0.1';
  if (host === '::') host = '::1';
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
