import type { Application, ApplicationStatus } from './application';
import { passOnPlace } from './withdrawal.rule';

const before = new Date('2027-09-01T00:00:00Z');
const now = new Date('2027-09-10T00:00:00Z');

function application(id: string, status: ApplicationStatus, finalRank: number | null, vacancyId = 'v1'): Application {
  return {
    id,
    agencyId: 'a',
    selectionId: 's',
    vacancyId,
    applicantId: `p-${id}`,
    registrationNumber: `CPNS-${id}`,
    idempotencyKey: `key-${id}`,
    status,
    verificationNote: null,
    skd: { twk: 100, tiu: 100, tkp: 180 },
    skdRank: null,
    skbScore: finalRank === null ? null : 80,
    interviewAt: null,
    interviewLink: null,
    interviewScore: null,
    finalScore: finalRank === null ? null : 90 - finalRank,
    finalRank,
    nip: null,
    withdrawnFrom: null,
    withdrawnAt: null,
    withdrawalReason: null,
    submittedAt: before,
    updatedAt: before,
  };
}

describe('a withdrawal passes the place on', () => {
  const formation = [
    application('1', 'SELECTED', 1),
    application('2', 'SELECTED', 2),
    application('3', 'NOT_SELECTED', 4),
    application('4', 'NOT_SELECTED', 3),
    application('5', 'NOT_SELECTED', null),
    application('6', 'NOT_SELECTED', 1, 'v2'),
    application('7', 'HIRED', 1, 'v3'),
  ];

  it.each([
    ['the first selected leaves: the best unselected rank (3) moves up', '1', '4'],
    ['the second selected leaves: the same next one moves up', '2', '4'],
  ])('%s', (_case, leaving, next) => {
    const outcome = passOnPlace(
      formation.find((a) => a.id === leaving)!,
      formation,
      now,
    );
    expect(outcome.withdrawnId).toBe(leaving);
    expect(outcome.promoted).toMatchObject({ id: next, status: 'SELECTED', finalRank: 3, updatedAt: now });
  });

  it.each([
    ['only absentees are left (no final rank): the place stays empty', [application('1', 'SELECTED', 1), application('5', 'NOT_SELECTED', null)]],
    ['only another formation has unselected applicants', [application('1', 'SELECTED', 1), application('6', 'NOT_SELECTED', 1, 'v2')]],
    ['nobody else', [application('1', 'SELECTED', 1)]],
  ])('%s', (_case, rows) => {
    expect(passOnPlace(rows[0]!, rows, now).promoted).toBeNull();
  });

  it('moves up once: after a promotion the next withdrawal takes the next rank', () => {
    const first = passOnPlace(formation[0]!, formation, now);
    const after = formation.map((a) =>
      a.id === first.withdrawnId ? { ...a, status: 'NOT_SELECTED' as const, finalRank: null } : a.id === first.promoted?.id ? first.promoted : a,
    );
    expect(
      passOnPlace(
        after.find((a) => a.id === '2')!,
        after,
        now,
      ).promoted?.id,
    ).toBe('3');
  });

  it.each(['NOT_SELECTED', 'HIRED', 'SKB', 'QUALIFIED'] as const)('refuses a %s application with CONFLICT naming input.applicationId', (status) => {
    expect(() => passOnPlace(application('9', status, 5), formation, now)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', details: expect.objectContaining({ field: 'input.applicationId' }) }),
    );
  });
});
