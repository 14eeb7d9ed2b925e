import { assertAuthenticated } from '@kinerja/auth';
import { ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';

import { canLeadAgency } from '../domain/access.rule';
import { isUnitHead } from '../domain/employee-copy';
import { assertPeriodOpen } from '../domain/period.rule';
import type { Clock, IdGenerator } from '../domain/ports';
import type { EmployeeCopyRepository, PeriodRepository, UnitRatingRepository } from '../domain/repositories';
import type { UnitRatingRecord } from '../domain/unit-rating';
import type { UnitRating } from '../domain/vocabulary';
import { type Actor, auditContextOf } from './actor';

export interface SetUnitRatingInput {
  orgUnitId: string;
  periodId: string;
  rating: UnitRating;
}

/** The unit's own rating for a year, set by the agency's HR admin or head, or by the unit's head. */
export class SetUnitRating {
  constructor(
    private readonly unitRatings: UnitRatingRepository,
    private readonly periods: PeriodRepository,
    private readonly copies: EmployeeCopyRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: SetUnitRatingInput): Promise<UnitRatingRecord> {
    assertAuthenticated(actor.viewer);
    const [period] = await this.periods.byIds([input.periodId]);
    if (!period) throw new NotFoundError('PerformancePeriod', input.periodId, 'input.periodId');
    const member = await this.copies.anyInUnit(input.orgUnitId);
    if (!member) throw new NotFoundError('OrgUnit', input.orgUnitId, 'input.orgUnitId');
    if (!(await this.mayRate(actor, period.agencyId, input.orgUnitId)))
      throw new ForbiddenError("Only the agency's HR admin or head, or the unit's head, rates the unit");
    if (member.agencyId !== period.agencyId) throw new ValidationError({ field: 'input.orgUnitId', message: "is not a unit of the period's agency" });
    if (period.kind !== 'ANNUAL') throw new ValidationError({ field: 'input.periodId', message: 'a unit is rated for a year, not a sub-period' });
    assertPeriodOpen(period);
    const [before] = await this.unitRatings.ofUnits([input.orgUnitId], period.id);
    const after: UnitRatingRecord = {
      id: before?.id ?? this.ids.newId(),
      agencyId: period.agencyId,
      orgUnitId: input.orgUnitId,
      periodId: period.id,
      rating: input.rating,
      setAt: this.clock.now(),
    };
    await this.unitRatings.save(before ?? null, after, auditContextOf(actor));
    return after;
  }

  private async mayRate(actor: Actor, agencyId: string, orgUnitId: string): Promise<boolean> {
    if (canLeadAgency(actor.viewer, agencyId)) return true;
    if (!actor.viewer.employeeId) return false;
    const [self] = await this.copies.byIds([actor.viewer.employeeId]);
    if (!self || self.orgUnitId !== orgUnitId || self.agencyId !== agencyId) return false;
    const [supervisor] = self.supervisorEmployeeId ? await this.copies.byIds([self.supervisorEmployeeId]) : [];
    return isUnitHead(self, supervisor ?? null);
  }
}
