import { assertCanManageAgency } from '@kinerja/auth';
import { NotFoundError, ValidationError } from '@kinerja/errors';

import type { Position } from '../domain/organisation';
import { wouldCreateReportingCycle } from '../domain/reporting-line.rule';
import type { OrganisationRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';

/** Changes whom a position reports to; refuses a reporting line that would loop back. */
export class SetPositionSupervisor {
  constructor(private readonly organisation: OrganisationRepository) {}

  async execute(actor: Actor, positionId: string, supervisorPositionId: string | null): Promise<Position> {
    const [position] = await this.organisation.positionsByIds([positionId]);
    if (!position) throw new NotFoundError('Position', positionId, 'positionId');
    assertCanManageAgency(actor.viewer, position.agencyId);
    if (supervisorPositionId) {
      const [supervisor] = await this.organisation.positionsByIds([supervisorPositionId]);
      if (!supervisor) throw new NotFoundError('Position', supervisorPositionId, 'supervisorPositionId');
      if (supervisor.agencyId !== position.agencyId) throw new ValidationError({ field: 'supervisorPositionId', message: 'belongs to another agency' });
      if (wouldCreateReportingCycle(position.id, await this.organisation.chainAbove(supervisorPositionId))) {
        throw new ValidationError({ field: 'supervisorPositionId', message: 'would make the reporting line a cycle' });
      }
    }
    return this.organisation.setSupervisorPosition(position, supervisorPositionId, auditContextOf(actor));
  }
}
