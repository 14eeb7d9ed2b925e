import { type AuditContext, auditRow, isUniqueViolation, type SqlRunner } from '@kinerja/database';
import { ConflictError } from '@kinerja/errors';
import { claimEvent, handleEventOnce, outboxRowsOf } from '@kinerja/messaging';

import type { UserAccount } from '../domain/account';
import type { Employee } from '../domain/employee';
import type { PendingEvent } from '../domain/events';
import type { EmployeeFilterQuery, EmployeePage, EmployeeRepository, EmployeeSearch } from '../domain/repositories';
import { employeeOfRow, type EmployeeRow, EMPLOYEES_BY_IDS, REPORTS_OF_POSITIONS } from './employee-reads.sql';
import { countStatement, type SearchKey, searchStatement, searchTermsStatement } from './employee-search.sql';
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
    /** The same database through its driver, for the hot reads (see employee-reads.sql.ts). */
    private readonly sql: SqlRunner,
    /** Tells the outbox relay that rows were committed, so they go out without waiting for a poll. */
    private readonly afterOutboxWrite: () => void = () => undefined,
  ) {}

  async byIds(ids: readonly string[]): Promise<Employee[]> {
    const valid = onlyUuids(ids);
    if (valid.length === 0) return [];
    return (await this.sql.query<EmployeeRow>(EMPLOYEES_BY_IDS, [valid], { prepare: 'identity_employees_by_ids' })).map(employeeOfRow);
  }

  async byNip(nip: string): Promise<Employee | null> {
    const row = await this.prisma.employee.findUnique({ where: { nip } });
    return row ? toEmployee(row) : null;
  }

  async holdersOfPositions(positionIds: readonly string[]): Promise<Employee[]> {
    return (await this.prisma.employee.findMany({ where: { positionId: { in: onlyUuids(positionIds) }, status: { not: 'LEFT' } } })).map(toEmployee);
  }

  async reportsOfPositions(positionIds: readonly string[]): Promise<Array<{ supervisorPositionId: string; employee: Employee }>> {
    const valid = onlyUuids(positionIds);
    if (valid.length === 0) return [];
    const rows = await this.sql.query<EmployeeRow & { supervisorPositionId: string }>(REPORTS_OF_POSITIONS, [valid], {
      prepare: 'identity_reports_of_positions',
    });
    return rows.map((row) => ({ supervisorPositionId: row.supervisorPositionId, employee: employeeOfRow(row) }));
  }

  async search(query: EmployeeSearch): Promise<EmployeePage> {
    if (query.orgUnitId && !isUuid(query.orgUnitId)) return { employees: [], hasNextPage: false };
    if (query.after && !isUuid(query.after.id)) return { employees: [], hasNextPage: false };
    // Keyset pagination on (name, id): the page after a cursor never skips or repeats a row, and
    // costs the same on page 1 and page 1000. A name search first finds the name terms holding its
    // term. The walk of search keys is one text, prepared; the other forms are not (each filter
    // combination is another text, and a custom plan sees the search term).
    const termsStatement = searchTermsStatement(query);
    const terms = termsStatement ? await this.sql.query<SearchKey>(termsStatement.text, termsStatement.params) : null;
    const { text, params, prepare } = searchStatement(query, terms);
    const rows = await this.sql.query<EmployeeRow>(text, params, prepare ? { prepare } : undefined);
    return { employees: rows.slice(0, query.first).map(employeeOfRow), hasNextPage: rows.length > query.first };
  }

  async count(query: EmployeeFilterQuery): Promise<number> {
    if (query.orgUnitId && !isUuid(query.orgUnitId)) return 0;
    const { text, params } = countStatement(query);
    const [row] = await this.sql.query<{ count: number }>(text, params);
    return row?.count ?? 0;
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
