import { type AuditContext, auditRow, type SqlRunner } from '@kinerja/database';
import { outboxRowsOf } from '@kinerja/messaging';

import type { Employee } from '../domain/employee';
import type { AgencyState, ImportProblem, ImportRow } from '../domain/employee-import.rule';
import type { EmployeeImportJob, ImportJobPatch, ImportWrites } from '../domain/employee-import-job';
import type { OrgUnit, Position } from '../domain/organisation';
import type { EmployeeImportRepository } from '../domain/repositories';
import { EMPLOYEE_COLUMNS, employeeOfRow, type EmployeeRow } from './employee-reads.sql';
import type { IdentityPrisma } from './prisma-client';
import { isUuid } from './uuid';

/** Rows per statement of a commit: one jsonb parameter each, a few hundred kB. */
const CHUNK = 2_000;

const chunks = <T>(list: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
};

type JobRecord = Awaited<ReturnType<IdentityPrisma['employeeImport']['findUnique']>> & object;

function toJob(row: JobRecord): EmployeeImportJob {
  return {
    id: row.id,
    agencyId: row.agencyId,
    fileName: row.fileName,
    status: row.status,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    validRows: row.validRows,
    invalidRows: row.invalidRows,
    problems: row.problems as unknown as ImportProblem[],
    createdCount: row.createdCount,
    updatedCount: row.updatedCount,
    unchangedCount: row.unchangedCount,
    failure: row.failure,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

const jobData = (patch: ImportJobPatch) => ({ ...patch, ...(patch.problems ? { problems: patch.problems as unknown as object } : {}) });

/**
 * The import's jobs through Prisma; its reads of an agency and its writes as set-based SQL through
 * the driver (`jsonb_to_recordset` of a few thousand rows per statement), so 10,000 rows are a
 * handful of statements in one transaction rather than 10,000 transactions.
 */
export class PrismaEmployeeImportRepository implements EmployeeImportRepository {
  constructor(
    private readonly prisma: IdentityPrisma,
    private readonly sql: SqlRunner,
    private readonly afterOutboxWrite: () => void = () => undefined,
  ) {}

  async create(job: EmployeeImportJob, rows: readonly ImportRow[]): Promise<void> {
    await this.prisma.employeeImport.create({ data: { ...job, problems: job.problems as unknown as object, rows: rows as unknown as object } });
  }

  async byId(id: string): Promise<EmployeeImportJob | null> {
    if (!isUuid(id)) return null;
    const row = await this.prisma.employeeImport.findUnique({ where: { id }, omit: { rows: true } });
    return row ? toJob(row as JobRecord) : null;
  }

  async rowsOf(id: string): Promise<ImportRow[]> {
    const row = await this.prisma.employeeImport.findUniqueOrThrow({ where: { id }, select: { rows: true } });
    return row.rows as unknown as ImportRow[];
  }

  async update(id: string, patch: ImportJobPatch, expected?: EmployeeImportJob['status']): Promise<boolean> {
    const { count } = await this.prisma.employeeImport.updateMany({ where: { id, ...(expected ? { status: expected } : {}) }, data: jobData(patch) });
    return count === 1;
  }

  agencyState(agencyId: string, nips: readonly string[]): Promise<AgencyState> {
    return stateOf(this.sql, agencyId, nips);
  }

  async commit(
    jobId: string,
    agencyId: string,
    nips: readonly string[],
    audit: AuditContext,
    decide: (state: AgencyState) => ImportWrites | { job: ImportJobPatch },
    onProgress: (writtenRows: number) => void = () => undefined,
  ): Promise<void> {
    let wroteOutbox = false;
    await this.sql.transaction(async (tx) => {
      // One import of an agency at a time: the second waits and then checks against the first's result.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('identity.employee-import:' || $1))`, [agencyId]);
      const decision = decide(await stateOf(tx, agencyId, nips));
      if ('plan' in decision) wroteOutbox = await writePlan(tx, decision, audit, onProgress);
      await updateJob(tx, jobId, decision.job);
    });
    if (wroteOutbox) this.afterOutboxWrite();
  }
}

async function stateOf(sql: SqlRunner, agencyId: string, nips: readonly string[]): Promise<AgencyState> {
  // One after another: inside a transaction they share one connection.
  const units = await sql.query<OrgUnit>(
    `SELECT id::text AS "id", agency_id::text AS "agencyId", parent_id::text AS "parentId", code, name FROM org_unit WHERE agency_id = $1::uuid`,
    [agencyId],
  );
  const positions = await sql.query<Position>(
    `SELECT id::text AS "id", agency_id::text AS "agencyId", org_unit_id::text AS "orgUnitId", title,
         supervisor_position_id::text AS "supervisorPositionId" FROM position WHERE agency_id = $1::uuid`,
    [agencyId],
  );
  const employees = await sql.query<EmployeeRow>(`SELECT ${EMPLOYEE_COLUMNS} FROM employee e WHERE e.agency_id = $1::uuid`, [agencyId]);
  const elsewhere = await sql.query<{ nip: string }>(`SELECT nip FROM employee WHERE nip = ANY($1::text[]) AND agency_id <> $2::uuid`, [nips, agencyId]);
  return { agencyId, units, positions, employees: employees.map(employeeOfRow), nipsElsewhere: new Set(elsewhere.map((row) => row.nip)) };
}

const employeeRecord = (e: Employee) => ({
  id: e.id,
  agency_id: e.agencyId,
  nip: e.nip,
  name: e.name,
  email: e.email,
  employment_type: e.employmentType,
  rank: e.rank,
  org_unit_id: e.orgUnitId,
  position_id: e.positionId,
});

const EMPLOYEE_RECORD = `id uuid, agency_id uuid, nip text, name text, email text, employment_type text, rank text, org_unit_id uuid, position_id uuid`;

async function writePlan(tx: SqlRunner, { plan, events }: ImportWrites, audit: AuditContext, onProgress: (writtenRows: number) => void): Promise<boolean> {
  let written = 0;
  // Positions change hands inside the file (A takes B's, B takes another): free them first, so the
  // one-holder-per-position key never sees two holders between two rows of the same statement.
  const moving = plan.changed.filter((c) => c.before!.positionId !== c.after.positionId && c.before!.positionId !== null).map((c) => c.after.id);
  for (const ids of chunks(moving)) await tx.query(`UPDATE employee SET position_id = NULL WHERE id = ANY($1::uuid[])`, [ids]);
  for (const part of chunks(plan.changed)) {
    await tx.query(
      `UPDATE employee e SET name = r.name, email = r.email, employment_type = r.employment_type::"EmploymentType", rank = r.rank,
         org_unit_id = r.org_unit_id, position_id = r.position_id, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS r(${EMPLOYEE_RECORD}) WHERE e.id = r.id`,
      [JSON.stringify(part.map((c) => employeeRecord(c.after)))],
    );
    written += part.length;
    onProgress(written);
  }
  for (const part of chunks(plan.created)) {
    await tx.query(
      `INSERT INTO employee (id, agency_id, nip, name, email, employment_type, rank, org_unit_id, position_id, status, created_at, updated_at)
       SELECT r.id, r.agency_id, r.nip, r.name, r.email, r.employment_type::"EmploymentType", r.rank, r.org_unit_id, r.position_id, 'ACTIVE', now(), now()
       FROM jsonb_to_recordset($1::jsonb) AS r(${EMPLOYEE_RECORD})`,
      [JSON.stringify(part.map(employeeRecord))],
    );
    written += part.length;
    onProgress(written);
  }
  for (const part of chunks(plan.positions)) {
    await tx.query(
      `UPDATE position p SET supervisor_position_id = r.supervisor_position_id
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, supervisor_position_id uuid) WHERE p.id = r.id`,
      [JSON.stringify(part.map((c) => ({ id: c.after.id, supervisor_position_id: c.after.supervisorPositionId })))],
    );
  }
  const auditRows = [
    ...plan.created.map((e) =>
      auditRow(audit, { action: 'employee.registered', entityType: 'Employee', entityId: e.id, agencyId: e.agencyId, before: null, after: e }),
    ),
    ...plan.changed.map((c) =>
      auditRow(audit, { action: c.action, entityType: 'Employee', entityId: c.after.id, agencyId: c.after.agencyId, before: c.before, after: c.after }),
    ),
    ...plan.positions.map((c) =>
      auditRow(audit, {
        action: 'position.supervisor-changed',
        entityType: 'Position',
        entityId: c.after.id,
        agencyId: c.after.agencyId,
        before: c.before,
        after: c.after,
      }),
    ),
  ];
  for (const part of chunks(auditRows)) {
    await tx.query(
      `INSERT INTO audit_log (id, actor_user_id, request_id, agency_id, action, entity_type, entity_id, before, after)
       SELECT gen_random_uuid(), r."actorUserId", r."requestId", r."agencyId", r.action, r."entityType", r."entityId", r.before, r.after
       FROM jsonb_to_recordset($1::jsonb) AS r("actorUserId" text, "requestId" text, "agencyId" uuid, action text, "entityType" text, "entityId" text, before jsonb, after jsonb)`,
      [JSON.stringify(part)],
    );
  }
  const outbox = outboxRowsOf('identity', events);
  for (const part of chunks(outbox)) {
    await tx.query(
      `INSERT INTO outbox_event (id, topic, key, type, envelope)
       SELECT r.id, r.topic, r.key, r.type, r.envelope FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, topic text, key text, type text, envelope jsonb)`,
      [JSON.stringify(part)],
    );
  }
  return outbox.length > 0 || auditRows.length > 0;
}

async function updateJob(tx: SqlRunner, id: string, patch: ImportJobPatch): Promise<void> {
  const columns: Record<keyof ImportJobPatch, string> = {
    status: 'status',
    processedRows: 'processed_rows',
    validRows: 'valid_rows',
    invalidRows: 'invalid_rows',
    problems: 'problems',
    createdCount: 'created_count',
    updatedCount: 'updated_count',
    unchangedCount: 'unchanged_count',
    failure: 'failure',
    finishedAt: 'finished_at',
  };
  const sets: string[] = [];
  const values: unknown[] = [id];
  for (const [key, column] of Object.entries(columns) as [keyof ImportJobPatch, string][]) {
    if (patch[key] === undefined) continue;
    const value = patch[key];
    values.push(key === 'problems' ? JSON.stringify(value) : value instanceof Date ? value.toISOString() : value);
    const cast = key === 'status' ? '::"EmployeeImportStatus"' : key === 'problems' ? '::jsonb' : key === 'finishedAt' ? '::timestamptz' : '';
    sets.push(`${column} = $${values.length}${cast}`);
  }
  if (sets.length > 0) await tx.query(`UPDATE employee_import SET ${sets.join(', ')} WHERE id = $1::uuid`, values);
}
