import { assertAuthenticated } from '@kinerja/auth';
import { ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';

import { assertPeriodOpen } from '../domain/period.rule';
import type { Clock, IdGenerator } from '../domain/ports';
import type { AssessmentRepository, EmployeeCopyRepository, PeriodRepository, UnitRatingRepository } from '../domain/repositories';
import type { UnitRatingRecord } from '../domain/unit-rating';
import { unitRaterVerdict, unitRatingChange } from '../domain/unit-rating.rule';
import type { UnitRating } from '../domain/vocabulary';
import { type Actor, auditContextOf } from './actor';

export interface SetUnitRatingInput {
  orgUnitId: string;
  periodId: string;
  rating: UnitRating;
  /** Required when someone in the unit is already finalized for the year: the change reopens the unit. */
  reason?: string | null;
}

/**
 * The unit's own rating for a year, set from outside the unit (the agency head, the head of the
 * parent unit, the agency's HR admin or the province admin; never a member or head of the unit).
 * After a finalization in the unit it changes only through a recorded reopening with a reason.
 */
export class SetUnitRating {
  constructor(
    private readonly unitRatings: UnitRatingRepository,
    private readonly periods: PeriodRepository,
    private readonly copies: EmployeeCopyRepository,
    private readonly assessments: AssessmentRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: SetUnitRatingInput): Promise<UnitRatingRecord> {
    assertAuthenticated(actor.viewer);
    const [period] = await this.periods.byIds([input.periodId]);
    if (!period) throw new NotFoundError('PerformancePeriod', input.periodId, 'input.periodId');
    const member = await this.copies.anyInUnit(input.orgUnitId);
    if (!member) throw new NotFoundError('OrgUnit', input.orgUnitId, 'input.orgUnitId');
    const [[self], headsOfUnit] = await Promise.all([
      actor.viewer.employeeId ? this.copies.byIds([actor.viewer.employeeId]) : Promise.resolve([]),
      this.copies.headsOfUnit(input.orgUnitId),
    ]);
    const verdict = unitRaterVerdict({ viewer: actor.viewer, agencyId: period.agencyId, orgUnitId: input.orgUnitId, self: self ?? null, headsOfUnit });
    if (verdict === 'OWN_UNIT') throw new ForbiddenError('Nobody rates a unit they head or belong to: the agency head or the head of the parent unit does');
    if (verdict !== 'ALLOWED')
      throw new ForbiddenError("Only the agency head, the head of the parent unit, the agency's HR admin or the province admin rates a unit");
    if (member.agencyId !== period.agencyId) throw new ValidationError({ field: 'input.orgUnitId', message: "is not a unit of the period's agency" });
    if (period.kind !== 'ANNUAL') throw new ValidationError({ field: 'input.periodId', message: 'a unit is rated for a year, not a sub-period' });
    assertPeriodOpen(period);
    const [[before], counts] = await Promise.all([
      this.unitRatings.ofUnits([input.orgUnitId], period.id),
      this.assessments.countsInUnit({ orgUnitId: input.orgUnitId, periodId: period.id }),
    ]);
    const finalizedInUnit = Object.values(counts).reduce<number>((sum, n) => sum + (n ?? 0), 0);
    const change = unitRatingChange({ before: before?.rating ?? null, rating: input.rating, finalizedInUnit, reason: input.reason ?? null });
    const after: UnitRatingRecord = {
      id: before?.id ?? this.ids.newId(),
      agencyId: period.agencyId,
      orgUnitId: input.orgUnitId,
      periodId: period.id,
      rating: input.rating,
      setAt: this.clock.now(),
    };
    await this.unitRatings.save(before ?? null, after, auditContextOf(actor), change.reopening ? { reason: change.reason ?? '', finalizedInUnit } : null);
    return after;
  }
}
