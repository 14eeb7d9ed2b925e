import { employeeAgencyDoubt, type EmployeeEventType, employeeStateOf, type EmployeeStatus, supersedesCopy } from './employee-state';
import { createEnvelope } from './envelope';

const employee = {
  employeeId: '00000000-0000-4000-8000-000000000001',
  nip: '198609262015051001',
  name: 'Siti Rahma',
  agencyId: '00000000-0000-4000-8000-0000000000aa',
  orgUnitId: '00000000-0000-4000-8000-0000000000bb',
  positionId: null,
  supervisorEmployeeId: null,
  employmentType: 'PNS' as const,
};
const unit = '00000000-0000-4000-8000-0000000000cc';
const payloads = {
  'identity.employee.registered': employee,
  'identity.employee.transferred': { ...employee, previousOrgUnitId: unit, previousPositionId: null },
  'identity.employee.left': { ...employee, leftAt: '2031-01-01T00:00:00.000Z' },
  'identity.employee.snapshot': { ...employee, status: 'ON_LEAVE' as const },
};

describe('the employee an identity event describes', () => {
  it.each<[EmployeeEventType, EmployeeStatus | null, EmployeeStatus]>([
    ['identity.employee.registered', null, 'ACTIVE'],
    ['identity.employee.registered', 'LEFT', 'ACTIVE'],
    ['identity.employee.transferred', null, 'ACTIVE'],
    ['identity.employee.transferred', 'ACTIVE', 'ACTIVE'],
    ['identity.employee.transferred', 'ON_LEAVE', 'ON_LEAVE'],
    ['identity.employee.left', 'ACTIVE', 'LEFT'],
    ['identity.employee.left', 'ON_LEAVE', 'LEFT'],
    ['identity.employee.snapshot', 'ACTIVE', 'ON_LEAVE'],
  ])('%s over a copy %s → %s', (type, previous, expected) => {
    const event = createEnvelope<EmployeeEventType>({
      id: '00000000-0000-4000-8000-0000000000ee',
      type,
      agencyId: employee.agencyId,
      producer: 'identity',
      payload: payloads[type],
      occurredAt: new Date('2031-01-02T00:00:00Z'),
    });
    const state = employeeStateOf(event, previous);
    expect(state).toEqual({ ...employee, status: expected, occurredAt: new Date('2031-01-02T00:00:00Z') });
  });
});

describe('a copy only moves forward', () => {
  it.each([
    ['nothing copied yet', null, true],
    ['an older copy', '2031-01-01T00:00:00Z', true],
    ['a copy of the same instant (a snapshot republished)', '2031-01-02T00:00:00Z', true],
    ['a newer copy (the event arrived late)', '2031-01-03T00:00:00Z', false],
  ])('an event of 2 January over %s applies: %p', (_case, copiedAt, expected) => {
    expect(supersedesCopy(new Date('2031-01-02T00:00:00Z'), copiedAt === null ? null : new Date(copiedAt))).toBe(expected);
  });
});

describe('doubting the agency of an employee event', () => {
  const other = '00000000-0000-4000-8000-0000000000dd';
  const eventOf = (type: EmployeeEventType, addressedTo = employee.agencyId, payloadAgency = employee.agencyId) =>
    createEnvelope<EmployeeEventType>({
      id: '00000000-0000-4000-8000-0000000000ee',
      type,
      agencyId: addressedTo,
      producer: 'identity',
      payload: { ...payloads[type], agencyId: payloadAgency },
    });

  it.each<[string, EmployeeEventType, string, string, string | null, RegExp | null]>([
    ['an employee not held yet', 'identity.employee.registered', employee.agencyId, employee.agencyId, null, null],
    ['the agency held', 'identity.employee.transferred', employee.agencyId, employee.agencyId, employee.agencyId, null],
    ['a transfer into another agency', 'identity.employee.transferred', other, other, employee.agencyId, /holds them under agency/],
    ['a registration under another agency', 'identity.employee.registered', other, other, employee.agencyId, /holds them under agency/],
    ['a snapshot of another agency', 'identity.employee.snapshot', other, other, employee.agencyId, /holds them under agency/],
    ['a leave from another agency', 'identity.employee.left', other, other, employee.agencyId, /holds them under agency/],
    ['an envelope addressed to another agency than its payload', 'identity.employee.registered', other, employee.agencyId, null, /addressed to agency/],
  ])('%s', (_case, type, addressedTo, payloadAgency, held, expected) => {
    const doubt = employeeAgencyDoubt(eventOf(type, addressedTo, payloadAgency), held);
    if (expected === null) expect(doubt).toBeNull();
    else expect(doubt).toEqual({ code: 'AGENCY_MISMATCH', detail: expect.stringMatching(expected) });
  });
});
