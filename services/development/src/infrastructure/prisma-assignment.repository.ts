import { dateColumn } from '@kinerja/database';
import { type AuditContext, auditRow } from '@kinerja/database';
import { ConflictError } from '@kinerja/errors';
import { outboxRowsOf } from '@kinerja/messaging';

import { type AssignmentRecord, OPEN_STATUSES } from '../domain/assignment-record';
import type { Certificate } from '../domain/certificate';
import type { DateWindow } from '../domain/contract-year.rule';
import type { AssignmentRepository, PendingEvent, SeatCheck } from '../domain/repositories';
import { assignmentData, toAssignment } from './mappers';
import type { DevelopmentPrisma, DevelopmentTransaction } from './prisma-client';
import { COMMITTED_JP, LOCK_SESSION, NEXT_CERTIFICATE_SEQUENCE, SEAT_STATUSES } from './sql';

/** Locks the session row, so two enrolments cannot both take its last seat, then lets the rule decide. */
async function checkSeat(tx: DevelopmentTransaction, seats: SeatCheck | undefined): Promise<void> {
  if (!seats) return;
  await tx.$queryRawUnsafe(LOCK_SESSION, seats.sessionId);
  seats.assertSeatAvailable(await tx.trainingAssignment.count({ where: { sessionId: seats.sessionId, status: { in: [...SEAT_STATUSES] } } }));
}

export class PrismaAssignmentRepository implements AssignmentRepository {
  constructor(
    private readonly prisma: DevelopmentPrisma,
    private readonly afterOutboxCommit: () => void = () => undefined,
  ) {}

  async byIds(ids: readonly string[]): Promise<AssignmentRecord[]> {
    return (await this.prisma.trainingAssignment.findMany({ where: { id: { in: [...ids] } } })).map(toAssignment);
  }

  async committedJp(employeeId: string, window: DateWindow): Promise<number> {
    const [row] = await this.prisma.$queryRawUnsafe<{ jp: number }[]>(COMMITTED_JP, employeeId, window.start, window.end);
    return Number(row?.jp ?? 0);
  }

  async openAssignmentOf(employeeId: string, programId: string): Promise<AssignmentRecord | null> {
    const row = await this.prisma.trainingAssignment.findFirst({ where: { employeeId, programId, status: { in: [...OPEN_STATUSES] } } });
    return row ? toAssignment(row) : null;
  }

  async nextCertificateSequence(agencyId: string, year: number): Promise<number> {
    const [row] = await this.prisma.$queryRawUnsafe<{ lastSequence: number }[]>(NEXT_CERTIFICATE_SEQUENCE, agencyId, year);
    return Number(row?.lastSequence);
  }

  async create(assignment: AssignmentRecord, audit: AuditContext, events: readonly PendingEvent[], seats?: SeatCheck): Promise<void> {
    await this.write(async (tx) => {
      await checkSeat(tx, seats);
      await tx.trainingAssignment.create({ data: assignmentData(assignment) });
      await this.audit(tx, audit, 'training-assignment.created', null, assignment);
    }, events);
  }

  async update(
    before: AssignmentRecord,
    after: AssignmentRecord,
    action: string,
    audit: AuditContext,
    events: readonly PendingEvent[],
    seats?: SeatCheck,
  ): Promise<void> {
    await this.write(async (tx) => {
      await checkSeat(tx, seats);
      await this.change(tx, before, after);
      await this.audit(tx, audit, action, before, after);
    }, events);
  }

  async complete(before: AssignmentRecord, after: AssignmentRecord, certificate: Certificate | null, audit: AuditContext, events: readonly PendingEvent[]) {
    await this.write(async (tx) => {
      await this.change(tx, before, after);
      if (certificate) await tx.certificate.create({ data: { ...certificate, completedOn: dateColumn(certificate.completedOn) } });
      await this.audit(tx, audit, 'training-assignment.completed', before, { ...after, certificateNumber: certificate?.number ?? null });
    }, events);
  }

  /** The change, only if the row is still as it was read: two HR admins cannot both complete it. */
  private async change(tx: DevelopmentTransaction, before: AssignmentRecord, after: AssignmentRecord): Promise<void> {
    const { count } = await tx.trainingAssignment.updateMany({ where: { id: before.id, status: before.status }, data: assignmentData(after) });
    if (count === 0) throw new ConflictError('The assignment was changed by someone else; reload it', { assignmentId: before.id });
  }

  private async audit(
    tx: DevelopmentTransaction,
    audit: AuditContext,
    action: string,
    before: unknown,
    after: AssignmentRecord & { certificateNumber?: string | null },
  ) {
    await tx.auditLog.create({
      data: auditRow(audit, { action, entityType: 'TrainingAssignment', entityId: after.id, agencyId: after.agencyId, before, after }),
    });
  }

  private async write(work: (tx: DevelopmentTransaction) => Promise<void>, events: readonly PendingEvent[]): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await work(tx);
      if (events.length > 0) await tx.outboxEvent.createMany({ data: outboxRowsOf('development', events) });
    });
    if (events.length > 0) this.afterOutboxCommit();
  }
}
