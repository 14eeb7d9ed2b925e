import { assertAuthenticated, canManageAgency } from '@kinerja/auth';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';
import { assertEntityId, type Clock, type IdGenerator, todayIn } from '@kinerja/kernel';

import { monthOf, parseSurvey, type SurveyScores } from '../domain/citizen-survey';
import { IKM_ELEMENTS } from '../domain/ikm.rule';
import { type Bucket, giveBackToken, isFull, type RateLimit, takeToken } from '../domain/rate-limit.rule';
import type { CitizenSurveyRepository, ServiceUnit } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';

/** Issues one-time survey tokens and hashes presented ones (only hashes are stored). */
export interface SurveyTokens {
  /** A new token for the unit; the token names the unit (read back by unitOf), the hash is what is stored. */
  issue(orgUnitId: string): { token: string; hash: string };
  /** The unit a token names, unverified until its hash is found for that unit; null for a token of another form. */
  unitOf(token: string): string | null;
  hashOf(token: string): string;
  /** A digest of the answers a token is spent on, keyed by the token (not reversible without it). */
  answerDigestOf(token: string, answer: string): string;
}

/** The answers in one canonical form: the same submission always gives the same digest. */
const canonicalAnswer = (orgUnitId: string, parsed: { scores: SurveyScores; comment: string | null }): string =>
  JSON.stringify([orgUnitId, IKM_ELEMENTS.map((element) => parsed.scores[element]), parsed.comment]);

/** The per-deployment limits of the public survey (README: SURVEY_* variables). */
export interface SurveyLimits {
  perAddress: RateLimit;
  perUnit: RateLimit;
  commentMaxLength: number;
  tokenTtlMinutes: number;
}

/** A flood refused: FORBIDDEN with `reason: RATE_LIMITED`, which limit, and when to try again (null: a limit that never refills). */
export class RateLimitedError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  constructor(scope: 'CLIENT_ADDRESS' | 'ORG_UNIT', retryAfterMs: number) {
    super('Too many survey requests; try again later', {
      reason: 'RATE_LIMITED',
      scope,
      retryAfterSeconds: Number.isFinite(retryAfterMs) ? Math.max(1, Math.ceil(retryAfterMs / 1000)) : null,
    });
  }
}

/**
 * Token buckets in this process's memory, one per key. Each replica limits on its own (a flood spread
 * over N replicas gets N times the rate); full buckets are forgotten so the map stays small.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: Clock,
    private readonly maxKeys = 50_000,
  ) {}

  /** Takes a token for the key, or answers how long until the next one. */
  take(key: string): { allowed: boolean; retryAfterMs: number } {
    const now = this.clock.now().getTime();
    const result = takeToken(this.buckets.get(key), now, this.limit);
    this.buckets.set(key, result.bucket);
    if (this.buckets.size > this.maxKeys) this.forgetFull(now);
    return { allowed: result.allowed, retryAfterMs: result.retryAfterMs };
  }

  /** Returns a token taken for a request that turned out to change nothing. */
  giveBack(key: string): void {
    const bucket = this.buckets.get(key);
    if (bucket) this.buckets.set(key, giveBackToken(bucket, this.limit));
  }

  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) if (isFull(bucket, now, this.limit)) this.buckets.delete(key);
  }
}

const unitRefused = () => new ForbiddenError('This unit does not take citizen surveys');

/** HR marks a unit of their agency as serving the public (or unmarks it). */
export class SetServiceUnit {
  constructor(
    private readonly survey: CitizenSurveyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { orgUnitId: string; servesPublic: boolean }): Promise<ServiceUnit> {
    assertAuthenticated(actor.viewer);
    assertEntityId(input.orgUnitId, 'input.orgUnitId');
    const agencyId = await this.survey.agencyOfUnit(input.orgUnitId);
    if (agencyId === null) throw new NotFoundError('OrgUnit', input.orgUnitId, 'input.orgUnitId');
    if (!canManageAgency(actor.viewer, agencyId)) throw new ForbiddenError("Only the agency's HR admin marks its service units");
    const unit: ServiceUnit = { orgUnitId: input.orgUnitId, agencyId, servesPublic: input.servesPublic };
    await this.survey.setServiceUnit(unit, this.clock.now(), auditContextOf(actor));
    return unit;
  }
}

/** Anyone asks for a one-time token to answer a service unit's survey; limited per client address. */
export class IssueSurveyToken {
  constructor(
    private readonly survey: CitizenSurveyRepository,
    private readonly tokens: SurveyTokens,
    private readonly perAddress: RateLimiter,
    private readonly limits: SurveyLimits,
    private readonly clock: Clock,
  ) {}

