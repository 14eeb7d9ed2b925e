import { agencyScope, assertAuthenticated, assertCanReadAgency, canReadAgency, type Viewer } from '@kinerja/auth';
import { ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';
import { groupedBy, orderedBy } from '@kinerja/kernel';

import { canReadAgencyReport, canSeeDevelopmentOf, canSeeProgramme } from '../domain/access.rule';
import type { AssignmentRecord } from '../domain/assignment-record';
import type { Competency } from '../domain/catalogue';
import type { Certificate } from '../domain/certificate';
import type { AssignmentRepository, CatalogueRepository, EmployeeCopyRepository, TrainingRecordRepository } from '../domain/repositories';
import type { TrainingProgram, TrainingSession } from '../domain/training-program';
import { requireUuid } from '../domain/validation';
import type { AssignmentStatus, CompetencyKind } from '../domain/vocabulary';
import { decodeAssignmentCursor, encodeAssignmentCursor } from './assignment-cursor';

const MAX_PAGE = 200;

/** A page of HR's work list, in the graph's connection shape. */
export interface AgencyAssignmentConnection {
  edges: { cursor: string; node: AssignmentRecord }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Counts every matching assignment, so only when the client selects `totalCount`. */
  countTotal: () => Promise<number>;
}

/**
 * Every read of development's data, scoped by agency and person: a single record the viewer may
 * not see is FORBIDDEN; batches (dataloaders, `_entities`) answer null for it.
 */
export class DevelopmentReader {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly employees: EmployeeCopyRepository,
    private readonly assignments: AssignmentRepository,
    private readonly records: TrainingRecordRepository,
  ) {}

  async competencies(viewer: Viewer, kind: CompetencyKind | null): Promise<Competency[]> {
    assertAuthenticated(viewer);
    return this.catalogue.competencies(kind);
  }

  async competenciesByCodes(viewer: Viewer, codes: readonly string[]): Promise<(Competency | null)[]> {
    if (viewer.userId === null) return codes.map(() => null);
    return orderedBy(codes, await this.catalogue.competenciesByCodes(codes), (c) => c.code).map((c) => c ?? null);
  }

  /** The province-wide catalogue plus the agency's own (or, without an agency, every agency the viewer reads). */
  async programmes(viewer: Viewer, agencyId: string | null): Promise<TrainingProgram[]> {
    assertAuthenticated(viewer);
    if (agencyId) {
      assertCanReadAgency(viewer, agencyId);
      return this.catalogue.programmes([agencyId]);
    }
    const scope = agencyScope(viewer);
    return this.catalogue.programmes(scope.kind === 'all' ? 'all' : scope.agencyIds);
  }

  async programme(viewer: Viewer, id: string): Promise<TrainingProgram> {
    assertAuthenticated(viewer);
    const [programme] = await this.catalogue.programmesByIds([id]);
    if (!programme) throw new NotFoundError('TrainingProgram', id);
    if (!canSeeProgramme(viewer, programme)) throw new ForbiddenError('This programme belongs to another agency');
    return programme;
  }

  async programmesByIds(viewer: Viewer, ids: readonly string[]): Promise<(TrainingProgram | null)[]> {
    const found = orderedBy(ids, await this.catalogue.programmesByIds(ids), (p) => p.id);
    return found.map((programme) => (programme && canSeeProgramme(viewer, programme) ? programme : null));
  }

  /** Sessions of programmes the viewer already sees. */
  async sessionsOfProgrammes(programIds: readonly string[]): Promise<TrainingSession[][]> {
    return groupedBy(programIds, await this.catalogue.sessionsOfProgrammes(programIds), (s) => s.programId);
  }

  async seatsTaken(sessionIds: readonly string[]): Promise<number[]> {
    const taken = await this.catalogue.seatsTaken(sessionIds);
    return sessionIds.map((id) => taken.get(id) ?? 0);
  }

  async sessionsByIds(sessionIds: readonly string[]): Promise<(TrainingSession | null)[]> {
    return orderedBy(sessionIds, await this.catalogue.sessionsByIds(sessionIds), (s) => s.id).map((s) => s ?? null);
  }

  async assignment(viewer: Viewer, id: string): Promise<AssignmentRecord> {
    assertAuthenticated(viewer);
    const [assignment] = await this.assignments.byIds([id]);
    // Another agency's assignment answers exactly like one that does not exist: no existence oracle.
    if (!assignment || !canReadAgency(viewer, assignment.agencyId)) throw new NotFoundError('TrainingAssignment', id);
    const [employee] = await this.employees.byIds([assignment.employeeId]);
    const subject = { employeeId: assignment.employeeId, agencyId: assignment.agencyId, supervisorEmployeeId: employee?.supervisorEmployeeId ?? null };
    if (!canSeeDevelopmentOf(viewer, subject)) throw new ForbiddenError("This is another employee's training");
    return assignment;
  }

  /** `Employee.trainingAssignments(status)` for a batch of employees; null where the viewer may not look. */
  async assignmentsOfEmployees(viewer: Viewer, employeeIds: readonly string[], status: AssignmentStatus | null): Promise<(AssignmentRecord[] | null)[]> {
    if (viewer.userId === null) return employeeIds.map(() => null);
    const rows = orderedBy(employeeIds, await this.records.ofEmployees(employeeIds, status), (row) => row.employee.employeeId);
    return rows.map((row) => (row && canSeeDevelopmentOf(viewer, row.employee) ? row.assignments : null));
  }

  /** HR's work list, a page at a time: `after` is the `endCursor` of the page before. */
  async assignmentsOfAgency(
    viewer: Viewer,
    agencyId: string,
    status: AssignmentStatus | null,
    first: number,
    after: string | null,
  ): Promise<AgencyAssignmentConnection> {
    assertAuthenticated(viewer);
    if (!canReadAgencyReport(viewer, agencyId)) throw new ForbiddenError("Only the agency's HR, its head, the province admin and auditors see its assignments");
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw new ValidationError({ field: 'first', message: `must be 1-${MAX_PAGE}` });
    requireUuid('agencyId', agencyId);
    const page = await this.records.ofAgency(agencyId, status, first, after === null ? null : decodeAssignmentCursor(after));
    const edges = page.items.map(({ assignment, position }) => ({ cursor: encodeAssignmentCursor(position), node: assignment }));
    let total: Promise<number> | undefined;
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      countTotal: () => (total ??= this.records.countOfAgency(agencyId, status)),
    };
  }

  /** Certificates of assignments the viewer already sees. */
  async certificatesOfAssignments(assignmentIds: readonly string[]): Promise<(Certificate | null)[]> {
    return orderedBy(assignmentIds, await this.records.certificatesOfAssignments(assignmentIds), (c) => c.assignmentId).map((c) => c ?? null);
  }
}
