import { assertCanManageAgency } from '@kinerja/auth';
import { ConflictError } from '@kinerja/errors';

import { newAnnualPeriod, type PerformancePeriod } from '../domain/period';
import type { Cadence } from '../domain/period.rule';
import type { IdGenerator } from '../domain/ports';
import type { PeriodRepository, SettingsRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';

export interface CreatePerformancePeriodInput {
  agencyId: string;
  year: number;
  /** Null: the agency's setting. */
  cadence: Cadence | null;
  fillInDays: number | null;
}

/** The agency's HR admin opens a year with its monthly or quarterly sub-periods and their deadlines. */
export class CreatePerformancePeriod {
  constructor(
    private readonly periods: PeriodRepository,
    private readonly settings: SettingsRepository,
    private readonly ids: IdGenerator,
  ) {}

  async execute(actor: Actor, input: CreatePerformancePeriodInput): Promise<PerformancePeriod> {
    assertCanManageAgency(actor.viewer, input.agencyId);
    const settings = await this.settings.ofAgency(input.agencyId);
    const { annual, subPeriods } = newAnnualPeriod(() => this.ids.newId(), {
      agencyId: input.agencyId,
      year: input.year,
      cadence: input.cadence ?? settings.cadence,
      fillInDays: input.fillInDays ?? settings.fillInDays,
    });
    if (await this.periods.annualOfYear(input.agencyId, input.year)) {
      throw new ConflictError(`The agency already has a performance period for ${input.year}`, { field: 'input.year' });
    }
    await this.periods.create(annual, subPeriods, auditContextOf(actor));
    return annual;
  }
}
