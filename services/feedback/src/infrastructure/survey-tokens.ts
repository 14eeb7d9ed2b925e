import { createHash, createHmac, randomBytes } from 'node:crypto';

import type { SurveyTokens } from '../application/citizen-survey';

/** Tokens of 192 random bits, URL-safe; only their SHA-256 is stored, so a database leak spends none. */
export const cryptoSurveyTokens: SurveyTokens = {
  issue: () => {
    const token = randomBytes(24).toString('base64url');
    return { token, hash: cryptoSurveyTokens.hashOf(token) };
  },
  hashOf: (token) => createHash('sha256').update(token).digest('hex'),
  // Keyed by the token, which is stored only hashed: the digest tells a retry from a second answer,
  // and nobody without the token can try the few thousand possible answers against it.
  answerDigestOf: (token, answer) => createHmac('sha256', token).update(answer).digest('hex'),
};
