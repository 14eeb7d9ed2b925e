import { assertCanManageAgency } from '@kinerja/auth';
import { ConflictError, NotFoundError } from '@kinerja/errors';

import { effectiveStatus, type PerformancePeriod } from '../domain/period';
import { closePeriod } from '../domain/period.rule';
import type { Clock } from '../domain/ports';
import type { PeriodRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';

/** Closing a year closes its sub-periods too; from then on nothing in them changes (CONFLICT). */
export class ClosePerformancePeriod {
  constructor(
    private readonly periods: PeriodRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, periodId: string): Promise<PerformancePeriod> {
    const [period] = await this.periods.byIds([periodId]);
    if (!period) throw new NotFoundError('PerformancePeriod', periodId, 'id');
    assertCanManageAgency(actor.viewer, period.agencyId);
    const [annual] = period.parentId ? await this.periods.byIds([period.parentId]) : [null];
    const closed = closePeriod({ ...period, status: effectiveStatus(period, annual ?? null) });
    if (!(await this.periods.close(period, this.clock.now(), auditContextOf(actor)))) {
      throw new ConflictError(`Period ${period.id} was closed by someone else meanwhile`, { periodId: period.id });
    }
    return closed;
  }
}
