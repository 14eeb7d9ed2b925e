import { assertCanManageAgency } from '@kinerja/auth';
import { ConflictError, NotFoundError, ValidationError } from '@kinerja/errors';
import type { Logger } from '@kinerja/logger';

import type { Employee } from '../domain/employee';
import { checkImport, checkImportSteps, type ImportPlan, type ImportRow, planImport, rowsOfCells } from '../domain/employee-import.rule';
import type { EmployeeImportJob, ImportWrites } from '../domain/employee-import-job';
import type { PendingEvent } from '../domain/events';
import type { EmployeeImportRepository, OrganisationRepository } from '../domain/repositories';
import type { Clock, IdGenerator } from '../domain/token-issuer';
import { type Actor, auditContextOf } from './actor';
import { employeeSnapshot } from './reporting-line';

/** Reads an uploaded file (CSV or XLSX) into rows of text cells, the first being the header. */
export type SpreadsheetReader = (fileName: string, content: Buffer) => string[][];

export interface StartEmployeeImportInput {
  agencyId: string;
  fileName: string;
  contentBase64: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The bulk import of employees (issue 17). `start` stores the upload as a job and checks it in
 * the background (the dry run): every row against the file and the agency, with a row-by-row
 * report. `commit` then applies the valid rows in ONE transaction, all of them or none: it refuses
 * while the report has invalid rows unless the caller asks to skip them, and checks the rows again
 * inside the transaction against the data as it is then. The job's status and counters show the
 * progress; a row equal to what is stored writes nothing.
 */
export class EmployeeImports {
  /** The background work of the jobs this process runs (tests wait for it). */
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly imports: EmployeeImportRepository,
    private readonly organisation: OrganisationRepository,
    private readonly readSpreadsheet: SpreadsheetReader,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly logger: Pick<Logger, 'error'>,
  ) {}

  async job(actor: Actor, id: string): Promise<EmployeeImportJob> {
    const job = await this.imports.byId(id);
    if (!job) throw new NotFoundError('EmployeeImport', id, 'id');
    assertCanManageAgency(actor.viewer, job.agencyId);
    return job;
  }

  async start(actor: Actor, input: StartEmployeeImportInput): Promise<EmployeeImportJob> {
    assertCanManageAgency(actor.viewer, input.agencyId);
    if ((await this.organisation.agenciesByIds([input.agencyId])).length === 0) throw new NotFoundError('Agency', input.agencyId, 'input.agencyId');
    const fileName = input.fileName.trim();
    if (fileName.length === 0 || fileName.length > 200) throw new ValidationError({ field: 'input.fileName', message: 'must be 1-200 characters' });
    const base64 = input.contentBase64.replace(/\s+/g, '');
    if (!BASE64.test(base64) || base64.length === 0) throw new ValidationError({ field: 'input.contentBase64', message: 'must be the file in base64' });
    let cells: string[][];
    try {
      cells = this.readSpreadsheet(fileName, Buffer.from(base64, 'base64'));
    } catch (error) {
      throw new ValidationError({ field: 'input.contentBase64', message: `is not a readable CSV or XLSX file (${(error as Error).message})` });
    }
    const { rows, problems } = rowsOfCells(cells);
    const job: EmployeeImportJob = {
      id: this.ids.newId(),
      agencyId: input.agencyId,
      fileName,
      status: problems.length > 0 ? 'CHECKED' : 'CHECKING',
      totalRows: rows.length,
      processedRows: 0,
      validRows: 0,
      invalidRows: problems.length > 0 ? rows.length : 0,
      problems,
      createdCount: 0,
      updatedCount: 0,
      unchangedCount: 0,
      failure: null,
      createdBy: actor.viewer.userId,
      createdAt: this.clock.now(),
      finishedAt: problems.length > 0 ? this.clock.now() : null,
    };
    await this.imports.create(job, rows);
    if (problems.length === 0) this.inBackground(job.id, () => this.check(job, rows));
    return job;
  }

