import { canManageAgency } from '@kinerja/auth';
import { ForbiddenError, NotFoundError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import { canWorkOnSelection } from '../domain/access.rule';
import type { Application } from '../domain/application';
import { type CommitteeRefusal, committeeRefusal } from '../domain/committee.rule';
import type { CommitteeRepository, Repositories } from '../domain/repositories';
import type { Selection } from '../domain/selection';
import type { Actor } from './actor';

export type StaffRepositories = Pick<Repositories, 'applications' | 'selections' | 'committee'>;

type Numbered = Pick<Application, 'id' | 'registrationNumber'>;

function refusalError(refusal: CommitteeRefusal, selection: Selection, applications: readonly Numbered[]): ForbiddenError {
  switch (refusal.reason) {
    case 'NOT_APPOINTED':
      return new ForbiddenError(`You are not on the committee of selection ${selection.code}`);
    case 'NOT_TRAINED':
      return new ForbiddenError(`You have not completed the committee training (PANITIA-SELEKSI) required to work on selection ${selection.code}`);
    case 'CONFLICT_OF_INTEREST': {
      const number = applications.find((a) => a.id === refusal.applicationId)?.registrationNumber ?? refusal.applicationId;
      return new ForbiddenError(`You declared a conflict of interest with applicant ${number}`);
    }
  }
}

/**
 * Refuses a committee member who is not appointed to the selection, not trained, or works on an
 * application they declared a conflict with (FORBIDDEN naming it). HR and the province admin pass.
 */
export async function assertMayWork(committee: CommitteeRepository, actor: Actor, selection: Selection, applications: readonly Numbered[]): Promise<void> {
  const manager = canManageAgency(actor.viewer, selection.agencyId);
  const employeeId = actor.viewer.employeeId;
  const standing = manager || employeeId === null ? null : await committee.standing(selection.id, employeeId);
  const refusal = committeeRefusal(
    manager,
    standing,
    applications.map((a) => a.id),
  );
  if (refusal) throw refusalError(refusal, selection, applications);
}

/**
 * The application a staff use case works on, with its selection. Another agency's application
 * answers NOT_FOUND, as if it did not exist; the agency's other employees get FORBIDDEN, and so
 * does a committee member outside their selection, untrained, or with a declared conflict.
 */
export async function applicationForStaff(
  repositories: StaffRepositories,
  actor: Actor,
  applicationId: string,
  field = 'input.applicationId',
): Promise<{ application: Application; selection: Selection }> {
  assertEntityId(applicationId, field);
  const [application] = await repositories.applications.byIds([applicationId]);
  if (!application || actor.viewer.userId === null) throw new NotFoundError('Application', applicationId, field);
  if (!canWorkOnSelection(actor.viewer, application.agencyId)) {
    if (actor.viewer.agencyId === application.agencyId) throw new ForbiddenError('Only HR and the selection committee of the agency work on applications');
    throw new NotFoundError('Application', applicationId, field);
  }
  const [selection] = await repositories.selections.byIds([application.selectionId]);
  if (!selection) throw new NotFoundError('Selection', application.selectionId);
  await assertMayWork(repositories.committee, actor, selection, [application]);
  return { application, selection };
}

/** The selection a staff use case works on (its applications' conflicts are the use case's to check). */
export async function selectionForStaff(repositories: StaffRepositories, actor: Actor, selectionId: string, field = 'input.selectionId'): Promise<Selection> {
  assertEntityId(selectionId, field);
  const [selection] = await repositories.selections.byIds([selectionId]);
  if (!selection || actor.viewer.userId === null) throw new NotFoundError('Selection', selectionId, field);
  if (!canWorkOnSelection(actor.viewer, selection.agencyId)) {
    if (actor.viewer.agencyId === selection.agencyId) throw new ForbiddenError('Only HR and the selection committee of the agency work on the selection');
    throw new NotFoundError('Selection', selectionId, field);
  }
  await assertMayWork(repositories.committee, actor, selection, []);
  return selection;
}
