import { assertAuthenticated, type Viewer } from '@kinerja/auth';
import { ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';

import { canReadAgencyReports } from '../domain/access.rule';
import { isUnitHead } from '../domain/employee-copy';
import { type PredikatDistribution, predikatDistribution } from '../domain/predikat-distribution';
import type { AssessmentRepository, EmployeeCopyRepository, PeriodRepository, UnitRatingRepository } from '../domain/repositories';
import type { UnitRatingRecord } from '../domain/unit-rating';

/** A unit's distribution of predikat for a year, for the agency's leadership, HR, auditors and the unit's head. */
export class DistributionReader {
  constructor(
    private readonly periods: PeriodRepository,
    private readonly copies: EmployeeCopyRepository,
    private readonly assessments: AssessmentRepository,
    private readonly unitRatings: UnitRatingRepository,
  ) {}

  async distribution(viewer: Viewer, orgUnitId: string, periodId: string): Promise<PredikatDistribution> {
    const agencyId = await this.assertCanRead(viewer, orgUnitId, periodId);
    const [counts, headcount, [rating]] = await Promise.all([
      this.assessments.countsInUnit({ orgUnitId, periodId }),
      this.copies.headcountOfUnit(orgUnitId),
      this.unitRatings.ofUnits([orgUnitId], periodId),
    ]);
    return predikatDistribution(rating?.agencyId === agencyId ? rating.rating : null, counts, headcount);
  }

  async unitRating(viewer: Viewer, orgUnitId: string, periodId: string): Promise<UnitRatingRecord | null> {
    await this.assertCanRead(viewer, orgUnitId, periodId);
    const [rating] = await this.unitRatings.ofUnits([orgUnitId], periodId);
    return rating ?? null;
  }

  /** The period decides the agency; a unit of another agency is refused, never counted. */
  private async assertCanRead(viewer: Viewer, orgUnitId: string, periodId: string): Promise<string> {
    assertAuthenticated(viewer);
    const [period] = await this.periods.byIds([periodId]);
    if (!period) throw new NotFoundError('PerformancePeriod', periodId, 'periodId');
    if (period.kind !== 'ANNUAL') throw new ValidationError({ field: 'periodId', message: 'the distribution is per year, not per sub-period' });
    const member = await this.copies.anyInUnit(orgUnitId);
    if (member && member.agencyId !== period.agencyId)
      throw new ValidationError({ field: 'periodId', message: "is a period of another agency than the unit's" });
    if (canReadAgencyReports(viewer, period.agencyId)) return period.agencyId;
    const [self] = viewer.employeeId ? await this.copies.byIds([viewer.employeeId]) : [];
    const [supervisor] = self?.supervisorEmployeeId ? await this.copies.byIds([self.supervisorEmployeeId]) : [];
    if (self && self.orgUnitId === orgUnitId && self.agencyId === period.agencyId && isUnitHead(self, supervisor ?? null)) return period.agencyId;
    throw new ForbiddenError("Only the unit's head and the agency's HR, head and auditors see the unit's distribution");
  }
}
