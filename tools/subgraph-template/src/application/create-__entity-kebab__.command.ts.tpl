import { assertCanManageAgency } from '@kinerja/auth';
import { ValidationError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import { type __Entity__, new__Entity__ } from '../domain/__entity-kebab__';
import type { __Entity__Repository, Clock, IdGenerator } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';

export class Create__Entity__ {
  constructor(
    private readonly records: __Entity__Repository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** HR of the agency (or the province admin) creates a record of that agency. */
  async execute(actor: Actor, input: { agencyId: string; title: string }): Promise<__Entity__> {
    assertEntityId(input.agencyId, 'input.agencyId');
    assertCanManageAgency(actor.viewer, input.agencyId);
    let record: __Entity__;
    try {
      record = new__Entity__(input, this.ids, this.clock);
    } catch (error) {
      throw error instanceof ValidationError ? error.under('input') : error;
    }
    await this.records.create(record, auditContextOf(actor));
    return record;
  }
}
