import { ConflictError, ValidationError } from '@kinerja/errors';

import type { Indicator, PerformancePlan, WorkResult } from './plan';
import { revisePlan } from './plan-revision';

const approvedAt = new Date('2031-02-01T03:00:00Z');
const plan: PerformancePlan = {
  id: 'p',
  agencyId: 'a',
  periodId: 'y',
  employeeId: 'e',
  orgUnitId: 'u',
  status: 'APPROVED',
  returnNote: null,
  submittedAt: new Date('2031-01-20T03:00:00Z'),
  approvedAt,
  approvedByEmployeeId: 's',
  selfAssessment: null,
};
const workResults: WorkResult[] = [
  { id: 'w2', planId: 'p', kind: 'ADDITIONAL', title: 'Tambahan', position: 2, cascadedFromWorkResultId: null },
  { id: 'w1', planId: 'p', kind: 'MAIN', title: 'Utama', position: 1, cascadedFromWorkResultId: null },
];
const indicators: Indicator[] = [
  { id: 'i1', workResultId: 'w1', aspect: 'QUANTITY', description: 'Dokumen', target: 12, unit: 'dokumen', lowerIsBetter: false, position: 1 },
];
const facts = { reason: 'Tugas tambahan dari kepala dinas', annualAssessmentFinal: false, periodClosed: false };
const context = { id: 'r', at: new Date('2031-06-01T03:00:00Z'), actorEmployeeId: 's', earlierRevisions: 1, facts, workResults, indicators };

describe('revisePlan', () => {
  it('reopens the plan as a draft and keeps what was agreed in the revision', () => {
    const { plan: after, revision } = revisePlan(plan, 'SUPERVISOR', context);
    expect(after).toMatchObject({ status: 'DRAFT', approvedAt: null, approvedByEmployeeId: null, submittedAt: null });
    expect(revision).toMatchObject({ planId: 'p', sequence: 2, reason: 'Tugas tambahan dari kepala dinas', revisedAs: 'SUPERVISOR', revisedByEmployeeId: 's' });
    expect(revision.snapshot.approvedAt).toBe(approvedAt);
    expect(revision.snapshot.workResults.map((w) => [w.id, w.indicators.map((i) => i.id)])).toEqual([
      ['w1', ['i1']],
      ['w2', []],
    ]);
  });

  it.each([
    ['a draft', { ...plan, status: 'DRAFT' as const }, {}, ConflictError],
    ['a closed year', plan, { periodClosed: true }, ConflictError],
    ['a final annual assessment', plan, { annualAssessmentFinal: true }, ConflictError],
    ['a short reason', plan, { reason: 'ubah' }, ValidationError],
  ])('refuses %s', (_case, subject, overrides, error) => {
    expect(() => revisePlan(subject, 'EMPLOYEE', { ...context, facts: { ...facts, ...overrides } })).toThrow(error);
  });
});
