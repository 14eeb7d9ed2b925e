import { ConflictError, ValidationError } from '@kinerja/errors';

import { type AssignmentAction, assignmentKey, newAssignment, type TrainingAssignment, transitionAssignment } from './assignment';
import type { Gap } from './gap-mapping.rule';
import type { AssignmentStatus } from './vocabulary';

/** The field a ValidationError names; any other outcome fails the comparison. */
function refusedAt(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof ValidationError ? error.field : error;
  }
  return 'accepted';
}

const kolaboratif: Gap = { kind: 'CORE_VALUE', value: 'KOLABORATIF' };
const assigned = newAssignment('a1', {
  agencyId: 'ag1',
  employeeId: 'e1',
  programmeCode: 'KOM-EFEKTIF',
  reason: 'PERFORMANCE_GAP',
  sourceEventId: 'evt-1',
  gaps: [kolaboratif],
});
const inStatus = (status: AssignmentStatus): TrainingAssignment => ({
  ...assigned,
  status,
  programmeCode: status === 'AWAITING_HR_CHOICE' ? null : 'KOM-EFEKTIF',
});

const start: AssignmentAction = { type: 'START' };
const complete: AssignmentAction = { type: 'COMPLETE', completedOn: '2026-03-04' };
const cancel: AssignmentAction = { type: 'CANCEL', reason: 'Pegawai mutasi ke instansi lain' };
const choose: AssignmentAction = { type: 'CHOOSE_PROGRAMME', programmeCode: 'mentoring-kinerja' };

describe('newAssignment', () => {
  it('starts ASSIGNED with a programme and AWAITING_HR_CHOICE without one', () => {
    expect(assigned.status).toBe('ASSIGNED');
    expect(newAssignment('a2', { ...assigned, programmeCode: null }).status).toBe('AWAITING_HR_CHOICE');
  });

  it.each([
    [{ programmeCode: null, gaps: [] }, ['programmeCode', 'gaps']],
    [{ programmeCode: 'KOM EFEKTIF' }, ['programmeCode']],
    [{ sourceEventId: null }, ['sourceEventId']],
    [{ reason: 'SANCTION_COACHING' as const, sourceEventId: ' ' }, ['sourceEventId']],
    [{ reason: 'MANUAL' as const, sourceEventId: null, gaps: [] }, []],
    [{ reason: 'LATSAR_CPNS' as const, programmeCode: 'LATSAR-CPNS', gaps: [] }, []],
  ])('%p gives problems %p', (change, fields) => {
    let problems: string[] = [];
    try {
      newAssignment('a2', { ...assigned, ...change });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems = error.problems.map((p) => p.field);
    }
    expect(problems).toEqual(fields);
  });
});

describe('transitionAssignment', () => {
  it.each([
    ['ASSIGNED', start, 'IN_PROGRESS'],
    ['ASSIGNED', complete, 'COMPLETED'],
    ['ASSIGNED', cancel, 'CANCELLED'],
    ['ASSIGNED', choose, ConflictError],
    ['IN_PROGRESS', start, ConflictError],
    ['IN_PROGRESS', complete, 'COMPLETED'],
    ['IN_PROGRESS', cancel, 'CANCELLED'],
    ['IN_PROGRESS', choose, ConflictError],
    ['AWAITING_HR_CHOICE', start, ConflictError],
    ['AWAITING_HR_CHOICE', complete, ConflictError],
    ['AWAITING_HR_CHOICE', cancel, 'CANCELLED'],
    ['AWAITING_HR_CHOICE', choose, 'ASSIGNED'],
    ['COMPLETED', start, ConflictError],
    ['COMPLETED', complete, ConflictError],
    ['COMPLETED', cancel, ConflictError],
    ['COMPLETED', choose, ConflictError],
    ['CANCELLED', start, ConflictError],
    ['CANCELLED', complete, ConflictError],
    ['CANCELLED', cancel, ConflictError],
    ['CANCELLED', choose, ConflictError],
  ] as const)('%s + %p → %p', (status, action, expected) => {
    const run = () => transitionAssignment(inStatus(status), action);
    if (typeof expected === 'string') expect(run().status).toBe(expected);
    else expect(run).toThrow(expected);
  });

  it('answers completing a cancelled assignment with CONFLICT', () => {
    expect(() => transitionAssignment(inStatus('CANCELLED'), complete)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', details: expect.objectContaining({ status: 'CANCELLED', action: 'COMPLETE' }) }),
    );
  });

  it('keeps what each step records', () => {
    expect(transitionAssignment(assigned, complete).completedOn).toBe('2026-03-04');
    expect(transitionAssignment(assigned, { type: 'CANCEL', reason: '  Dibatalkan atasan  ' }).cancellationReason).toBe('Dibatalkan atasan');
    expect(transitionAssignment(inStatus('AWAITING_HR_CHOICE'), choose).programmeCode).toBe('MENTORING-KINERJA');
  });

  it.each([
    ['ASSIGNED', { type: 'CANCEL', reason: '   ' }, 'reason'],
    ['IN_PROGRESS', { type: 'CANCEL', reason: 'x'.repeat(501) }, 'reason'],
    ['AWAITING_HR_CHOICE', { type: 'CANCEL', reason: '' }, 'reason'],
    ['AWAITING_HR_CHOICE', { type: 'CHOOSE_PROGRAMME', programmeCode: '' }, 'programmeCode'],
    ['IN_PROGRESS', { type: 'COMPLETE', completedOn: '2026-02-30' }, 'completedOn'],
  ] as const)('%s + %p is refused at %s', (status, action, field) => {
    expect(refusedAt(() => transitionAssignment(inStatus(status), action))).toBe(field);
  });
});

describe('assignmentKey', () => {
  const base = { employeeId: 'e1', programmeCode: 'KOM-EFEKTIF', gaps: [kolaboratif], sourceEventId: 'evt-1', reason: 'PERFORMANCE_GAP' as const };
  const loyal: Gap = { kind: 'CORE_VALUE', value: 'LOYAL' };

  it.each([
    ['the same event delivered again', true, base],
    ['the same event, its gaps listed differently', true, { ...base, gaps: [loyal, kolaboratif] }],
    ['another employee', false, { ...base, employeeId: 'e2' }],
    ['another programme', false, { ...base, programmeCode: 'PELAYANAN-PRIMA' }],
    ['another event', false, { ...base, sourceEventId: 'evt-2' }],
    ['no event: the reason is the cause', false, { ...base, sourceEventId: null }],
    ['another unmatched gap of the same event', false, { ...base, programmeCode: null, gaps: [loyal] }],
  ])('%s → same key: %s', (_name, same, other) => {
    expect(assignmentKey(other) === assignmentKey(base)).toBe(same);
  });

  it('reads as employee | target | cause', () => {
    expect(assignmentKey(base)).toBe('e1|programme:KOM-EFEKTIF|event:evt-1');
    expect(assignmentKey({ ...base, programmeCode: null, sourceEventId: null, reason: 'MANUAL', gaps: [loyal] })).toBe('e1|gap:CORE_VALUE:LOYAL|reason:MANUAL');
  });
});
