import { type AuditContext, auditRow, isUniqueViolation } from '@kinerja/database';
import { ConflictError } from '@kinerja/errors';
import { claimEvent, handleEventOnce, outboxRowsOf } from '@kinerja/messaging';

import type { UserAccount } from '../domain/account';
import type { Employee } from '../domain/employee';
import type { PendingEvent } from '../domain/events';
import type { EmployeePage, EmployeeRepository, EmployeeSearch } from '../domain/repositories';
import type { Prisma } from '../generated/prisma/client';
import { employeeData, toEmployee } from './mappers';
import type { IdentityPrisma } from './prisma-client';
import { isUuid, onlyUuids } from './uuid';

function conflictFor(error: unknown): never {
  if (isUniqueViolation(error, 'nip')) throw new ConflictError('This NIP is already registered', { field: 'input.nip' });
  if (isUniqueViolation(error, 'position_id')) throw new ConflictError('The position is held by someone else', { field: 'input.positionId' });
  if (isUniqueViolation(error, 'email')) throw new ConflictError('This e-mail address already has an account', { field: 'input.email' });
  throw error;
}

const outbox = (events: readonly PendingEvent[]) => outboxRowsOf('identity', events);

export class PrismaEmployeeRepository implements EmployeeRepository {
  constructor(
    private readonly prisma: IdentityPrisma,
    /** Tells the outbox relay that rows were committed, so they go out without waiting for a poll. */
    private readonly afterOutboxWrite: () => void = () => undefined,
  ) {}

  async byIds(ids: readonly string[]): Promise<Employee[]> {
    return (await this.prisma.employee.findMany({ where: { id: { in: onlyUuids(ids) } } })).map(toEmployee);
  }

  async byNip(nip: string): Promise<Employee | null> {
    const row = await this.prisma.employee.findUnique({ where: { nip } });
    return row ? toEmployee(row) : null;
  }

  async holdersOfPositions(positionIds: readonly string[]): Promise<Employee[]> {
    return (await this.prisma.employee.findMany({ where: { positionId: { in: onlyUuids(positionIds) }, status: { not: 'LEFT' } } })).map(toEmployee);
  }

  async reportsOfPositions(positionIds: readonly string[]): Promise<Array<{ supervisorPositionId: string; employee: Employee }>> {
    const rows = await this.prisma.employee.findMany({
      where: { status: { not: 'LEFT' }, position: { supervisorPositionId: { in: onlyUuids(positionIds) } } },
      include: { position: { select: { supervisorPositionId: true } } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
    return rows.map(({ position, ...row }) => ({ supervisorPositionId: position?.supervisorPositionId ?? '', employee: toEmployee(row) }));
  }

  async search(query: EmployeeSearch): Promise<EmployeePage> {
    if (query.orgUnitId && !isUuid(query.orgUnitId)) return { employees: [], hasNextPage: false, totalCount: 0 };
    const where: Prisma.EmployeeWhereInput = {
      ...(query.agencyIds === 'all' ? {} : { agencyId: { in: [...query.agencyIds] } }),
      ...(query.orgUnitId ? { orgUnitId: query.orgUnitId } : {}),
      ...(query.search
        ? /^\d+$/.test(query.search)
          ? { nip: { startsWith: query.search } }
          : { name: { contains: query.search, mode: 'insensitive' as const } }
        : {}),
    };
    // Keyset pagination on (name, id): the page after a cursor never skips or repeats a row, and
    // costs the same on page 1 and page 1000.
    const after = query.after;
    const keyset: Prisma.EmployeeWhereInput = after ? { OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] } : {};
    const [rows, totalCount] = await Promise.all([
      this.prisma.employee.findMany({ where: { AND: [where, keyset] }, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: query.first + 1 }),
      this.prisma.employee.count({ where }),
    ]);
    return { employees: rows.slice(0, query.first).map(toEmployee), hasNextPage: rows.length > query.first, totalCount };
  }

  async register(employee: Employee, account: UserAccount | null, audit: AuditContext, events: readonly PendingEvent[]): Promise<void> {
    try {
      await this.prisma.$transaction([
        this.prisma.employee.create({ data: employeeData(employee) }),
        ...(account ? [this.prisma.userAccount.create({ data: account })] : []),
        this.prisma.auditLog.create({
          data: auditRow(audit, {
            action: 'employee.registered',
            entityType: 'Employee',
            entityId: employee.id,
            agencyId: employee.agencyId,
            before: null,
            after: employee,
          }),
        }),
        this.prisma.outboxEvent.createMany({ data: outbox(events) }),
      ]);
    } catch (error) {
      conflictFor(error);
    }
    this.afterOutboxWrite();
  }

  async update(before: Employee, after: Employee, action: string, audit: AuditContext, events: readonly PendingEvent[]): Promise<void> {
    try {
      await this.prisma.$transaction([
        this.prisma.employee.update({ where: { id: after.id }, data: employeeData(after) }),
        this.prisma.auditLog.create({ data: auditRow(audit, { action, entityType: 'Employee', entityId: after.id, agencyId: after.agencyId, before, after }) }),
        this.prisma.outboxEvent.createMany({ data: outbox(events) }),
      ]);
    } catch (error) {
      conflictFor(error);
    }
    this.afterOutboxWrite();
  }

  async hiredFromApplication(applicationId: string): Promise<Employee | null> {
    if (!isUuid(applicationId)) return null;
    const row = await this.prisma.employee.findUnique({ where: { hiredFromApplicationId: applicationId } });
    return row ? toEmployee(row) : null;
  }

  async markEventHandled(eventId: string, consumer: string): Promise<void> {
    await claimEvent((sql, ...values) => this.prisma.$executeRawUnsafe(sql, ...values), consumer, eventId);
  }

  async registerHired(
    employee: Employee,
    hire: { applicationId: string; eventId: string; consumer: string },
    events: readonly PendingEvent[],
  ): Promise<'created' | 'duplicate'> {
    let created = false;
    await handleEventOnce(
      this.prisma,
      hire.consumer,
      hire.eventId,
      async (tx) => {
        // A second event for the same application (e.g. republished by recruitment) hires nobody twice.
        if (await tx.employee.findUnique({ where: { hiredFromApplicationId: hire.applicationId } })) return { wroteOutbox: false };
        await tx.employee.create({ data: { ...employeeData(employee), hiredFromApplicationId: hire.applicationId } });
        await tx.auditLog.create({
          data: auditRow(
            { actorUserId: null, requestId: hire.eventId },
            {
              action: 'employee.hired',
              entityType: 'Employee',
              entityId: employee.id,
              agencyId: employee.agencyId,
              before: null,
              after: { ...employee, applicationId: hire.applicationId },
            },
          ),
        });
        await tx.outboxEvent.createMany({ data: outbox(events) });
        created = true;
        return { wroteOutbox: true };
      },
      this.afterOutboxWrite,
    );
    return created ? 'created' : 'duplicate';
  }

  async pageById(afterId: string | null, size: number): Promise<Employee[]> {
    const rows = await this.prisma.employee.findMany({ where: afterId ? { id: { gt: afterId } } : {}, orderBy: { id: 'asc' }, take: size });
    return rows.map(toEmployee);
  }

  async publish(events: readonly PendingEvent[]): Promise<void> {
    await this.prisma.outboxEvent.createMany({ data: outbox(events) });
    this.afterOutboxWrite();
  }
}
