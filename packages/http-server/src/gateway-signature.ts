import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Proof that a subgraph request came through the gateway. The gateway signs each request it sends
 * with a secret that only it and the subgraphs hold; a subgraph that has the secret refuses every
 * request without a valid signature, so reaching a subgraph's port over the network is not enough
 * to query it (a stolen token alone cannot bypass the gateway's limits).
 *
 * The header reads `t=<unix ms>,v1=<base64url HMAC-SHA256 of "<t>.<payload>">`; the payload is the
 * request body (a POST) or the query string (a GET). A signature is accepted for `toleranceMs`
 * around the subgraph's clock, which bounds how long a captured request can be replayed.
 */
export const GATEWAY_SIGNATURE_HEADER = 'x-kinerja-gateway-signature';

/** Five minutes either way: clocks of a cluster's nodes drift by far less. */
export const GATEWAY_SIGNATURE_TOLERANCE_MS = 5 * 60_000;

export type GatewaySignatureCheck = 'valid' | 'missing' | 'malformed' | 'expired' | 'invalid';

const mac = (secret: string, timestamp: string, payload: string) => createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest();

export function signGatewayRequest(secret: string, payload: string, now: number = Date.now()): string {
  const timestamp = String(now);
  return `t=${timestamp},v1=${mac(secret, timestamp, payload).toString('base64url')}`;
}

const SIGNATURE = /^t=(\d{1,16}),v1=([A-Za-z0-9_-]{43})$/;

/** Checks a request's signature against the current secret and any previous one (rotation). */
export function checkGatewaySignature(
  secrets: readonly string[],
  header: string | undefined,
  payload: string,
  now: number = Date.now(),
  toleranceMs: number = GATEWAY_SIGNATURE_TOLERANCE_MS,
): GatewaySignatureCheck {
  if (!header) return 'missing';
  const match = SIGNATURE.exec(header);
  if (!match) return 'malformed';
  const [, timestamp = '', signature = ''] = match;
  if (Math.abs(now - Number(timestamp)) > toleranceMs) return 'expired';
  const given = Buffer.from(signature, 'base64url');
  return secrets.some((secret) => {
    const expected = mac(secret, timestamp, payload);
    return expected.length === given.length && timingSafeEqual(expected, given);
  })
    ? 'valid'
    : 'invalid';
}
