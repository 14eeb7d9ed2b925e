import type { SqlRunner } from '@kinerja/database';

import type { ReportingLine } from '../domain/access.rule';
import type { EmployeeCopy } from '../domain/employee-copy';
import type { EmployeeCopyRepository } from '../domain/repositories';
import { REPORTING_LINES_SQL, reportingLineOfRow, type ReportingLineRow } from './dashboard-reads.sql';
import { toEmployeeCopy } from './mappers';
import type { FeedbackPrisma } from './prisma-client';

// Walks each employee's supervisor line upwards in one statement; the depth guard stops a cycle
// a half-applied transfer could leave for a moment.
const REPORTING_LINES = `
WITH RECURSIVE line(start_id, supervisor_id, depth) AS (
  SELECT employee_id, supervisor_employee_id, 0 FROM employee_copy WHERE employee_id = ANY($1::uuid[])
  UNION ALL
  SELECT line.start_id, e.supervisor_employee_id, line.depth + 1
  FROM line JOIN employee_copy e ON e.employee_id = line.supervisor_id
  WHERE line.depth < 30
)
SELECT start_id::text AS "employeeId", array_remove(array_agg(supervisor_id::text ORDER BY depth), NULL) AS chain
FROM line GROUP BY start_id`;

export class PrismaEmployeeCopyRepository implements EmployeeCopyRepository {
  private readonly linesInFlight = new Map<string, Promise<ReportingLine[]>>();

  /** `sql`: the driver, for the hot reads (the team dashboard's access checks). */
  constructor(
    private readonly prisma: FeedbackPrisma,
    private readonly sql?: SqlRunner,
  ) {}

  async byIds(ids: readonly string[]): Promise<EmployeeCopy[]> {
    if (ids.length === 0) return [];
    return (await this.prisma.employeeCopy.findMany({ where: { employeeId: { in: [...ids] } } })).map(toEmployeeCopy);
  }

  async reportingLines(ids: readonly string[]): Promise<ReportingLine[]> {
    if (ids.length === 0) return [];
    if (this.sql) {
      // `Employee.lastDialogue` and `Employee.feedbackRequests` of one dashboard ask for the same
      // batch in the same tick: identical reads in flight at once share one statement.
      const sql = this.sql;
      const key = [...ids].sort().join(',');
      let lines = this.linesInFlight.get(key);
      if (!lines) {
        lines = sql
          .query<ReportingLineRow>(REPORTING_LINES_SQL, [[...ids]], { prepare: 'feedback_reporting_lines' })
          .then((rows) => rows.map(reportingLineOfRow));
        this.linesInFlight.set(key, lines);
        const forget = () => this.linesInFlight.delete(key);
        lines.then(forget, forget);
      }
      return lines;
    }
    const [copies, chains] = await Promise.all([
      this.byIds(ids),
      this.prisma.$queryRawUnsafe<{ employeeId: string; chain: string[] }[]>(REPORTING_LINES, [...ids]),
    ]);
    const chainOf = new Map(chains.map((row) => [row.employeeId, row.chain]));
    return copies.map((copy) => ({
      employeeId: copy.employeeId,
      agencyId: copy.agencyId,
      supervisorEmployeeId: copy.supervisorEmployeeId,
      chain: chainOf.get(copy.employeeId) ?? [],
    }));
  }

  async colleaguesOf(subject: EmployeeCopy): Promise<EmployeeCopy[]> {
    const or: object[] = [{ supervisorEmployeeId: subject.employeeId }];
    if (subject.supervisorEmployeeId !== null) or.push({ employeeId: subject.supervisorEmployeeId }, { supervisorEmployeeId: subject.supervisorEmployeeId });
    return (await this.prisma.employeeCopy.findMany({ where: { agencyId: subject.agencyId, OR: or } })).map(toEmployeeCopy);
  }
}
