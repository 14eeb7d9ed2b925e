import { ConflictError, ForbiddenError, ValidationError } from '@kinerja/errors';

import { acknowledgeDialogue, type DialogueRecord, type PerformanceDialogue, recordDialogue } from './dialogue';
import type { EmployeeCopy } from './employee-copy';

const context = { ids: { newId: () => 'd-1' }, clock: { now: () => new Date('2027-03-01T03:00:00Z') }, today: '2027-03-01' };
const employee: EmployeeCopy = {
  employeeId: 'e-staff',
  agencyId: 'a-1',
  orgUnitId: 'u-1',
  positionId: null,
  name: 'Siti',
  status: 'ACTIVE',
  supervisorEmployeeId: 'e-head',
  lastEventAt: new Date(0),
};
const input: DialogueRecord = { kind: 'PLANNING', date: '2027-01-05', summary: 'Menyepakati RHK tahun 2027.', agreements: 'Tiga RHK utama.' };

const fieldOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof ValidationError ? error.field : String(error);
  }
  return undefined;
};

describe('recordDialogue', () => {
  it('records a new dialogue awaiting the other party', () => {
    expect(recordDialogue(employee, 'e-head', input, null, context)).toMatchObject({
      id: 'd-1',
      status: 'RECORDED',
      recordedByEmployeeId: 'e-head',
      supervisorEmployeeId: 'e-head',
    });
  });

  it('fulfils a due follow-up instead of adding another', () => {
    const due = {
      ...recordDialogue(employee, 'e-head', input, null, context),
      id: 'due-1',
      status: 'DUE',
      kind: 'FOLLOW_UP',
      required: true,
      dueBy: '2027-03-10',
    } as PerformanceDialogue;
    expect(recordDialogue(employee, 'e-staff', { ...input, kind: 'FOLLOW_UP' }, due, context)).toMatchObject({
      id: 'due-1',
      status: 'RECORDED',
      required: true,
      dueBy: '2027-03-10',
    });
  });

  it.each([
    ['an unknown kind', { kind: 'CHAT' }, 'kind'],
    ['a malformed date', { date: '05/01/2027' }, 'date'],
    ['a day in the future', { date: '2027-03-02' }, 'date'],
    ['an empty summary', { summary: ' ' }, 'summary'],
    ['overlong agreements', { agreements: 'x'.repeat(8_001) }, 'agreements'],
  ])('refuses %s, naming the field', (_case, change, field) => {
    expect(fieldOf(() => recordDialogue(employee, 'e-head', { ...input, ...change }, null, context))).toBe(field);
  });
});

describe('acknowledgeDialogue', () => {
  const recorded = recordDialogue(employee, 'e-head', input, null, context);
  it('is the other party’s, once', () => {
    const acknowledged = acknowledgeDialogue(recorded, 'e-staff', context.clock);
    expect(acknowledged.status).toBe('ACKNOWLEDGED');
    expect(() => acknowledgeDialogue(acknowledged, 'e-staff', context.clock)).toThrow(ConflictError);
    expect(() => acknowledgeDialogue(recorded, 'e-head', context.clock)).toThrow(ForbiddenError);
    expect(() => acknowledgeDialogue({ ...recorded, status: 'DUE' }, 'e-staff', context.clock)).toThrow(ConflictError);
  });
});
