import { assertCanManageAgency } from '@kinerja/auth';
import { ValidationError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import type { Clock, IdGenerator, VacancyRepository } from '../domain/repositories';
import { newVacancy, type Vacancy } from '../domain/vacancy';
import { type Actor, auditContextOf } from './actor';

export class CreateVacancy {
  constructor(
    private readonly records: VacancyRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** HR of the agency (or the province admin) creates a record of that agency. */
  async execute(actor: Actor, input: { agencyId: string; title: string }): Promise<Vacancy> {
    assertEntityId(input.agencyId, 'input.agencyId');
    assertCanManageAgency(actor.viewer, input.agencyId);
    let record: Vacancy;
    try {
      record = newVacancy(input, this.ids, this.clock);
    } catch (error) {
      throw error instanceof ValidationError ? error.under('input') : error;
    }
    await this.records.create(record, auditContextOf(actor));
    return record;
  }
}
