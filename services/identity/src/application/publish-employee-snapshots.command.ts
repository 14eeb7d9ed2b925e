import type { EmployeeRepository, OrganisationRepository } from '../domain/repositories';
import { employeeSnapshot, resolveSupervisors } from './reporting-line';

/**
 * The backfill path: republishes the current state of every employee as
 * `identity.employee.snapshot`, so a freshly deployed service can build its local copy.
 * Consumers treat snapshots as upserts, so running it twice is harmless.
 */
export async function publishEmployeeSnapshots(organisation: OrganisationRepository, employees: EmployeeRepository, pageSize = 500): Promise<number> {
  let afterId: string | null = null;
  let published = 0;
  for (;;) {
    const page = await employees.pageById(afterId, pageSize);
    if (page.length === 0) return published;
    const supervisors = await resolveSupervisors(organisation, employees, page);
    await employees.publish(
      page.map((employee, i) => ({
        type: 'identity.employee.snapshot' as const,
        agencyId: employee.agencyId,
        payload: { ...employeeSnapshot(employee, supervisors[i] ?? null), status: employee.status },
      })),
    );
    published += page.length;
    afterId = page.at(-1)?.id ?? null;
  }
}
