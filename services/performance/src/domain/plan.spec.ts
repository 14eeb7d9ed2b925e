import { ConflictError, ForbiddenError, ValidationError } from '@kinerja/errors';

import { assertReadyToSubmit, changePlanStatus, type Indicator, newIndicator, newPlan, type WorkResult } from './plan';

const base = { aspect: 'QUANTITY' as const, description: 'Dokumen', target: 12, unit: 'dokumen', lowerIsBetter: false };
const fieldOf = (work: () => unknown): string | null => {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof ValidationError ? error.field : String(error);
  }
};

describe('SKP plans', () => {
  it.each([
    [{ target: 0 }, 'input.target'],
    [{ target: -1 }, 'input.target'],
    [{ target: Number.NaN }, 'input.target'],
    [{ unit: ' ' }, 'input.unit'],
    [{ description: 'ab' }, 'input.description'],
    [{ lowerIsBetter: true }, 'input.lowerIsBetter'],
    [{ lowerIsBetter: true, aspect: 'TIME' as const }, null],
    [{ target: 0.5 }, null],
  ])('an indicator with %p is refused at %p', (overrides, field) => {
    expect(fieldOf(() => newIndicator('i', 'w', { ...base, ...overrides }, 1))).toBe(field);
  });

  const workResult = (id: string, kind: 'MAIN' | 'ADDITIONAL'): WorkResult => ({
    id,
    planId: 'p',
    kind,
    title: id,
    position: 1,
    cascadedFromWorkResultId: null,
  });
  const indicatorOf = (workResultId: string): Indicator => ({ ...base, id: `i-${workResultId}`, workResultId, position: 1 });

  it.each([
    ['no results', [], [], 'workResults'],
    ['only ADDITIONAL results', [workResult('a', 'ADDITIONAL')], [indicatorOf('a')], 'workResults'],
    ['a result without indicator', [workResult('m', 'MAIN'), workResult('a', 'ADDITIONAL')], [indicatorOf('m')], 'workResults.a.indicators'],
    ['a MAIN result with an indicator', [workResult('m', 'MAIN')], [indicatorOf('m')], null],
  ])('submitting a plan with %s: %p', (_case, results, indicators, field) => {
    expect(fieldOf(() => assertReadyToSubmit(results, indicators))).toBe(field);
  });

  it('stamps each workflow step on the plan', () => {
    const at = new Date('2031-01-10T00:00:00Z');
    const draft = newPlan('p', { agencyId: 'A', periodId: 'y', employeeId: 'e', orgUnitId: 'u' });
    const submitted = changePlanStatus(draft, 'SUBMIT', 'EMPLOYEE', { at, actorEmployeeId: 'e' });
    expect(submitted).toMatchObject({ status: 'SUBMITTED', submittedAt: at });
    const returned = changePlanStatus(submitted, 'RETURN', 'SUPERVISOR', { at, actorEmployeeId: 's', note: ' Tambah indikator mutu ' });
    expect(returned).toMatchObject({ status: 'RETURNED', returnNote: 'Tambah indikator mutu' });
    const again = changePlanStatus(changePlanStatus(returned, 'EDIT', 'EMPLOYEE', { at, actorEmployeeId: 'e' }), 'SUBMIT', 'EMPLOYEE', {
      at,
      actorEmployeeId: 'e',
    });
    expect(changePlanStatus(again, 'APPROVE', 'SUPERVISOR', { at, actorEmployeeId: 's' })).toMatchObject({
      status: 'APPROVED',
      approvedAt: at,
      approvedByEmployeeId: 's',
      returnNote: null,
    });
    expect(() => changePlanStatus(draft, 'APPROVE', 'EMPLOYEE', { at, actorEmployeeId: 'e' })).toThrow(ForbiddenError);
    expect(() => changePlanStatus(draft, 'APPROVE', 'SUPERVISOR', { at, actorEmployeeId: 's' })).toThrow(ConflictError);
  });
});
