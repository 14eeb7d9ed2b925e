import type { AuditContext } from '@kinerja/database';
import { auditRow } from '@kinerja/database';
import { handleEventOnce, handleEventsOnce, outboxRowsOf } from '@kinerja/messaging';

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
      data: created.map((assignment) =>
        auditRow(audit, {
          action: 'training-assignment.created',
          entityType: 'TrainingAssignment',
          entityId: assignment.id,
          agencyId: assignment.agencyId,
          before: null,
          after: assignment,
        }),
      ),
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

  async addAssignments(items: readonly AuditedAssignment[], eventsOf: (assignment: AssignmentRecord) => readonly PendingEvent[]): Promise<AssignmentRecord[]> {
    if (items.length === 0) return [];
    const rows = await this.tx.trainingAssignment.createManyAndReturn({
      data: items.map(({ assignment }) => assignmentData(assignment)),
      skipDuplicates: true,
    });
    const created = rows.map(toAssignment);
    if (created.length === 0) return [];
    const auditOf = new Map(items.map(({ assignment, audit }) => [assignment.id, audit]));
    await this.tx.auditLog.createMany({
      data: created.map((assignment) =>
        auditRow(auditOf.get(assignment.id) ?? { actorUserId: null, requestId: null }, {
          action: 'training-assignment.created',
          entityType: 'TrainingAssignment',
          entityId: assignment.id,
          agencyId: assignment.agencyId,
          before: null,
          after: assignment,
        }),
      ),
    });
    await this.tx.outboxEvent.createMany({ data: outboxRowsOf('development', created.flatMap(eventsOf)) });
    this.wroteOutbox = true;
    return created;
  }
}

/** Each handled event is one unit of work (`handleEventOnce`): claim, effect, audit and outbox rows. */
export class PrismaEventStore implements EventStore {
  constructor(
    private readonly prisma: DevelopmentPrisma,
    private readonly afterOutboxCommit: () => void = () => undefined,
  ) {}

  handleOnce(eventId: string, work: (tx: EventTransaction) => Promise<void>): Promise<boolean> {
    return handleEventOnce(
      this.prisma,
      CONSUMER,
      eventId,
      async (tx) => {
        const transaction = new PrismaEventTransaction(tx);
        await work(transaction);
        return { wroteOutbox: transaction.wroteOutbox };
      },
      this.afterOutboxCommit,
    );
  }

  handleBatchOnce(eventIds: readonly string[], work: (tx: EventBatchTransaction, claimed: ReadonlySet<string>) => Promise<void>): Promise<ReadonlySet<string>> {
    return handleEventsOnce(
      this.prisma,
      CONSUMER,
      eventIds,
      async (tx, claimed) => {
        const transaction = new PrismaEventBatchTransaction(tx);
        await work(transaction, claimed);
        return { wroteOutbox: transaction.wroteOutbox };
      },
      this.afterOutboxCommit,
    );
  }
}
