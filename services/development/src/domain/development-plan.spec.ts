import { ConflictError } from '@kinerja/errors';

import type { AssignmentRecord } from './assignment-record';
import { planProgramme, prefilledPlan } from './development-plan';
import type { TrainingProgram } from './training-program';

const gapAssignment = (
  id: string,
  sourceEventId: string | null,
  programmeCode: string | null,
  overrides: Partial<AssignmentRecord> = {},
): AssignmentRecord => ({
  id,
  agencyId: 'A',
  employeeId: 'e1',
  programId: programmeCode ? `p-${programmeCode}` : null,
  programmeCode,
  sessionId: null,
  reason: 'PERFORMANCE_GAP',
  sourceEventId,
  gaps: [{ kind: 'CORE_VALUE', value: 'KOLABORATIF' }],
  status: programmeCode ? 'ASSIGNED' : 'AWAITING_HR_CHOICE',
  result: null,
  earnedJp: null,
  completedOn: null,
  cancellationReason: null,
  dedupeKey: id,
  ...overrides,
});

const owner = { agencyId: 'A', employeeId: 'e1', year: 2027 };

describe('prefilledPlan', () => {
  it('takes the gaps of the most recent poor assessment, with their assignments', () => {
    const plan = prefilledPlan('plan', owner, [
      gapAssignment('a1', 'old-event', 'PELAYANAN-PRIMA'),
      gapAssignment('a2', 'new-event', 'KOM-EFEKTIF'),
      gapAssignment('a3', 'new-event', null),
      gapAssignment('a4', null, 'HARMONI-KERJA', { reason: 'MANUAL' }),
    ]);
    expect(plan.items.map((item) => [item.programmeCode, item.assignmentId])).toEqual([
      ['KOM-EFEKTIF', 'a2'],
      [null, 'a3'],
    ]);
  });

  it('leaves out cancelled assignments and starts empty without any gap', () => {
    expect(prefilledPlan('plan', owner, [gapAssignment('a1', 'e', 'KOM-EFEKTIF', { status: 'CANCELLED' })]).items).toEqual([]);
    expect(prefilledPlan('plan', owner, []).items).toEqual([]);
  });
});

describe('planProgramme', () => {
  const programme = { id: 'p2', code: 'HARMONI-KERJA' } as TrainingProgram;

  it('adds a programme once', () => {
    const plan = planProgramme(prefilledPlan('plan', owner, []), programme);
    expect(plan.items).toEqual([{ programId: 'p2', programmeCode: 'HARMONI-KERJA', gaps: [], assignmentId: null }]);
    expect(() => planProgramme(plan, programme)).toThrow(ConflictError);
  });
});
