import { assertCanManageAgency } from '@kinerja/auth';
import { NotFoundError, ValidationError } from '@kinerja/errors';

import { newPosition, type Position } from '../domain/organisation';
import type { OrganisationRepository } from '../domain/repositories';
import type { IdGenerator } from '../domain/token-issuer';
import { type Actor, auditContextOf } from './actor';

export interface CreatePositionInput {
  orgUnitId: string;
  title: string;
  supervisorPositionId: string | null;
}

export class CreatePosition {
  constructor(
    private readonly organisation: OrganisationRepository,
    private readonly ids: IdGenerator,
  ) {}

  async execute(actor: Actor, input: CreatePositionInput): Promise<Position> {
    const [unit] = await this.organisation.orgUnitsByIds([input.orgUnitId]);
    if (!unit) throw new NotFoundError('OrgUnit', input.orgUnitId, 'input.orgUnitId');
    assertCanManageAgency(actor.viewer, unit.agencyId);
    if (input.supervisorPositionId) {
      const [supervisor] = await this.organisation.positionsByIds([input.supervisorPositionId]);
      if (!supervisor) throw new NotFoundError('Position', input.supervisorPositionId, 'input.supervisorPositionId');
      if (supervisor.agencyId !== unit.agencyId) throw new ValidationError({ field: 'input.supervisorPositionId', message: 'belongs to another agency' });
    }
    const position = newPosition(this.ids.newId(), {
      agencyId: unit.agencyId,
      orgUnitId: unit.id,
      title: input.title,
      supervisorPositionId: input.supervisorPositionId,
    });
    await this.organisation.createPosition(position, auditContextOf(actor));
    return position;
  }
}