  /** Commits a checked job; `skipInvalidRows` applies the valid rows of a file that has invalid ones. */
  async commit(actor: Actor, id: string, skipInvalidRows: boolean): Promise<EmployeeImportJob> {
    const job = await this.job(actor, id);
    if (job.status !== 'CHECKED') throw new ConflictError(`The import is ${job.status}; only a checked import can be committed`, { field: 'id' });
    if (job.totalRows === 0) throw new ValidationError({ field: 'id', message: 'the file has no rows to import; see the report' });
    if (job.invalidRows > 0 && !skipInvalidRows) {
      throw new ValidationError({
        field: 'input.skipInvalidRows',
        message: `the file has ${job.invalidRows} invalid rows: correct them and upload again, or commit the valid rows only with skipInvalidRows`,
      });
    }
    if (!(await this.imports.update(id, { status: 'COMMITTING', processedRows: 0 }, 'CHECKED'))) {
      throw new ConflictError('The import is being committed already', { field: 'id' });
    }
    const audit = auditContextOf(actor);
    this.inBackground(id, async () => {
      const rows = await this.imports.rowsOf(id);
      const nips = nipsOf(rows);
      await this.imports.commit(
        id,
        job.agencyId,
        nips,
        audit,
        (state) => {
          const check = checkImport(rows, state, this.clock.now(), () => this.ids.newId());
          const counts = { validRows: rows.length - check.invalidRows, invalidRows: check.invalidRows, problems: check.problems };
          if (check.invalidRows > 0 && !skipInvalidRows) {
            // The data changed since the dry run: rows valid then are not now. Nothing is written.
            return { job: { ...counts, status: 'FAILED', failure: 'rows became invalid since the check; see the report', finishedAt: this.clock.now() } };
          }
          const plan = planImport(check.valid, state);
          return {
            plan,
            events: importEvents(plan),
            job: {
              ...counts,
              status: 'COMMITTED',
              processedRows: rows.length,
              createdCount: plan.created.length,
              updatedCount: plan.changed.length,
              unchangedCount: plan.unchanged,
              finishedAt: this.clock.now(),
            },
          } satisfies ImportWrites;
        },
        // Seen by other connections while the transaction runs; late ones change nothing once the job is COMMITTED.
        (written) => void this.imports.update(id, { processedRows: written }, 'COMMITTING').catch(() => undefined),
      );
    });
    return { ...job, status: 'COMMITTING', processedRows: 0 };
  }

  /** Resolves when the job's background work in this process is over (for tests and the benchmark). */
  async settled(id: string): Promise<void> {
    await this.running.get(id);
  }

  private async check(job: EmployeeImportJob, rows: readonly ImportRow[]): Promise<void> {
    const state = await this.imports.agencyState(job.agencyId, nipsOf(rows));
    const steps = checkImportSteps(rows, state, this.clock.now(), () => this.ids.newId());
    let step = steps.next();
    while (!step.done) {
      // Between steps the uploader sees how far the dry run got (and other requests get a turn).
      await this.imports.update(job.id, { processedRows: step.value }, 'CHECKING');
      step = steps.next();
    }
    const check = step.value;
    await this.imports.update(job.id, {
      status: 'CHECKED',
      processedRows: rows.length,
      validRows: rows.length - check.invalidRows,
      invalidRows: check.invalidRows,
      problems: check.problems,
      finishedAt: this.clock.now(),
    });
  }

  private inBackground(id: string, work: () => Promise<void>): void {
    const done = work()
      .catch(async (error: unknown) => {
        this.logger.error({ err: error, importId: id }, 'employee import failed');
        await this.imports.update(id, { status: 'FAILED', failure: 'the import could not be completed; nothing was written', finishedAt: this.clock.now() });
      })
      .catch(() => undefined)
      .finally(() => this.running.delete(id));
    this.running.set(id, done);
  }
}

function nipsOf(rows: readonly ImportRow[]): string[] {
  return [...new Set(rows.map((row) => (row.cells.nip ?? '').replace(/\s+/g, '')).filter((nip) => nip !== ''))];
}

/** The events identity emits for these changes elsewhere: registered, transferred, or a snapshot. */
export function importEvents(plan: ImportPlan): PendingEvent[] {
  const snapshot = (employee: Employee) => ({ ...employeeSnapshot(employee, null), supervisorEmployeeId: plan.supervisorAfter.get(employee.id) ?? null });
  const events: PendingEvent[] = plan.created.map((employee) => ({
    type: 'identity.employee.registered',
    agencyId: employee.agencyId,
    payload: snapshot(employee),
  }));
  for (const { before, after, action } of plan.changed) {
    if (action === 'employee.transferred') {
      events.push({
        type: 'identity.employee.transferred',
        agencyId: after.agencyId,
        payload: { ...snapshot(after), previousOrgUnitId: before!.orgUnitId, previousPositionId: before!.positionId },
      });
      continue;
    }
    // Name, type or supervisor are in the other services' copies; an e-mail or a rank is not.
    const visible =
      before!.name !== after.name ||
      before!.employmentType !== after.employmentType ||
      (plan.supervisorBefore.get(after.id) ?? null) !== (plan.supervisorAfter.get(after.id) ?? null);
    if (visible) events.push({ type: 'identity.employee.snapshot', agencyId: after.agencyId, payload: { ...snapshot(after), status: after.status } });
  }
  for (const employee of plan.newSupervisor) {
    events.push({ type: 'identity.employee.snapshot', agencyId: employee.agencyId, payload: { ...snapshot(employee), status: employee.status } });
  }
  return events;
}
