import { assertAuthenticated } from '@kinerja/auth';
import { ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';

import { canManageCatalogue } from '../domain/access.rule';
import type { CalendarDate } from '../domain/calendar-date';
import type { CatalogueRepository, IdGenerator } from '../domain/repositories';
import { newSession, type TrainingSession } from '../domain/training-program';
import { type Actor, auditContextOf } from './actor';

export interface AddTrainingSessionInput {
  programId: string;
  startDate: CalendarDate;
  endDate: CalendarDate;
  capacity: number;
}

/** Schedules a run of a programme with its dates and seats; whoever manages the programme's catalogue may. */
export class AddTrainingSession {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly ids: IdGenerator,
  ) {}

  async execute(actor: Actor, input: AddTrainingSessionInput): Promise<TrainingSession> {
    assertAuthenticated(actor.viewer);
    const [programme] = await this.catalogue.programmesByIds([input.programId]);
    if (!programme) throw new NotFoundError('TrainingProgram', input.programId, 'input.programId');
    if (!canManageCatalogue(actor.viewer, programme.agencyId))
      throw new ForbiddenError('Only whoever manages the programme’s catalogue schedules its sessions');
    let session: TrainingSession;
    try {
      session = newSession(this.ids.newId(), input);
    } catch (error) {
      throw error instanceof ValidationError ? error.under('input') : error;
    }
    await this.catalogue.createSession(session, programme.agencyId, auditContextOf(actor));
    return session;
  }
}
