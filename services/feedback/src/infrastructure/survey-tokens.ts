import { createHash, createHmac, randomFillSync } from 'node:crypto';

import type { SurveyTokens } from '../application/citizen-survey';

/** The unit's UUID in 22 URL-safe characters, then a dot, then 192 random bits. */
const TOKEN = /^([A-Za-z0-9_-]{22})\.[A-Za-z0-9_-]{32}$/;

/** Random bytes drawn a few kilobytes at a time (as randomUUID does): one call into the CSPRNG per 170 tokens, not one each. */
const RANDOM = Buffer.alloc(24 * 170);
let drawn = RANDOM.length;
function random24(): string {
  if (drawn + 24 > RANDOM.length) {
    randomFillSync(RANDOM);
    drawn = 0;
  }
  drawn += 24;
  return RANDOM.toString('base64url', drawn - 24, drawn);
}

const compactUuid = (uuid: string) => Buffer.from(uuid.replaceAll('-', ''), 'hex').toString('base64url');

function uuidOf(compact: string): string | null {
  const bytes = Buffer.from(compact, 'base64url');
  if (bytes.length !== 16 || bytes.toString('base64url') !== compact) return null;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Tokens of 192 random bits, URL-safe, prefixed with the unit they were issued for (so that a
 * submission is one statement: the unit is known before the token is read); only their SHA-256 is
 * stored, so a database leak spends none. The prefix is covered by the hash: a token that names
 * another unit is another token, one that was never issued.
 */
export const cryptoSurveyTokens: SurveyTokens = {
  issue: (orgUnitId) => {
    const token = `${compactUuid(orgUnitId)}.${random24()}`;
    return { token, hash: cryptoSurveyTokens.hashOf(token) };
  },
  unitOf: (token) => {
    const match = TOKEN.exec(token);
    return match?.[1] === undefined ? null : uuidOf(match[1]);
  },
  hashOf: (token) => createHash('sha256').update(token).digest('hex'),
  // Keyed by the token, which is stored only hashed: the digest tells a retry from a second answer,
  // and nobody without the token can try the few thousand possible answers against it.
  answerDigestOf: (token, answer) => createHmac('sha256', token).update(answer).digest('hex'),
};
