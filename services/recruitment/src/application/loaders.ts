import { ForbiddenError, NotFoundError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import { canWorkOnSelection } from '../domain/access.rule';
import type { Application } from '../domain/application';
import type { ApplicationRepository, SelectionRepository } from '../domain/repositories';
import type { Selection } from '../domain/selection';
import type { Actor } from './actor';

/**
 * The application a staff use case works on, with its selection. Another agency's application
 * answers NOT_FOUND, as if it did not exist; the agency's other employees get FORBIDDEN.
 */
export async function applicationForStaff(
  repositories: { applications: ApplicationRepository; selections: SelectionRepository },
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
  return { application, selection };
}

/** The selection a staff use case works on. */
export async function selectionForStaff(selections: SelectionRepository, actor: Actor, selectionId: string, field = 'input.selectionId'): Promise<Selection> {
  assertEntityId(selectionId, field);
  const [selection] = await selections.byIds([selectionId]);
  if (!selection || actor.viewer.userId === null) throw new NotFoundError('Selection', selectionId, field);
  if (!canWorkOnSelection(actor.viewer, selection.agencyId)) {
    if (actor.viewer.agencyId === selection.agencyId) throw new ForbiddenError('Only HR and the selection committee of the agency work on the selection');
    throw new NotFoundError('Selection', selectionId, field);
  }
  return selection;
}
