import { ValidationError } from '@kinerja/errors';

import { newReward, newSanction } from './follow-up.rule';
import type { Predikat, RewardKind, SanctionKind } from './vocabulary';

const base = { agencyId: 'a', employeeId: 'e1', assessmentId: null, note: 'for the year 2026 results' };
const annual = (predikat: Predikat) => ({ employeeId: 'e1', kind: 'ANNUAL' as const, predikat });

function fieldOf(work: () => unknown): string | null {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof ValidationError ? error.field : 'other';
  }
}

describe('rewards and sanctions rest on the assessment where the regulation says so', () => {
  it.each<[RewardKind, ReturnType<typeof annual> | null, string | null]>([
    ['CERTIFICATE', null, null],
    ['BEST_TEAM', null, null],
    ['PERFORMANCE_BONUS_RECOMMENDATION', null, 'input.assessmentId'],
    ['PERFORMANCE_BONUS_RECOMMENDATION', annual('BAIK'), null],
    ['PERFORMANCE_BONUS_RECOMMENDATION', annual('BUTUH_PERBAIKAN'), 'input.assessmentId'],
    ['PROMOTION_RECOMMENDATION', annual('SANGAT_BAIK'), null],
    ['PROMOTION_RECOMMENDATION', { ...annual('SANGAT_BAIK'), kind: 'PERIODIC' as never }, 'input.assessmentId'],
    ['CERTIFICATE', { ...annual('BAIK'), employeeId: 'someone else' }, 'input.assessmentId'],
  ])('reward %s with %p → %p', (kind, basis, field) => {
    expect(fieldOf(() => newReward('r', { ...base, kind, grantedAt: new Date() }, basis))).toBe(field);
  });

  it.each<[SanctionKind, ReturnType<typeof annual> | null, string | null]>([
    ['COACHING', null, null],
    ['WRITTEN_WARNING', null, null],
    ['DISCIPLINE_REFERRAL', null, 'input.assessmentId'],
    ['DISCIPLINE_REFERRAL', annual('KURANG'), null],
    ['DISCIPLINE_REFERRAL', annual('SANGAT_KURANG'), null],
    ['DISCIPLINE_REFERRAL', annual('BUTUH_PERBAIKAN'), 'input.assessmentId'],
  ])('sanction %s with %p → %p', (kind, basis, field) => {
    expect(fieldOf(() => newSanction('s', { ...base, kind, issuedAt: new Date() }, basis))).toBe(field);
  });

  it('needs a note an auditor can read', () => {
    expect(fieldOf(() => newReward('r', { ...base, note: 'ok', kind: 'CERTIFICATE', grantedAt: new Date() }, null))).toBe('input.note');
  });
});
