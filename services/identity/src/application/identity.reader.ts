import { agencyScope, assertAuthenticated, assertCanReadAgency, canReadAgency, type Viewer } from '@kinerja/auth';
import { NotFoundError, ValidationError } from '@kinerja/errors';
import { groupedBy, orderedBy } from '@kinerja/kernel';

import type { Employee } from '../domain/employee';
import type { Agency, OrgUnit, Position } from '../domain/organisation';
import type { EmployeePage, EmployeeRepository, OrganisationRepository } from '../domain/repositories';
import { decodeCursor } from './cursor';
import { resolveSupervisors } from './reporting-line';

export interface EmployeeFilter {
  agencyId?: string | undefined;
  orgUnitId?: string | undefined;
  search?: string | undefined;
}

const MAX_PAGE = 100;

/** A page of employees; the total is counted only when someone asks for it (it scans every match). */
export interface EmployeeSearchResult extends EmployeePage {
  totalCount: () => Promise<number>;
}

const byId = <T extends { id: string }>(ids: readonly string[], items: readonly T[]) => orderedBy(ids, items, (item) => item.id);

/**
 * Every read of identity's data, agency-scoped: a single record of another agency is FORBIDDEN;
 * batches (dataloaders, `_entities`) answer null for records the viewer may not see.
 */
export class IdentityReader {
  constructor(
    private readonly organisation: OrganisationRepository,
    private readonly employees: EmployeeRepository,
  ) {}

  private visible<T extends { agencyId: string }>(viewer: Viewer, items: readonly (T | undefined)[]): (T | null)[] {
    return items.map((item) => (item && canReadAgency(viewer, item.agencyId) ? item : null));
  }

  /**
   * One record by id or NIP. Another agency's record answers exactly like an unknown one
   * (NOT_FOUND), so that nobody learns which ids or NIPs exist elsewhere; anonymous callers learn
   * nothing either (UNAUTHENTICATED before any lookup answers).
   */
  private one<T extends { agencyId: string }>(viewer: Viewer, item: T | undefined | null, entity: string, id: string): T {
    assertAuthenticated(viewer);
    if (!item || !canReadAgency(viewer, item.agencyId)) throw new NotFoundError(entity, id);
    return item;
  }

  async agencies(viewer: Viewer): Promise<Agency[]> {
    assertAuthenticated(viewer);
    const scope = agencyScope(viewer);
    return this.organisation.listAgencies(scope.kind === 'all' ? 'all' : scope.agencyIds);
  }

  async agency(viewer: Viewer, id: string): Promise<Agency> {
    const [agency] = await this.organisation.agenciesByIds([id]);
    return this.one(viewer, agency && { ...agency, agencyId: agency.id }, 'Agency', id);
  }

  async agenciesByIds(viewer: Viewer, ids: readonly string[]): Promise<(Agency | null)[]> {
    const agencies = byId(ids, await this.organisation.agenciesByIds(ids));
    return agencies.map((agency) => (agency && canReadAgency(viewer, agency.id) ? agency : null));
  }

  async orgUnit(viewer: Viewer, id: string): Promise<OrgUnit> {
    const [unit] = await this.organisation.orgUnitsByIds([id]);
    return this.one(viewer, unit, 'OrgUnit', id);
  }

  async orgUnitsByIds(viewer: Viewer, ids: readonly string[]): Promise<(OrgUnit | null)[]> {
    return this.visible(viewer, byId(ids, await this.organisation.orgUnitsByIds(ids)));
  }

  async positionsByIds(viewer: Viewer, ids: readonly string[]): Promise<(Position | null)[]> {
    return this.visible(viewer, byId(ids, await this.organisation.positionsByIds(ids)));
  }

  async employee(viewer: Viewer, id: string): Promise<Employee> {
    const [employee] = await this.employees.byIds([id]);
    return this.one(viewer, employee, 'Employee', id);
  }

