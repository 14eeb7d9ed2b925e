import { type EmployeeCopy, isNewerThanCopy } from './employee-copy';

const copyAt = (iso: string): EmployeeCopy => ({
  employeeId: '00000000-0000-4000-8000-000000000001',
  agencyId: '00000000-0000-4000-8000-0000000000aa',
  orgUnitId: '00000000-0000-4000-8000-0000000000bb',
  positionId: null,
  name: 'Siti Rahma',
  status: 'ACTIVE',
  supervisorEmployeeId: null,
  lastEventAt: new Date(iso),
});

describe('isNewerThanCopy', () => {
  it.each([
    ['no copy yet', null, '2026-01-01T00:00:00Z', true],
    ['a later event', copyAt('2026-01-01T00:00:00Z'), '2026-02-01T00:00:00Z', true],
    ['an event of the same instant (a snapshot republished)', copyAt('2026-01-01T00:00:00Z'), '2026-01-01T00:00:00Z', true],
    ['an older event arriving late', copyAt('2026-02-01T00:00:00Z'), '2026-01-01T00:00:00Z', false],
  ])('%s → %s', (_case, copy, occurredAt, expected) => {
    expect(isNewerThanCopy(copy, new Date(occurredAt))).toBe(expected);
  });
});
