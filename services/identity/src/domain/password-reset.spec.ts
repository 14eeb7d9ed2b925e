import { resetTokenRefusal } from './password-reset';

describe('reset token refusal', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  const later = new Date('2026-12-08T10:00:00Z');
  it.each([
    ['unknown token', null, 'UNKNOWN'],
    ['spent once', { usedAt: now, voidedAt: null, expiresAt: later }, 'USED'],
    ['voided by a newer reset', { usedAt: null, voidedAt: now, expiresAt: later }, 'VOIDED'],
    ['expired', { usedAt: null, voidedAt: null, expiresAt: now }, 'EXPIRED'],
    ['good', { usedAt: null, voidedAt: null, expiresAt: later }, null],
  ] as const)('%s', (_case, reset, refusal) => {
    expect(resetTokenRefusal(reset, now)).toBe(refusal);
  });
});
