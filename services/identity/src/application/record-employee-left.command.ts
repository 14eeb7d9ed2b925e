import { assertCanManageAgency } from '@kinerja/auth';
import { NotFoundError, ValidationError } from '@kinerja/errors';

import { type Employee, leaveService } from '../domain/employee';
import type { EmployeeRepository, OrganisationRepository } from '../domain/repositories';
import type { Clock } from '../domain/token-issuer';
import { type Actor, auditContextOf } from './actor';
import { reportingLineEvents } from './reporting-line';

export interface RecordEmployeeLeftInput {
  employeeId: string;
  reason: string;
}

/** An employee leaves the service: their record stays for history, their position is vacated. */
export class RecordEmployeeLeft {
  constructor(
    private readonly organisation: OrganisationRepository,
    private readonly employees: EmployeeRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: RecordEmployeeLeftInput): Promise<Employee> {
    const [employee] = await this.employees.byIds([input.employeeId]);
    if (!employee) throw new NotFoundError('Employee', input.employeeId, 'input.employeeId');
    assertCanManageAgency(actor.viewer, employee.agencyId);
    let left: Employee;
    try {
      left = leaveService(employee, input.reason);
    } catch (error) {
      throw error instanceof ValidationError ? error.under('input') : error;
    }
    const events = await reportingLineEvents(
      this.organisation,
      this.employees,
      {
        employee: left,
        type: 'identity.employee.left',
        extra: { leftAt: this.clock.now().toISOString(), previousPositionId: employee.positionId },
      },
      employee.positionId,
    );
    await this.employees.update(employee, left, 'employee.left', auditContextOf(actor), events);
    return left;
  }
}
