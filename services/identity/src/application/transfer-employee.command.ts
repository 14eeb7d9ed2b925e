import { assertCanManageAgency } from '@kinerja/auth';
import { NotFoundError, ValidationError } from '@kinerja/errors';

import { type Employee, transferEmployee } from '../domain/employee';
import type { EmployeeRepository, OrganisationRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { assertPositionAssignable } from './position-assignment';
import { reportingLineEvents } from './reporting-line';

export interface TransferEmployeeInput {
  employeeId: string;
  orgUnitId: string;
  positionId: string | null;
}

/** Moves an employee to another unit and position of their agency (mutasi). */
export class TransferEmployee {
  constructor(
    private readonly organisation: OrganisationRepository,
    private readonly employees: EmployeeRepository,
  ) {}

  async execute(actor: Actor, input: TransferEmployeeInput): Promise<Employee> {
    const [employee] = await this.employees.byIds([input.employeeId]);
    if (!employee) throw new NotFoundError('Employee', input.employeeId, 'input.employeeId');
    assertCanManageAgency(actor.viewer, employee.agencyId);
    const [unit] = await this.organisation.orgUnitsByIds([input.orgUnitId]);
    if (!unit) throw new NotFoundError('OrgUnit', input.orgUnitId, 'input.orgUnitId');
    if (unit.agencyId !== employee.agencyId) {
      throw new ValidationError({ field: 'input.orgUnitId', message: 'belongs to another agency; a move between agencies is a leave and a new registration' });
    }
    await assertPositionAssignable(this.organisation, this.employees, unit, input.positionId, employee.id);
    const moved = transferEmployee(employee, { orgUnitId: unit.id, positionId: input.positionId });
    const events = await reportingLineEvents(
      this.organisation,
      this.employees,
      { employee: moved, type: 'identity.employee.transferred', extra: { previousOrgUnitId: employee.orgUnitId, previousPositionId: employee.positionId } },
      employee.positionId !== moved.positionId ? employee.positionId : null,
    );
    await this.employees.update(employee, moved, 'employee.transferred', auditContextOf(actor), events);
    return moved;
  }
}
