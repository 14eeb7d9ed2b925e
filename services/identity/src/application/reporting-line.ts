import type { Employee } from '../domain/employee';
import type { PendingEvent } from '../domain/events';
import type { EmployeeRepository, OrganisationRepository } from '../domain/repositories';

const MAX_CHAIN = 20;

/** Who holds which position after a change that is not committed yet (null = vacated). */
export type HolderOverrides = ReadonlyMap<string, Employee | null>;

/**
 * The supervisor of each employee: the holder of the supervising position, or when that post is
 * vacant the next filled post up the line. Resolved level by level for the whole batch.
 */
export async function resolveSupervisors(
  organisation: OrganisationRepository,
  employees: EmployeeRepository,
  list: readonly Employee[],
  overrides: HolderOverrides = new Map(),
): Promise<(Employee | null)[]> {
  const result: (Employee | null)[] = list.map(() => null);
  let pending = list.flatMap((employee, index) => (employee.positionId ? [{ index, positionId: employee.positionId }] : []));
  for (let level = 0; level < MAX_CHAIN && pending.length > 0; level += 1) {
    const positions = new Map((await organisation.positionsByIds(pending.map((item) => item.positionId))).map((p) => [p.id, p]));
    const next = pending.flatMap((item) => {
      const supervisorPositionId = positions.get(item.positionId)?.supervisorPositionId;
      return supervisorPositionId ? [{ index: item.index, positionId: supervisorPositionId }] : [];
    });
    const holders = await employees.holdersOfPositions(next.map((item) => item.positionId));
    pending = [];
    for (const item of next) {
      const holder = overrides.has(item.positionId) ? overrides.get(item.positionId) : holders.find((candidate) => candidate.positionId === item.positionId);
      if (holder) result[item.index] = holder;
      else pending.push(item);
    }
  }
  return result;
}

type SnapshotType = 'identity.employee.registered' | 'identity.employee.transferred' | 'identity.employee.left' | 'identity.employee.snapshot';

export function employeeSnapshot(employee: Employee, supervisor: Employee | null) {
  return {
    employeeId: employee.id,
    nip: employee.nip,
    name: employee.name,
    agencyId: employee.agencyId,
    orgUnitId: employee.orgUnitId,
    positionId: employee.positionId,
    supervisorEmployeeId: supervisor?.id ?? null,
    employmentType: employee.employmentType,
  };
}

/**
 * Events for a change of who holds positions: the changed employee's own event, plus a snapshot of
 * every direct report whose supervisor changed with it, so that the other services' local copies of
 * the reporting line stay right.
 */
export async function reportingLineEvents<T extends SnapshotType>(
  organisation: OrganisationRepository,
  employees: EmployeeRepository,
  changed: { employee: Employee; type: T; extra: Record<string, unknown> },
  vacated: string | null,
): Promise<PendingEvent[]> {
  const overrides = new Map<string, Employee | null>();
  if (vacated) overrides.set(vacated, null);
  if (changed.employee.positionId && changed.employee.status !== 'LEFT') overrides.set(changed.employee.positionId, changed.employee);
  const [supervisor] = await resolveSupervisors(organisation, employees, [changed.employee], overrides);
  const own = {
    type: changed.type,
    agencyId: changed.employee.agencyId,
    payload: { ...employeeSnapshot(changed.employee, supervisor ?? null), ...changed.extra },
  } as PendingEvent;
  const touched = [vacated, changed.employee.positionId].filter((id): id is string => id !== null);
  const reports =
    touched.length > 0 ? (await employees.reportsOfPositions(touched)).map((report) => report.employee).filter((e) => e.id !== changed.employee.id) : [];
  const supervisors = await resolveSupervisors(organisation, employees, reports, overrides);
  const snapshots = reports.map((report, i): PendingEvent => ({
    type: 'identity.employee.snapshot',
    agencyId: report.agencyId,
    payload: { ...employeeSnapshot(report, supervisors[i] ?? null), status: report.status },
  }));
  return [own, ...snapshots];
}
