import type { AuditContext, AuditEntry } from '@kinerja/database';
import { auditRow, auditRowsInsert } from '@kinerja/database';
import { handleEventOnceWith, handleEventsOnceWith, outboxRowsInsert, outboxRowsOf } from '@kinerja/messaging';

import type { GapMappingOverride } from '../domain/agency-gap-mapping';
import type { AssignmentRecord } from '../domain/assignment-record';
import { PROVINCE_SCOPE } from '../domain/catalogue';
import type { DateWindow } from '../domain/contract-year.rule';
import type { EmployeeCopy } from '../domain/employee-copy';
import type {
  AuditedAssignment,
  CommittedJpQuery,
  EventBatchTransaction,
  EventStore,
  EventTransaction,
  PendingEvent,
  PendingHire,
} from '../domain/repositories';
import type { TrainingProgram } from '../domain/training-program';
import { assignmentData, employeeCopyData, toAssignment, toEmployeeCopy, toProgramme } from './mappers';
import type { DevelopmentPrisma, DevelopmentTransaction } from './prisma-client';
import { COMMITTED_JP, COMMITTED_JP_OF_EMPLOYEES } from './sql';

export const CONSUMER = 'development';

/** The audit entry of an assignment an event created, one by one or in a batch. */
const assignmentCreated = (assignment: AssignmentRecord): AuditEntry => ({
  action: 'training-assignment.created',
  entityType: 'TrainingAssignment',
  entityId: assignment.id,
  agencyId: assignment.agencyId,
  before: null,
  after: assignment,
});

class PrismaEventTransaction implements EventTransaction {
  wroteOutbox = false;

  constructor(private readonly tx: DevelopmentTransaction) {}

  async employee(employeeId: string): Promise<EmployeeCopy | null> {
    const row = await this.tx.employeeCopy.findUnique({ where: { employeeId } });
    return row ? toEmployeeCopy(row) : null;
  }

  async employeeByNip(nip: string): Promise<EmployeeCopy | null> {
    const row = await this.tx.employeeCopy.findFirst({ where: { nip }, orderBy: { lastEventAt: 'desc' } });
    return row ? toEmployeeCopy(row) : null;
  }

  async saveEmployee(copy: EmployeeCopy): Promise<void> {
    const data = employeeCopyData(copy);
    await this.tx.employeeCopy.upsert({ where: { employeeId: copy.employeeId }, create: data, update: data });
  }

  async programmesOf(agencyId: string): Promise<TrainingProgram[]> {
    return (await this.tx.trainingProgram.findMany({ where: { scope: { in: [PROVINCE_SCOPE, agencyId] } } })).map(toProgramme);
  }

  async gapMappingOverrides(agencyId: string): Promise<GapMappingOverride[]> {
    return this.tx.gapProgrammeMapping.findMany({ where: { agencyId }, select: { gap: true, programmeCode: true } });
  }

  async committedJp(employeeId: string, window: DateWindow): Promise<number> {
    const [row] = await this.tx.$queryRawUnsafe<{ jp: number }[]>(COMMITTED_JP, employeeId, window.start, window.end);
    return Number(row?.jp ?? 0);
  }

  async addAssignments(
    assignments: readonly AssignmentRecord[],
    audit: AuditContext,
    eventsOf: (assignment: AssignmentRecord) => readonly PendingEvent[],
  ): Promise<AssignmentRecord[]> {
    if (assignments.length === 0) return [];
    const rows = await this.tx.trainingAssignment.createManyAndReturn({ data: assignments.map(assignmentData), skipDuplicates: true });
    const created = rows.map(toAssignment);
    if (created.length === 0) return [];
    await this.tx.auditLog.createMany({
      data: created.map((assignment) => auditRow(audit, assignmentCreated(assignment))),
    });
    await this.tx.outboxEvent.createMany({ data: outboxRowsOf('development', created.flatMap(eventsOf)) });
    this.wroteOutbox = true;
    return created;
  }

  async holdHire(hire: PendingHire): Promise<void> {
    await this.tx.pendingHire.upsert({ where: { applicationId: hire.applicationId }, create: hire, update: {} });
  }

  async takeHiresFor(nip: string): Promise<PendingHire[]> {
    const hires = await this.tx.pendingHire.findMany({ where: { nip }, select: { applicationId: true, agencyId: true, nip: true, sourceEventId: true } });
    if (hires.length > 0) await this.tx.pendingHire.deleteMany({ where: { nip } });
    return hires;
  }
}

/** A batch's reads and writes: one statement each, whatever the number of events. */
class PrismaEventBatchTransaction implements EventBatchTransaction {
  wroteOutbox = false;

  constructor(private readonly tx: DevelopmentTransaction) {}

  async employees(employeeIds: readonly string[]): Promise<Map<string, EmployeeCopy>> {
    if (employeeIds.length === 0) return new Map();
    const rows = await this.tx.employeeCopy.findMany({ where: { employeeId: { in: [...new Set(employeeIds)] } } });
    return new Map(rows.map((row) => [row.employeeId, toEmployeeCopy(row)]));
  }

  async programmesOfAgencies(agencyIds: readonly string[]): Promise<TrainingProgram[]> {
    return (await this.tx.trainingProgram.findMany({ where: { scope: { in: [PROVINCE_SCOPE, ...new Set(agencyIds)] } } })).map(toProgramme);
  }

