/**
 * The real client's address behind `trustedHops` proxies, each of which appends the address it
 * saw to `X-Forwarded-For`: counting from the socket's peer leftwards through that header, the
 * entry `trustedHops` steps away. Anything further left is whatever the client wrote and is never
 * used, so no header a client sets picks the address its logins are counted on. With 0 hops the
 * header is ignored. Fewer entries than hops (a request that bypassed a proxy) answer the leftmost.
 */
export function clientAddressOf(forwardedFor: string | readonly string[] | undefined, socketAddress: string | undefined, trustedHops: number): string {
  const header = typeof forwardedFor === 'string' ? forwardedFor : (forwardedFor ?? []).join(',');
  const forwarded = header
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const chain = [...forwarded, socketAddress ?? 'unknown'];
  const address = chain[Math.max(0, chain.length - 1 - Math.max(0, Math.floor(trustedHops)))] ?? 'unknown';
  // One client, one counter: an IPv4 peer seen through an IPv6 socket is the same IPv4 address.
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}