  async execute(clientAddress: string, orgUnitId: string): Promise<{ token: string; orgUnitId: string; expiresAt: Date }> {
    assertEntityId(orgUnitId, 'orgUnitId');
    const allowed = this.perAddress.take(`issue:${clientAddress}`);
    if (!allowed.allowed) throw new RateLimitedError('CLIENT_ADDRESS', allowed.retryAfterMs);
    const issuedAt = this.clock.now();
    const expiresAt = new Date(issuedAt.getTime() + this.limits.tokenTtlMinutes * 60_000);
    const { token, hash } = this.tokens.issue(orgUnitId);
    // Stored only for a unit that serves the public, checked in the same statement.
    if (!(await this.survey.issueToken(hash, orgUnitId, issuedAt, expiresAt))) throw unitRefused();
    return { token, orgUnitId, expiresAt };
  }
}

export interface SubmitPublicFeedbackInput {
  token: string;
  answers: readonly { element: string; score: number }[];
  comment?: string | null;
}

/**
 * A citizen's anonymous answer (rule 7): limited per client address and per unit, the token spent,
 * the unit's month aggregate and the comment written in one transaction; a refusal stores nothing.
 * Safe to retry: a client that lost the answer (a timeout, an overloaded gateway) sends the same
 * token and answers again and gets the same receipt, counted once; other answers on a spent token
 * are refused (`TOKEN_SPENT`).
 */
export class SubmitPublicFeedback {
  constructor(
    private readonly survey: CitizenSurveyRepository,
    private readonly tokens: SurveyTokens,
    private readonly perAddress: RateLimiter,
    private readonly perUnit: RateLimiter,
    private readonly limits: SurveyLimits,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(clientAddress: string, input: SubmitPublicFeedbackInput): Promise<{ orgUnitId: string; acceptedAt: Date }> {
    const byAddress = this.perAddress.take(`submit:${clientAddress}`);
    if (!byAddress.allowed) throw new RateLimitedError('CLIENT_ADDRESS', byAddress.retryAfterMs);
    if (input.token.trim().length === 0) throw new ValidationError({ field: 'input.token', message: 'is required' });
    let parsed: ReturnType<typeof parseSurvey>;
    try {
      parsed = parseSurvey(input.answers, input.comment, this.limits.commentMaxLength);
    } catch (error) {
      throw error instanceof ValidationError ? error.under('input') : error;
    }
    const tokenHash = this.tokens.hashOf(input.token);
    const now = this.clock.now();
    const month = monthOf(todayIn(this.clock));
    const comment = parsed.comment === null ? null : { id: this.ids.newId(), text: parsed.comment };
    // The common case in one statement: a token that names its unit, unspent, within the unit's limit.
    const named = this.tokens.unitOf(input.token);
    if (named !== null && this.perUnit.take(`unit:${named}`).allowed) {
      const answerDigest = this.tokens.answerDigestOf(input.token, canonicalAnswer(named, parsed));
      if (await this.survey.spendToken({ tokenHash, answerDigest, orgUnitId: named, month, scores: parsed.scores, comment, at: now })) {
        return { orgUnitId: named, acceptedAt: now };
      }
      // Nothing written (spent, expired, forged, a unit no longer serving, or the unit's limit):
      // the unit's token back, and the token read to say which.
      this.perUnit.giveBack(`unit:${named}`);
    }
    const token = await this.survey.token(tokenHash);
    if (!token) throw new ValidationError({ field: 'input.token', message: 'is not a survey token this service issued' });
    const answerDigest = this.tokens.answerDigestOf(input.token, canonicalAnswer(token.orgUnitId, parsed));
    if (token.spentAt) return replayOf(token, answerDigest);
    if (token.expiresAt.getTime() <= now.getTime()) throw new ConflictError('This survey token has expired', { field: 'input.token', reason: 'TOKEN_EXPIRED' });
    const byUnit = this.perUnit.take(`unit:${token.orgUnitId}`);
    if (!byUnit.allowed) throw new RateLimitedError('ORG_UNIT', byUnit.retryAfterMs);
    // One statement checks that the unit still serves the public, spends the token and counts the answers.
    const recorded = await this.survey.recordAnswer({ tokenHash, answerDigest, orgUnitId: token.orgUnitId, month, scores: parsed.scores, comment, at: now });
    // Spent meanwhile: by this same submission sent twice at once (the same receipt), or by another.
    if (recorded.spentBefore) return replayOf({ ...token, ...recorded.spentBefore }, answerDigest);
    return { orgUnitId: token.orgUnitId, acceptedAt: now };
  }
}

/** A spent token answers its first receipt when the answers are the same, and TOKEN_SPENT otherwise. */
function replayOf(
  token: { orgUnitId: string; spentAt: Date | null; answerDigest: string | null },
  answerDigest: string,
): { orgUnitId: string; acceptedAt: Date } {
  if (token.spentAt === null || token.answerDigest !== answerDigest)
    throw new ConflictError('This survey token has already been used', { field: 'input.token', reason: 'TOKEN_SPENT' });
  return { orgUnitId: token.orgUnitId, acceptedAt: token.spentAt };
}
