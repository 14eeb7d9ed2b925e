import type { Viewer } from '@kinerja/auth';
import { ValidationError } from '@kinerja/errors';
import { orderedBy } from '@kinerja/kernel';

import { canSeeDevelopmentOf } from '../domain/access.rule';
import type { DevelopmentPlan } from '../domain/development-plan';
import type { DevelopmentPlanRepository } from '../domain/repositories';

export class DevelopmentPlanReader {
  constructor(private readonly plans: DevelopmentPlanRepository) {}

  /** `Employee.developmentPlan(year)` for a batch; null where there is none or the viewer may not look. */
  async plansOfEmployees(viewer: Viewer, employeeIds: readonly string[], year: number): Promise<(DevelopmentPlan | null)[]> {
    if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new ValidationError({ field: 'year', message: 'must be a year YYYY' });
    if (viewer.userId === null) return employeeIds.map(() => null);
    const rows = orderedBy(employeeIds, await this.plans.ofEmployees(employeeIds, year), (row) => row.employee.employeeId);
    return rows.map((row) => (row && canSeeDevelopmentOf(viewer, row.employee) ? row.plan : null));
  }
}
