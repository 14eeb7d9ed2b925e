import { assertCanManageAgency, canReadAgency } from '@kinerja/auth';
import { NotFoundError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import type { Clock, IdGenerator, Repositories } from '../domain/repositories';
import { publishVacancy, type PublishVacancyInput, type Vacancy } from '../domain/vacancy';
import { type Actor, auditContextOf } from './actor';
import { fromInput } from './input';

/** Agency HR announces a vacancy for an approved formation in one of its selections. */
export class PublishVacancy {
  constructor(
    private readonly repositories: Pick<Repositories, 'formations' | 'selections' | 'vacancies'>,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: PublishVacancyInput): Promise<Vacancy> {
    assertEntityId(input.formationId, 'input.formationId');
    assertEntityId(input.selectionId, 'input.selectionId');
    const [[formation], [selection]] = await Promise.all([
      this.repositories.formations.byIds([input.formationId]),
      this.repositories.selections.byIds([input.selectionId]),
    ]);
    if (!formation || !canReadAgency(actor.viewer, formation.agencyId)) throw new NotFoundError('Formation', input.formationId, 'input.formationId');
    if (!selection || !canReadAgency(actor.viewer, selection.agencyId)) throw new NotFoundError('Selection', input.selectionId, 'input.selectionId');
    assertCanManageAgency(actor.viewer, formation.agencyId);
    const vacancy = fromInput(() => publishVacancy(input, formation, selection, this.ids, this.clock));
    await this.repositories.vacancies.publish(vacancy, auditContextOf(actor));
    return vacancy;
  }
}
