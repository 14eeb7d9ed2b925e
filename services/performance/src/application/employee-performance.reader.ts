import type { Viewer } from '@kinerja/auth';
import { groupedBy } from '@kinerja/kernel';

import { canReadPerformanceOf } from '../domain/access.rule';
import type { Assessment } from '../domain/assessment';
import type { DevelopmentEvidence } from '../domain/development-evidence';
import type { EmployeeCopy } from '../domain/employee-copy';
import type { Reward, Sanction } from '../domain/follow-up.rule';
import type { PerformancePlan } from '../domain/plan';
import type { AssessmentRepository, DevelopmentEvidenceRepository, EmployeeCopyRepository, FollowUpRepository, PlanRepository } from '../domain/repositories';

/**
 * The fields performance adds to identity's `Employee`, for a batch of employees at once. Access
 * is decided per employee from the local copy (agency, supervisor line): an employee the viewer
 * may not see gets empty lists and nulls, never another agency's data.
 */
export class EmployeePerformanceReader {
  constructor(
    private readonly copies: EmployeeCopyRepository,
    private readonly plans: PlanRepository,
    private readonly assessments: AssessmentRepository,
    private readonly evidence: DevelopmentEvidenceRepository,
    private readonly followUps: FollowUpRepository,
  ) {}

  private async readable(viewer: Viewer, employeeIds: readonly string[]): Promise<string[]> {
    if (viewer.userId === null) return [];
    const copies: EmployeeCopy[] = await this.copies.byIds(employeeIds);
    return copies.filter((copy) => canReadPerformanceOf(viewer, copy)).map((copy) => copy.employeeId);
  }

  private async perEmployee<T extends { employeeId: string }>(
    viewer: Viewer,
    employeeIds: readonly string[],
    load: (ids: readonly string[]) => Promise<T[]>,
  ): Promise<T[][]> {
    const readable = await this.readable(viewer, employeeIds);
    const items = readable.length > 0 ? await load(readable) : [];
    return groupedBy(employeeIds, items, (item) => item.employeeId);
  }

  plansOf(viewer: Viewer, employeeIds: readonly string[]): Promise<PerformancePlan[][]> {
    return this.perEmployee(viewer, employeeIds, (ids) => this.plans.ofEmployees(ids));
  }

  /** One statement for the whole batch: each employee's copy (for access) joined with their latest assessment. */
  async latestAssessmentOf(viewer: Viewer, employeeIds: readonly string[]): Promise<(Assessment | null)[]> {
    if (viewer.userId === null) return employeeIds.map(() => null);
    const rows = await this.assessments.latestOfEmployees(employeeIds);
    const latest = new Map(rows.filter((row) => canReadPerformanceOf(viewer, row.subject)).map((row) => [row.subject.employeeId, row.latest]));
    return employeeIds.map((id) => latest.get(id) ?? null);
  }

  predikatHistoryOf(viewer: Viewer, employeeIds: readonly string[]): Promise<Assessment[][]> {
    return this.perEmployee(viewer, employeeIds, (ids) => this.assessments.annualOfEmployees(ids));
  }

  developmentEvidenceOf(viewer: Viewer, employeeIds: readonly string[]): Promise<DevelopmentEvidence[][]> {
    return this.perEmployee(viewer, employeeIds, (ids) => this.evidence.ofEmployees(ids));
  }

  rewardsOf(viewer: Viewer, employeeIds: readonly string[]): Promise<Reward[][]> {
    return this.perEmployee(viewer, employeeIds, (ids) => this.followUps.rewardsOf(ids));
  }

  sanctionsOf(viewer: Viewer, employeeIds: readonly string[]): Promise<Sanction[][]> {
    return this.perEmployee(viewer, employeeIds, (ids) => this.followUps.sanctionsOf(ids));
  }
}
