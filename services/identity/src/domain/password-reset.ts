/** How long a reset link HR issued stays good. */
export const PASSWORD_RESET_TTL_MS = 24 * 60 * 60_000;

/**
 * A one-time password reset: HR issues it for an account and hands the link to its holder, who
 * chooses the new password. Only the token's SHA-256 is stored; a newer reset voids the older ones,
 * and the first use spends it.
 */
export interface PasswordReset {
  id: string;
  userId: string;
  expiresAt: Date;
  /** The HR admin or province admin who issued it. */
  issuedBy: string;
}

/** Why a reset token is refused; every case answers the same to the caller (INVALID_RESET_TOKEN). */
export type ResetTokenRefusal = 'UNKNOWN' | 'USED' | 'VOIDED' | 'EXPIRED';

export function resetTokenRefusal(reset: { usedAt: Date | null; voidedAt: Date | null; expiresAt: Date } | null, now: Date): ResetTokenRefusal | null {
  if (!reset) return 'UNKNOWN';
  if (reset.usedAt) return 'USED';
  if (reset.voidedAt) return 'VOIDED';
  return reset.expiresAt <= now ? 'EXPIRED' : null;
}