  async gapMappingOverridesOf(agencyIds: readonly string[]): Promise<Map<string, GapMappingOverride[]>> {
    const byAgency = new Map<string, GapMappingOverride[]>(agencyIds.map((agencyId) => [agencyId, []]));
    if (agencyIds.length === 0) return byAgency;
    const rows = await this.tx.gapProgrammeMapping.findMany({
      where: { agencyId: { in: [...new Set(agencyIds)] } },
      select: { agencyId: true, gap: true, programmeCode: true },
    });
    for (const { agencyId, gap, programmeCode } of rows) byAgency.get(agencyId)?.push({ gap, programmeCode });
    return byAgency;
  }

  async committedJpOf(queries: readonly CommittedJpQuery[]): Promise<Map<string, number>> {
    if (queries.length === 0) return new Map();
    const rows = await this.tx.$queryRawUnsafe<{ employeeId: string; jp: number }[]>(
      COMMITTED_JP_OF_EMPLOYEES,
      queries.map((query) => query.employeeId),
      queries.map((query) => query.window.start),
      queries.map((query) => query.window.end),
    );
    return new Map(rows.map((row) => [row.employeeId, Number(row.jp)]));
  }

  /**
   * Three statements whatever the batch's size (assignments, audit rows, outbox rows), each taking
   * its rows as one JSON parameter: Prisma's createMany builds and compiles a query per call that
   * grows with the rows, which cost more CPU than the rest of a batch's handling.
   */
  async addAssignments(items: readonly AuditedAssignment[], eventsOf: (assignment: AssignmentRecord) => readonly PendingEvent[]): Promise<AssignmentRecord[]> {
    if (items.length === 0) return [];
    const inserted = await this.tx.$queryRawUnsafe<{ id: string }[]>(
      INSERT_ASSIGNMENTS,
      JSON.stringify(items.map(({ assignment }) => assignmentColumns(assignment))),
    );
    const createdIds = new Set(inserted.map((row) => row.id));
    const created = items.filter(({ assignment }) => createdIds.has(assignment.id));
    if (created.length === 0) return [];
    await this.tx.$executeRawUnsafe(...auditRowsInsert(created.map(({ assignment, audit }) => ({ context: audit, entry: assignmentCreated(assignment) }))));
    await this.tx.$executeRawUnsafe(
      ...outboxRowsInsert(
        outboxRowsOf(
          'development',
          created.flatMap(({ assignment }) => eventsOf(assignment)),
        ),
      ),
    );
    this.wroteOutbox = true;
    return created.map(({ assignment }) => assignment);
  }
}

/** New assignments, skipping those whose dedupe key exists (as `createMany({ skipDuplicates })`); answers the ids inserted. */
const INSERT_ASSIGNMENTS = `INSERT INTO training_assignment
    (id, agency_id, employee_id, program_id, programme_code, session_id, reason, source_event_id, dedupe_key, gaps, status, result, completed_on, earned_jp, cancellation_reason)
  SELECT id, agency_id, employee_id, program_id, programme_code, session_id, reason, source_event_id, dedupe_key, gaps, status, result, completed_on, earned_jp, cancellation_reason
    FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, agency_id uuid, employee_id uuid, program_id uuid, programme_code text, session_id uuid,
      reason "AssignmentReason", source_event_id uuid, dedupe_key text, gaps jsonb, status "AssignmentStatus", result "TrainingResult",
      completed_on date, earned_jp integer, cancellation_reason text)
  ON CONFLICT DO NOTHING
  RETURNING id::text AS id`;

const assignmentColumns = (assignment: AssignmentRecord) => ({
  id: assignment.id,
  agency_id: assignment.agencyId,
  employee_id: assignment.employeeId,
  program_id: assignment.programId,
  programme_code: assignment.programmeCode,
  session_id: assignment.sessionId,
  reason: assignment.reason,
  source_event_id: assignment.sourceEventId,
  dedupe_key: assignment.dedupeKey,
  gaps: assignment.gaps,
  status: assignment.status,
  result: assignment.result,
  completed_on: assignment.completedOn,
  earned_jp: assignment.earnedJp,
  cancellation_reason: assignment.cancellationReason,
});

/** Each handled event is one unit of work (`handleEventOnce`): claim, effect, audit and outbox rows. */
export class PrismaEventStore implements EventStore {
  constructor(
    private readonly prisma: DevelopmentPrisma,
    private readonly afterOutboxCommit: () => void = () => undefined,
  ) {}

  handleOnce(eventId: string, work: (tx: EventTransaction) => Promise<void>): Promise<boolean> {
    return handleEventOnceWith(this.prisma, CONSUMER, eventId, (tx) => new PrismaEventTransaction(tx), work, this.afterOutboxCommit);
  }

  handleBatchOnce(eventIds: readonly string[], work: (tx: EventBatchTransaction, claimed: ReadonlySet<string>) => Promise<void>): Promise<ReadonlySet<string>> {
    return handleEventsOnceWith(this.prisma, CONSUMER, eventIds, (tx) => new PrismaEventBatchTransaction(tx), work, this.afterOutboxCommit);
  }
}
