import { EMPLOYEE_EVENT_TYPES } from '@kinerja/events';

import { employeeTransferred, testEmployee } from '../../../test/support/employee-events';
import { employeeCopyUpdate, forEmployeeEvents } from './employee-events';
import { EventRejectedError } from './event-rejection';

const employee = testEmployee('00000000-0000-4000-8000-0000000000aa');
const otherAgency = '00000000-0000-4000-8000-0000000000dd';
const transferred = employeeTransferred(employee, '00000000-0000-4000-8000-0000000000cc', new Date('2031-01-02T00:00:00Z'));

describe('an employee copy on an employee event', () => {
  it('takes the state the event describes, keeping a leave across a transfer', () => {
    const held = { agencyId: employee.agencyId, status: 'ON_LEAVE' as const, lastEventAt: new Date('2031-01-01T00:00:00Z') };
    expect(employeeCopyUpdate(transferred, held)).toEqual({ ...employee, positionId: null, status: 'ON_LEAVE', occurredAt: new Date('2031-01-02T00:00:00Z') });
  });

  it('takes the state of an employee not held yet', () => {
    expect(employeeCopyUpdate(transferred, null)).toMatchObject({ employeeId: employee.employeeId, status: 'ACTIVE' });
  });

  it('stays as it is when the event is older than the copy', () => {
    const held = { agencyId: employee.agencyId, status: 'ACTIVE' as const, lastEventAt: new Date('2031-01-03T00:00:00Z') };
    expect(employeeCopyUpdate(transferred, held)).toBeNull();
  });

  it('rejects an event that puts the employee under another agency than the one held', () => {
    const held = { agencyId: otherAgency, status: 'ACTIVE' as const, lastEventAt: new Date('2031-01-01T00:00:00Z') };
    const rejection = (() => {
      try {
        employeeCopyUpdate(transferred, held);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(EventRejectedError.is(rejection)).toBe(true);
    expect((rejection as EventRejectedError).code).toBe('AGENCY_MISMATCH');
  });
});

describe('the handlers of the employee topics', () => {
  it('name each of the four topics with the one handler', () => {
    const handle = async () => undefined;
    const handlers = forEmployeeEvents(handle);
    expect(Object.keys(handlers).sort()).toEqual([...EMPLOYEE_EVENT_TYPES].sort());
    for (const type of EMPLOYEE_EVENT_TYPES) expect(handlers[type]).toBe(handle);
  });
});
