import { ConflictError, NotFoundError, ValidationError } from '@kinerja/errors';

import type { OrgUnit } from '../domain/organisation';
import type { EmployeeRepository, OrganisationRepository } from '../domain/repositories';

/** A position can be given to an employee when it is in the target unit and nobody else holds it. */
export async function assertPositionAssignable(
  organisation: OrganisationRepository,
  employees: EmployeeRepository,
  unit: OrgUnit,
  positionId: string | null,
  employeeId: string | null,
): Promise<void> {
  if (!positionId) return;
  const [position] = await organisation.positionsByIds([positionId]);
  if (!position) throw new NotFoundError('Position', positionId, 'input.positionId');
  if (position.orgUnitId !== unit.id) throw new ValidationError({ field: 'input.positionId', message: 'is not a position of the given unit' });
  const [holder] = await employees.holdersOfPositions([positionId]);
  if (holder && holder.id !== employeeId) throw new ConflictError(`Position ${position.title} is held by ${holder.name}`, { field: 'input.positionId' });
}
