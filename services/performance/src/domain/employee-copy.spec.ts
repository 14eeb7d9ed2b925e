import { countsInHeadcount, type EmployeeCopy, isUnitHead } from './employee-copy';

const copy = (overrides: Partial<EmployeeCopy> = {}): EmployeeCopy => ({
  employeeId: 'e',
  agencyId: 'a',
  orgUnitId: 'u1',
  positionId: null,
  supervisorEmployeeId: 's',
  name: 'Budi',
  nip: '198609262015051001',
  employmentType: 'PNS',
  status: 'ACTIVE',
  sourceOccurredAt: new Date('2031-01-02T00:00:00Z'),
  ...overrides,
});

describe('the local employee copy', () => {
  it.each([
    ['nobody above', copy({ supervisorEmployeeId: null }), null, true],
    ['a supervisor in another unit', copy(), copy({ employeeId: 's', orgUnitId: 'u0' }), true],
    ['a supervisor in the same unit', copy(), copy({ employeeId: 's' }), false],
    ['a supervisor not (yet) in the copy', copy(), null, true],
    ['someone who left', copy({ supervisorEmployeeId: null, status: 'LEFT' }), null, false],
  ])('heads the unit with %s: %p', (_case, employee, supervisor, expected) => {
    expect(isUnitHead(employee, supervisor)).toBe(expected);
  });

  it.each([
    ['ACTIVE', true],
    ['ON_LEAVE', true],
    ['LEFT', false],
  ] as const)('an employee %s counts in the headcount: %p', (status, expected) => {
    expect(countsInHeadcount(copy({ status }))).toBe(expected);
  });
});
