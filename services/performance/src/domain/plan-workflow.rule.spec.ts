import { ConflictError, ForbiddenError, ValidationError } from '@kinerja/errors';

import { allowedActions, assertPlanEditable, type PlanAction, type PlanActor, type RevisionFacts, transition } from './plan-workflow.rule';
import type { PlanStatus } from './vocabulary';

type Outcome = PlanStatus | 'FORBIDDEN' | 'CONFLICT';

const ERROR_OF: Record<'FORBIDDEN' | 'CONFLICT', typeof ForbiddenError | typeof ConflictError> = { FORBIDDEN: ForbiddenError, CONFLICT: ConflictError };

const REVISABLE: RevisionFacts = { reason: 'Ada penugasan baru dari kepala bidang', annualAssessmentFinal: false, periodClosed: false };

describe('transition', () => {
  // Every (state, action, actor): 4 × 5 × 2.
  it.each<[PlanStatus, PlanAction, PlanActor, Outcome]>([
    ['DRAFT', 'SUBMIT', 'EMPLOYEE', 'SUBMITTED'],
    ['DRAFT', 'SUBMIT', 'SUPERVISOR', 'FORBIDDEN'],
    ['DRAFT', 'APPROVE', 'EMPLOYEE', 'FORBIDDEN'],
    ['DRAFT', 'APPROVE', 'SUPERVISOR', 'CONFLICT'],
    ['DRAFT', 'RETURN', 'EMPLOYEE', 'FORBIDDEN'],
    ['DRAFT', 'RETURN', 'SUPERVISOR', 'CONFLICT'],
    ['DRAFT', 'EDIT', 'EMPLOYEE', 'CONFLICT'],
    ['DRAFT', 'EDIT', 'SUPERVISOR', 'FORBIDDEN'],
    ['SUBMITTED', 'SUBMIT', 'EMPLOYEE', 'CONFLICT'],
    ['SUBMITTED', 'SUBMIT', 'SUPERVISOR', 'FORBIDDEN'],
    ['SUBMITTED', 'APPROVE', 'EMPLOYEE', 'FORBIDDEN'],
    ['SUBMITTED', 'APPROVE', 'SUPERVISOR', 'APPROVED'],
    ['SUBMITTED', 'RETURN', 'EMPLOYEE', 'FORBIDDEN'],
    ['SUBMITTED', 'RETURN', 'SUPERVISOR', 'RETURNED'],
    ['SUBMITTED', 'EDIT', 'EMPLOYEE', 'CONFLICT'],
    ['SUBMITTED', 'EDIT', 'SUPERVISOR', 'FORBIDDEN'],
    ['RETURNED', 'SUBMIT', 'EMPLOYEE', 'SUBMITTED'],
    ['RETURNED', 'SUBMIT', 'SUPERVISOR', 'FORBIDDEN'],
    ['RETURNED', 'APPROVE', 'EMPLOYEE', 'FORBIDDEN'],
    ['RETURNED', 'APPROVE', 'SUPERVISOR', 'CONFLICT'],
    ['RETURNED', 'RETURN', 'EMPLOYEE', 'FORBIDDEN'],
    ['RETURNED', 'RETURN', 'SUPERVISOR', 'CONFLICT'],
    ['RETURNED', 'EDIT', 'EMPLOYEE', 'DRAFT'],
    ['RETURNED', 'EDIT', 'SUPERVISOR', 'FORBIDDEN'],
    ['APPROVED', 'SUBMIT', 'EMPLOYEE', 'CONFLICT'],
    ['APPROVED', 'SUBMIT', 'SUPERVISOR', 'FORBIDDEN'],
    ['APPROVED', 'APPROVE', 'EMPLOYEE', 'FORBIDDEN'],
    ['APPROVED', 'APPROVE', 'SUPERVISOR', 'CONFLICT'],
    ['APPROVED', 'RETURN', 'EMPLOYEE', 'FORBIDDEN'],
    ['APPROVED', 'RETURN', 'SUPERVISOR', 'CONFLICT'],
    ['APPROVED', 'EDIT', 'EMPLOYEE', 'CONFLICT'],
    ['APPROVED', 'EDIT', 'SUPERVISOR', 'FORBIDDEN'],
    ['DRAFT', 'REVISE', 'EMPLOYEE', 'CONFLICT'],
    ['DRAFT', 'REVISE', 'SUPERVISOR', 'CONFLICT'],
    ['SUBMITTED', 'REVISE', 'EMPLOYEE', 'CONFLICT'],
    ['SUBMITTED', 'REVISE', 'SUPERVISOR', 'CONFLICT'],
    ['RETURNED', 'REVISE', 'EMPLOYEE', 'CONFLICT'],
    ['RETURNED', 'REVISE', 'SUPERVISOR', 'CONFLICT'],
    ['APPROVED', 'REVISE', 'EMPLOYEE', 'DRAFT'],
    ['APPROVED', 'REVISE', 'SUPERVISOR', 'DRAFT'],
  ])('%s + %s by %s → %s', (status, action, actor, outcome) => {
    const run = () => transition(status, action, actor, { note: 'Target indikator 2 terlalu rendah', revision: REVISABLE });
    if (outcome === 'FORBIDDEN' || outcome === 'CONFLICT') expect(run).toThrow(ERROR_OF[outcome]);
    else expect(run()).toBe(outcome);
  });

  it.each([
    ['no note', undefined],
    ['a null note', null],
    ['a blank note', '   '],
  ])('refuses a return with %s, on the note', (_case, note) => {
    const run = () => transition('SUBMITTED', 'RETURN', 'SUPERVISOR', { note });
    expect(run).toThrow(ValidationError);
    expect(run).toThrow(expect.objectContaining({ field: 'note' }));
  });

  it('points an approved plan to a revision', () => {
    expect(() => transition('APPROVED', 'SUBMIT', 'EMPLOYEE')).toThrow(/revision/);
  });
});

