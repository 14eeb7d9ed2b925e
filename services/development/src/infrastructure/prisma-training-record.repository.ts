import type { SqlRunner } from '@kinerja/database';
import { calendarDateOf } from '@kinerja/database';
import { isEntityId } from '@kinerja/kernel';

import type { AssignmentRecord } from '../domain/assignment-record';
import type { Certificate } from '../domain/certificate';
import type { DateWindow } from '../domain/contract-year.rule';
import type { EmployeeCopy } from '../domain/employee-copy';
import type {
  AssignmentPage,
  AssignmentPosition,
  Completion,
  EmployeeAssignments,
  EmployeeCompletions,
  TrainingRecordRepository,
} from '../domain/repositories';
import type { AssignmentStatus } from '../domain/vocabulary';
import type { EmployeeCopy as EmployeeCopyRow, TrainingAssignment as AssignmentRow } from '../generated/prisma/client';
import { camelCaseKeys, toAssignment, toCertificate, toEmployeeCopy } from './mappers';
import type { DevelopmentPrisma } from './prisma-client';
import { ASSIGNMENTS_OF_EMPLOYEES, COMPLETIONS_IN_AGENCY, COMPLETIONS_OF_EMPLOYEES } from './sql';

interface EmployeeWithItems {
  employee: Record<string, unknown>;
  items: Record<string, unknown>[];
}

const employeeOf = (row: EmployeeWithItems): EmployeeCopy => toEmployeeCopy(camelCaseKeys<EmployeeCopyRow>(row.employee));

const completionOf = (item: Record<string, unknown>): Completion => ({
  completedOn: calendarDateOf(String(item['completedOn'])),
  jp: Number(item['jp'] ?? 0),
  programmeCode: typeof item['programmeCode'] === 'string' ? item['programmeCode'] : null,
});

export class PrismaTrainingRecordRepository implements TrainingRecordRepository {
  constructor(
    private readonly prisma: DevelopmentPrisma,
    /** The driver, for the team dashboard's batch reads (prepared once per connection, no ORM on the path). */
    private readonly sql?: SqlRunner,
  ) {}

  async ofEmployees(employeeIds: readonly string[], status: AssignmentStatus | null): Promise<EmployeeAssignments[]> {
    // A malformed id names nobody: it is left out, not cast (a uuid[] cast would fail the statement).
    const ids = employeeIds.filter(isEntityId);
    if (ids.length === 0) return [];
    const rows = this.sql
      ? await this.sql.query<EmployeeWithItems>(ASSIGNMENTS_OF_EMPLOYEES, [ids, status], { prepare: 'development_assignments_of_employees' })
      : await this.prisma.$queryRawUnsafe<EmployeeWithItems[]>(ASSIGNMENTS_OF_EMPLOYEES, ids, status);
    return rows.map((row) => ({
      employee: employeeOf(row),
      assignments: row.items.map((item): AssignmentRecord => toAssignment(camelCaseKeys<AssignmentRow>(item))),
    }));
  }

  async completionsOfEmployees(employeeIds: readonly string[], window: DateWindow): Promise<EmployeeCompletions[]> {
    const rows = this.sql
      ? await this.sql.query<EmployeeWithItems>(COMPLETIONS_OF_EMPLOYEES, [[...employeeIds], window.start, window.end], {
          prepare: 'development_completions_of_employees',
        })
      : await this.prisma.$queryRawUnsafe<EmployeeWithItems[]>(COMPLETIONS_OF_EMPLOYEES, [...employeeIds], window.start, window.end);
    return rows.map((row) => ({ employee: employeeOf(row), completions: row.items.map(completionOf) }));
  }

  async completionsInAgency(agencyId: string, window: DateWindow): Promise<EmployeeCompletions[]> {
    const rows = await this.prisma.$queryRawUnsafe<EmployeeWithItems[]>(COMPLETIONS_IN_AGENCY, agencyId, window.start, window.end);
    return rows.map((row) => ({ employee: employeeOf(row), completions: row.items.map(completionOf) }));
  }

  async ofAgency(agencyId: string, status: AssignmentStatus | null, first: number, after: AssignmentPosition | null): Promise<AssignmentPage> {
    // Keyset paging on (created_at, id): assignments made in one transaction share created_at, the id
    // breaks the tie, and a page never skips or repeats a row however deep it is. Written as a row
    // value so that the (agency_id[, status], created_at, id) index starts at the cursor.
    const params: unknown[] = [agencyId];
    const conditions = ['agency_id = $1::uuid'];
    if (status) conditions.push(`status = $${params.push(status)}::"AssignmentStatus"`);
    if (after) conditions.push(`(created_at, id) > ($${params.push(after.createdAt)}::timestamptz, $${params.push(after.id)}::uuid)`);
    const sql = `SELECT * FROM training_assignment WHERE ${conditions.join(' AND ')} ORDER BY created_at, id LIMIT $${params.push(first + 1)}`;
    const rows = (await this.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params)).map((row) => camelCaseKeys<AssignmentRow>(row));
    const items = rows.slice(0, first).map((row) => ({ assignment: toAssignment(row), position: { createdAt: row.createdAt, id: row.id } }));
    return { items, hasNextPage: rows.length > first };
  }

  async countOfAgency(agencyId: string, status: AssignmentStatus | null): Promise<number> {
    return this.prisma.trainingAssignment.count({ where: { agencyId, ...(status ? { status } : {}) } });
  }

  async certificatesOfAssignments(assignmentIds: readonly string[]): Promise<Certificate[]> {
    return (await this.prisma.certificate.findMany({ where: { assignmentId: { in: [...assignmentIds] } } })).map(toCertificate);
  }

  async certificateByNumber(number: string): Promise<Certificate | null> {
    const row = await this.prisma.certificate.findUnique({ where: { number } });
    return row ? toCertificate(row) : null;
  }
}