  async employeeByNip(viewer: Viewer, nip: string): Promise<Employee> {
    return this.one(viewer, await this.employees.byNip(nip.replace(/\s+/g, '')), 'Employee', nip);
  }

  async employeesByIds(viewer: Viewer, ids: readonly string[]): Promise<(Employee | null)[]> {
    return this.visible(viewer, byId(ids, await this.employees.byIds(ids)));
  }

  async me(viewer: Viewer): Promise<Employee | null> {
    assertAuthenticated(viewer);
    if (!viewer.employeeId) return null;
    const [employee] = await this.employees.byIds([viewer.employeeId]);
    return employee ?? null;
  }

  async searchEmployees(viewer: Viewer, filter: EmployeeFilter, first: number, after: string | undefined): Promise<EmployeeSearchResult> {
    assertAuthenticated(viewer);
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) throw new ValidationError({ field: 'first', message: `must be 0-${MAX_PAGE}` });
    let agencyIds: readonly string[] | 'all';
    if (filter.agencyId) {
      assertCanReadAgency(viewer, filter.agencyId);
      agencyIds = [filter.agencyId];
    } else {
      const scope = agencyScope(viewer);
      agencyIds = scope.kind === 'all' ? 'all' : scope.agencyIds;
    }
    const query = { agencyIds, orgUnitId: filter.orgUnitId, search: filter.search?.trim() || undefined };
    const page = await this.employees.search({ ...query, first, after: after ? decodeCursor(after) : undefined });
    let total: Promise<number> | undefined;
    return { ...page, totalCount: () => (total ??= this.employees.count(query)) };
  }

  async childUnitsOf(viewer: Viewer, unitIds: readonly string[]): Promise<OrgUnit[][]> {
    const children = await this.organisation.childUnitsOf(unitIds);
    return groupedBy(
      unitIds,
      children.filter((unit) => canReadAgency(viewer, unit.agencyId)),
      (unit) => unit.parentId,
    );
  }

  async unitsOfAgencies(viewer: Viewer, agencyIds: readonly string[]): Promise<OrgUnit[][]> {
    const readable = agencyIds.filter((id) => canReadAgency(viewer, id));
    const units = readable.length > 0 ? await this.organisation.orgUnitsByAgencies(readable) : [];
    return groupedBy(agencyIds, units, (unit) => unit.agencyId);
  }

  async positionsOfUnits(viewer: Viewer, unitIds: readonly string[]): Promise<Position[][]> {
    const positions = await this.organisation.positionsByUnits(unitIds);
    return groupedBy(
      unitIds,
      positions.filter((p) => canReadAgency(viewer, p.agencyId)),
      (p) => p.orgUnitId,
    );
  }

  async holdersOfPositions(viewer: Viewer, positionIds: readonly string[]): Promise<(Employee | null)[]> {
    const holders = await this.employees.holdersOfPositions(positionIds);
    return this.visible(
      viewer,
      positionIds.map((id) => holders.find((holder) => holder.positionId === id)),
    );
  }

  /** The supervisor of each employee (see resolveSupervisors), when the viewer may see them. */
  async supervisorsOf(viewer: Viewer, employees: readonly Employee[]): Promise<(Employee | null)[]> {
    const supervisors = await resolveSupervisors(this.organisation, this.employees, employees);
    return this.visible(
      viewer,
      supervisors.map((supervisor) => supervisor ?? undefined),
    );
  }

  /** Direct subordinates: the holders of the positions reporting to the employee's position. */
  async subordinatesOf(viewer: Viewer, employees: readonly Employee[]): Promise<Employee[][]> {
    const positionIds = employees.map((employee) => employee.positionId).filter((id): id is string => id !== null);
    const reports = positionIds.length > 0 ? await this.employees.reportsOfPositions(positionIds) : [];
    return employees.map((employee) =>
      reports
        .filter((report) => report.supervisorPositionId === employee.positionId && canReadAgency(viewer, report.employee.agencyId))
        .map((report) => report.employee),
    );
  }
}
