import { ConflictError, ValidationError } from '@kinerja/errors';

import { INTERVIEW_MAXIMUM } from './final-score.rule';
import { skdScoreProblems, type SkdScores } from './skd.rule';
import { under } from './text';

/**
 * Where an application stands. After verification: QUALIFIED or NOT_QUALIFIED (TMS); after the
 * SKD announcement: BELOW_PASS_MARK, OUTSIDE_SKB_CUT or SKB; after the final one: SELECTED or
 * NOT_SELECTED; then HIRED. WITHDRAWN at any step before the hire, by the applicant or HR.
 */
export const APPLICATION_STATUSES = [
  'SUBMITTED',
  'QUALIFIED',
  'NOT_QUALIFIED',
  'BELOW_PASS_MARK',
  'OUTSIDE_SKB_CUT',
  'SKB',
  'SELECTED',
  'NOT_SELECTED',
  'HIRED',
  'WITHDRAWN',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export interface Application {
  id: string;
  agencyId: string;
  selectionId: string;
  vacancyId: string;
  applicantId: string;
  /** Nomor peserta: what announcements show instead of personal data. */
  registrationNumber: string;
  idempotencyKey: string;
  status: ApplicationStatus;
  verificationNote: string | null;
  skd: SkdScores | null;
  skdRank: number | null;
  skbScore: number | null;
  interviewAt: Date | null;
  interviewLink: string | null;
  interviewScore: number | null;
  finalScore: number | null;
  finalRank: number | null;
  nip: string | null;
  /** The status the application had when it was withdrawn (what the published stages still show). */
  withdrawnFrom: ApplicationStatus | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  submittedAt: Date;
  updatedAt: Date;
}

const refuse = (application: Application, action: string, expected: string) =>
  new ConflictError(`Application ${application.registrationNumber} is ${application.status}; ${action} needs ${expected}`, { status: application.status });

/** Administrative verification: qualified, or not with the reason (TMS). Repeatable until announced. */
export function verify(application: Application, decision: { qualified: boolean; reason: string | null }, now: Date): Application {
  if (!['SUBMITTED', 'QUALIFIED', 'NOT_QUALIFIED'].includes(application.status)) throw refuse(application, 'verification', 'an unannounced application');
  const reason = decision.reason?.trim() || null;
  if (!decision.qualified && !reason) throw new ValidationError({ field: 'input.reason', message: 'a not-qualified application needs the reason' });
  if (reason && reason.length > 2000) throw new ValidationError({ field: 'input.reason', message: 'must be at most 2000 characters' });
  return { ...application, status: decision.qualified ? 'QUALIFIED' : 'NOT_QUALIFIED', verificationNote: reason, updatedAt: now };
}

/** Why an application takes no SKD scores (null: it takes them): only a qualified applicant sat the SKD. */
export function skdRefusal(application: Pick<Application, 'registrationNumber' | 'status'>): string | null {
  return application.status === 'QUALIFIED'
    ? null
    : `Application ${application.registrationNumber} is ${application.status}; SKD scores needs a qualified applicant`;
}

/** SKD scores, once the administrative results are out and before the SKD ones are. */
export function recordSkd(application: Application, scores: SkdScores, now: Date, field = 'input.skd'): Application {
  const problems = skdScoreProblems(scores);
  if (problems.length > 0) throw new ValidationError(under(field, problems));
  const refusal = skdRefusal(application);
  if (refusal) throw new ConflictError(refusal, { status: application.status });
  return { ...application, skd: { ...scores }, updatedAt: now };
}

export function recordSkb(application: Application, score: number, maximum: number, now: Date): Application {
  if (!(Number.isFinite(score) && score >= 0 && score <= maximum))
    throw new ValidationError({ field: 'input.skbScore', message: `must be from 0 to ${maximum}` });
  if (application.status !== 'SKB') throw refuse(application, 'an SKB score', 'an SKB participant');
  return { ...application, skbScore: score, updatedAt: now };
}

/** The interview (wawancara) is part of the SKB: held by video conference. */
export function scheduleInterview(application: Application, at: Date, link: string, now: Date): Application {
  let url: URL | null = null;
  try {
    url = new URL(link);
  } catch {
    url = null;
  }
  if (!url || url.protocol !== 'https:' || link.length > 500)
    throw new ValidationError({ field: 'input.link', message: 'must be an https link of the video conference' });
  if (at.getTime() <= now.getTime()) throw new ValidationError({ field: 'input.at', message: 'must be in the future' });
  if (application.status !== 'SKB') throw refuse(application, 'an interview', 'an SKB participant');
  return { ...application, interviewAt: at, interviewLink: url.toString(), updatedAt: now };
}

export function recordInterview(application: Application, score: number, now: Date): Application {
  if (!(Number.isFinite(score) && score >= 0 && score <= INTERVIEW_MAXIMUM))
    throw new ValidationError({ field: 'input.score', message: `must be from 0 to ${INTERVIEW_MAXIMUM}` });
  if (application.status !== 'SKB') throw refuse(application, 'an interview score', 'an SKB participant');
  if (!application.interviewAt) throw new ConflictError('The interview has not been scheduled', { field: 'input.applicationId' });
  return { ...application, interviewScore: score, updatedAt: now };
}

/**
 * The applicant withdraws (mengundurkan diri), or HR records it: at any step before the hire, once.
 * The application keeps what it reached (`withdrawnFrom`); a selected one's place is passed on
 * (withdrawal.rule). A hired applicant has become an employee and leaves through identity.
 */
export function withdraw(application: Application, reason: string | null, now: Date): Application {
  if (application.status === 'WITHDRAWN')
    throw new ConflictError(`Application ${application.registrationNumber} was withdrawn already`, {
      field: 'input.applicationId',
      status: application.status,
    });
  if (application.status === 'HIRED')
    throw new ConflictError(`Application ${application.registrationNumber} is HIRED; a hired applicant leaves as an employee, not by withdrawing`, {
      field: 'input.applicationId',
      status: application.status,
    });
  const trimmed = reason?.trim() || null;
  if (trimmed && trimmed.length > 1000) throw new ValidationError({ field: 'input.reason', message: 'must be at most 1000 characters' });
  return { ...application, status: 'WITHDRAWN', withdrawnFrom: application.status, withdrawnAt: now, withdrawalReason: trimmed, updatedAt: now };
}
