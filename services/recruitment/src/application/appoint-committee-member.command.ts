import { canManageAgency } from '@kinerja/auth';
import { ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import type { CommitteeMember } from '../domain/committee';
import { appointmentProblem } from '../domain/committee.rule';
import type { Clock, Repositories } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';

export type AppointedMember = CommitteeMember & { name: string | null; trained: boolean };

/** HR appoints one of the agency's employees to a selection's committee. */
export class AppointCommitteeMember {
  constructor(
    private readonly repositories: Pick<Repositories, 'selections' | 'committee'>,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { selectionId: string; employeeId: string }): Promise<AppointedMember> {
    assertEntityId(input.selectionId, 'input.selectionId');
    assertEntityId(input.employeeId, 'input.employeeId');
    const [selection] = await this.repositories.selections.byIds([input.selectionId]);
    if (!selection || actor.viewer.userId === null) throw new NotFoundError('Selection', input.selectionId, 'input.selectionId');
    if (!canManageAgency(actor.viewer, selection.agencyId)) {
      if (actor.viewer.agencyId === selection.agencyId) throw new ForbiddenError('Only HR appoints the selection committee');
      throw new NotFoundError('Selection', input.selectionId, 'input.selectionId');
    }
    const employee = await this.repositories.committee.employee(input.employeeId);
    const problem = appointmentProblem(employee, selection.agencyId);
    if (problem) throw new ValidationError({ field: 'input.employeeId', message: problem });
    const member: CommitteeMember = {
      selectionId: selection.id,
      employeeId: input.employeeId,
      agencyId: selection.agencyId,
      appointedBy: actor.viewer.userId,
      appointedAt: this.clock.now(),
    };
    await this.repositories.committee.appoint(member, auditContextOf(actor));
    const { trained } = await this.repositories.committee.standing(selection.id, member.employeeId);
    return { ...member, name: employee?.name ?? null, trained };
  }
}
