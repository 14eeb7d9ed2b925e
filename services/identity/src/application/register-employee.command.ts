import { assertCanManageAgency } from '@kinerja/auth';
import { ConflictError, NotFoundError, ValidationError } from '@kinerja/errors';

import type { PasswordHasher, UserAccount } from '../domain/account';
import { type Employee, newEmployee, type NewEmployeeInput } from '../domain/employee';
import type { EmployeeRepository, OrganisationRepository } from '../domain/repositories';
import type { Clock, IdGenerator } from '../domain/token-issuer';
import { type Actor, auditContextOf } from './actor';
import { assertPositionAssignable } from './position-assignment';
import { reportingLineEvents } from './reporting-line';

export interface RegisterEmployeeInput extends Omit<NewEmployeeInput, 'agencyId'> {
  /** When given, the employee can log in by NIP (or e-mail) with it. */
  initialPassword: string | null;
}

export const MIN_PASSWORD_LENGTH = 10;

export class RegisterEmployee {
  constructor(
    private readonly organisation: OrganisationRepository,
    private readonly employees: EmployeeRepository,
    private readonly hasher: PasswordHasher,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: RegisterEmployeeInput): Promise<Employee> {
    const [unit] = await this.organisation.orgUnitsByIds([input.orgUnitId]);
    if (!unit) throw new NotFoundError('OrgUnit', input.orgUnitId, 'input.orgUnitId');
    assertCanManageAgency(actor.viewer, unit.agencyId);
    let employee: Employee;
    try {
      employee = newEmployee(this.ids.newId(), { ...input, agencyId: unit.agencyId }, this.clock.now());
    } catch (error) {
      throw error instanceof ValidationError ? error.under('input') : error;
    }
    if (input.initialPassword !== null && input.initialPassword.length < MIN_PASSWORD_LENGTH) {
      throw new ValidationError({ field: 'input.initialPassword', message: `must be at least ${MIN_PASSWORD_LENGTH} characters` });
    }
    await assertPositionAssignable(this.organisation, this.employees, unit, employee.positionId, null);
    if (await this.employees.byNip(employee.nip)) throw new ConflictError(`NIP ${employee.nip} is already registered`, { field: 'input.nip' });
    const account: UserAccount | null =
      input.initialPassword === null
        ? null
        : {
            id: this.ids.newId(),
            email: employee.email,
            employeeId: employee.id,
            displayName: employee.name,
            passwordHash: await this.hasher.hash(input.initialPassword),
            // HR chose it: the holder changes it at the first sign-in before doing anything else.
            passwordChangeRequired: true,
          };
    const events = await reportingLineEvents(this.organisation, this.employees, { employee, type: 'identity.employee.registered', extra: {} }, null);
    await this.employees.register(employee, account, auditContextOf(actor), events);
    return employee;
  }
}
