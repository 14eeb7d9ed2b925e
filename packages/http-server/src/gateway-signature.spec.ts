import { checkGatewaySignature, GATEWAY_SIGNATURE_TOLERANCE_MS, signGatewayRequest } from './gateway-signature';

const SECRET = 'a-gateway-secret-of-at-least-32-characters';
const PREVIOUS = 'the-previous-gateway-secret-of-32-characters';
const BODY = '{"query":"{ me { id } }"}';
const NOW = 1_800_000_000_000;

describe('gateway request signatures', () => {
  const signed = signGatewayRequest(SECRET, BODY, NOW);

  it.each([
    ['a signature of this body, now', [SECRET], signed, BODY, NOW, 'valid'],
    ['a signature by the previous secret, during rotation', [SECRET, PREVIOUS], signGatewayRequest(PREVIOUS, BODY, NOW), BODY, NOW, 'valid'],
    ['no header', [SECRET], undefined, BODY, NOW, 'missing'],
    ['an empty header', [SECRET], '', BODY, NOW, 'missing'],
    ['a header of another shape', [SECRET], 'sha256=abc', BODY, NOW, 'malformed'],
    ['another body (the signature does not travel)', [SECRET], signed, '{"query":"{ employees { totalCount } }"}', NOW, 'invalid'],
    ['another secret', ['someone-else-s-secret-of-32-characters!!'], signed, BODY, NOW, 'invalid'],
    ['a replay after the tolerance', [SECRET], signed, BODY, NOW + GATEWAY_SIGNATURE_TOLERANCE_MS + 1, 'expired'],
    [
      'a timestamp from the future beyond the tolerance',
      [SECRET],
      signGatewayRequest(SECRET, BODY, NOW + GATEWAY_SIGNATURE_TOLERANCE_MS + 1),
      BODY,
      NOW,
      'expired',
    ],
    ['a replay within the tolerance', [SECRET], signed, BODY, NOW + GATEWAY_SIGNATURE_TOLERANCE_MS, 'valid'],
    ['no secret to check with', [], signed, BODY, NOW, 'invalid'],
  ] as const)('%s', (_name, secrets, header, payload, now, expected) => {
    expect(checkGatewaySignature(secrets, header, payload, now)).toBe(expected);
  });

  it('signs the same request the same way, and another moment differently', () => {
    expect(signGatewayRequest(SECRET, BODY, NOW)).toBe(signed);
    expect(signGatewayRequest(SECRET, BODY, NOW + 1)).not.toBe(signed);
  });
});
