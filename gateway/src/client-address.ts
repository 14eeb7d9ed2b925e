import type { IncomingMessage } from 'node:http';

/**
 * The client's address for rate limits and logs: with `trustedHops` proxies in front (each appends
 * the address it received the request from to X-Forwarded-For), the entry that many places from
 * the right, i.e. the one the outermost trusted proxy saw. Anything left of it was written by the
 * client and is ignored; with 0 hops the header is not read at all.
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustedHops: number): string {
  const socket = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops === 0) return socket;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // The chain the gateway saw: what the proxies appended, then the last proxy itself.
  const chain = [...forwarded, socket];
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? socket;
}