describe('transition by revision', () => {
  type RevisionOutcome = 'DRAFT' | 'CONFLICT' | 'BAD_USER_INPUT';
  it.each<[string, Partial<RevisionFacts>, RevisionOutcome]>([
    ['an open year, no annual assessment, a reason', {}, 'DRAFT'],
    ['a closed year', { periodClosed: true }, 'CONFLICT'],
    ['a final annual assessment', { annualAssessmentFinal: true }, 'CONFLICT'],
    ['both', { periodClosed: true, annualAssessmentFinal: true }, 'CONFLICT'],
    ['no reason', { reason: null }, 'BAD_USER_INPUT'],
    ['a blank reason', { reason: '          ' }, 'BAD_USER_INPUT'],
    ['a reason of 9 characters', { reason: 'Ubah RHK.' }, 'BAD_USER_INPUT'],
    ['a reason of 10 characters', { reason: ' Ubah RHK!! ' }, 'DRAFT'],
    ['a reason of 2001 characters', { reason: 'x'.repeat(2001) }, 'BAD_USER_INPUT'],
  ])('an approved plan with %s → %s', (_case, facts, outcome) => {
    for (const actor of ['EMPLOYEE', 'SUPERVISOR'] as const) {
      const run = () => transition('APPROVED', 'REVISE', actor, { revision: { ...REVISABLE, ...facts } });
      if (outcome === 'DRAFT') expect(run()).toBe('DRAFT');
      else if (outcome === 'CONFLICT') expect(run).toThrow(ConflictError);
      else expect(run).toThrow(expect.objectContaining({ field: 'input.reason' }));
    }
  });

  it('refuses a revision whose facts were not given, rather than skip its guards', () => {
    expect(() => transition('APPROVED', 'REVISE', 'EMPLOYEE')).toThrow(/facts/);
  });
});

describe('allowedActions', () => {
  it.each<[PlanStatus, PlanActor, PlanAction[]]>([
    ['DRAFT', 'EMPLOYEE', ['SUBMIT']],
    ['DRAFT', 'SUPERVISOR', []],
    ['SUBMITTED', 'EMPLOYEE', []],
    ['SUBMITTED', 'SUPERVISOR', ['APPROVE', 'RETURN']],
    ['RETURNED', 'EMPLOYEE', ['SUBMIT', 'EDIT']],
    ['RETURNED', 'SUPERVISOR', []],
    ['APPROVED', 'EMPLOYEE', ['REVISE']],
    ['APPROVED', 'SUPERVISOR', ['REVISE']],
  ])('%s, %s → %j', (status, actor, actions) => {
    expect(allowedActions(status, actor)).toEqual(actions);
  });

  it.each<[PlanStatus, PlanActor, { periodClosed?: boolean; annualAssessmentFinal?: boolean }, PlanAction[]]>([
    ['APPROVED', 'EMPLOYEE', { annualAssessmentFinal: true }, []],
    ['APPROVED', 'SUPERVISOR', { periodClosed: true }, []],
    ['DRAFT', 'EMPLOYEE', { periodClosed: true }, []],
    ['SUBMITTED', 'SUPERVISOR', { annualAssessmentFinal: true }, ['APPROVE', 'RETURN']],
  ])('%s, %s with %j → %j', (status, actor, context, actions) => {
    expect(allowedActions(status, actor, context)).toEqual(actions);
  });
});

describe('assertPlanEditable', () => {
  it.each<[PlanStatus, PlanActor, 'OK' | 'FORBIDDEN' | 'CONFLICT']>([
    ['DRAFT', 'EMPLOYEE', 'OK'],
    ['DRAFT', 'SUPERVISOR', 'FORBIDDEN'],
    ['SUBMITTED', 'EMPLOYEE', 'CONFLICT'],
    ['RETURNED', 'EMPLOYEE', 'OK'],
    ['RETURNED', 'SUPERVISOR', 'FORBIDDEN'],
    ['APPROVED', 'EMPLOYEE', 'CONFLICT'],
    ['APPROVED', 'SUPERVISOR', 'FORBIDDEN'],
  ])('%s plan edited by %s → %s', (status, actor, outcome) => {
    const run = () => assertPlanEditable(status, actor);
    if (outcome === 'OK') expect(run).not.toThrow();
    else expect(run).toThrow(ERROR_OF[outcome]);
  });
});
