import { assertAuthenticated } from '@kinerja/auth';
import { type FieldProblem, ForbiddenError, ValidationError } from '@kinerja/errors';

import { canManageCatalogue } from '../domain/access.rule';
import type { CatalogueRepository, IdGenerator } from '../domain/repositories';
import { newTrainingProgram, type NewTrainingProgramInput, type TrainingProgram } from '../domain/training-program';
import { type Actor, auditContextOf } from './actor';

/** Adds a programme to the province-wide catalogue (province admin) or to an agency's own (its HR admin too). */
export class CreateTrainingProgram {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly ids: IdGenerator,
  ) {}

  async execute(actor: Actor, input: NewTrainingProgramInput): Promise<TrainingProgram> {
    assertAuthenticated(actor.viewer);
    if (!canManageCatalogue(actor.viewer, input.agencyId)) {
      throw new ForbiddenError(
        input.agencyId
          ? "Only the province admin or this agency's HR admin changes its catalogue"
          : 'Only the province admin changes the province-wide catalogue',
      );
    }
    let programme: TrainingProgram;
    try {
      programme = newTrainingProgram(this.ids.newId(), input);
    } catch (error) {
      throw error instanceof ValidationError ? error.under('input') : error;
    }
    const known = new Set((await this.catalogue.competenciesByCodes(programme.competencyCodes)).map((c) => c.code));
    const unknown: FieldProblem[] = programme.competencyCodes
      .map((code, index) => ({ code, index }))
      .filter(({ code }) => !known.has(code))
      .map(({ code, index }) => ({ field: `input.competencyCodes.${index}`, message: `${code} is not a competency of the catalogue` }));
    if (unknown.length > 0) throw new ValidationError(unknown);
    await this.catalogue.createProgramme(programme, auditContextOf(actor));
    return programme;
  }
}
