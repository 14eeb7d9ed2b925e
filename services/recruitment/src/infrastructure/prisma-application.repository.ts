import { type AuditContext, isUniqueViolation, type SqlRunner } from '@kinerja/database';
import { ConflictError } from '@kinerja/errors';

import type { Application, ApplicationStatus } from '../domain/application';
import type { ApplicationRepository, ApplyContext, PendingEvent, ResultRow, ResultsCursor, SkdImportCheck, SkdScoreWrite } from '../domain/repositories';
import type { PassMarks } from '../domain/skd.rule';
import { SKD_AUDIT_ROWS_PER_ENTRY } from '../domain/skd-import';
import type { Announcement, Stage } from '../domain/stage';
import type { Contender } from '../domain/stage-outcome';
import { announcedAlready, announcedAudit, type Change, saveChanges } from './application-changes';
import { APPLY_CONTEXT, applyContextOf, type ApplyContextRow, SUBMIT_APPLICATION } from './apply.sql';
import { toApplication } from './mappers';
import { outboxData } from './outbox';
import type { RecruitmentPrisma, RecruitmentTransaction } from './prisma-client';
import { LOCK_QUALIFIED, RANK_SKD, SAVE_SKD_SCORES, SKD_IMPORT_CHECK } from './skd.sql';

/** A unique violation raised by a raw statement: the driver's SQLSTATE (pg, PGlite), or Prisma's P2010 carrying it. */
function isRawUniqueViolation(error: unknown): boolean {
  const candidate = error as { code?: string; meta?: Record<string, unknown>; message?: string } | null;
  return candidate?.code === '23505' || JSON.stringify(candidate?.meta ?? {}).includes('23505') || (candidate?.message ?? '').includes('23505');
}

/** The driver runner over Prisma's raw queries, for a repository built without one (tests). */
const prismaRunner = (prisma: RecruitmentPrisma | RecruitmentTransaction): SqlRunner => ({
  query: <Row>(text: string, params: unknown[] = []) => prisma.$queryRawUnsafe<Row[]>(text, ...params),
  exec: async (script: string) => {
    await prisma.$executeRawUnsafe(script);
  },
  transaction: <T>(work: (tx: SqlRunner) => Promise<T>) => (prisma as RecruitmentPrisma).$transaction((tx) => work(prismaRunner(tx)), { timeout: 60_000 }),
});

/** What each published stage lists, and the rank it orders by (none: by registration number). */
const RESULT_LISTS: Record<Stage, { rankColumn: 'skd_rank' | 'final_rank' | null; statuses: ApplicationStatus[] }> = {
  ADMINISTRATION: {
    rankColumn: null,
    statuses: ['QUALIFIED', 'NOT_QUALIFIED', 'BELOW_PASS_MARK', 'OUTSIDE_SKB_CUT', 'SKB', 'SELECTED', 'NOT_SELECTED', 'HIRED'],
  },
  SKD: { rankColumn: 'skd_rank', statuses: ['BELOW_PASS_MARK', 'OUTSIDE_SKB_CUT', 'SKB', 'SELECTED', 'NOT_SELECTED', 'HIRED'] },
  FINAL: { rankColumn: 'final_rank', statuses: ['SELECTED', 'NOT_SELECTED', 'HIRED'] },
};

export class PrismaApplicationRepository implements ApplicationRepository {
  private readonly sql: SqlRunner;

  constructor(
    private readonly prisma: RecruitmentPrisma,
    private readonly afterOutboxCommit: () => void = () => undefined,
    /** The same database through its driver, for the hot path of applying (see apply.sql.ts). */
    sql?: SqlRunner,
  ) {
    this.sql = sql ?? prismaRunner(prisma);
  }

  async byIds(ids: readonly string[]): Promise<Application[]> {
    return (await this.prisma.application.findMany({ where: { id: { in: [...ids] } } })).map(toApplication);
  }

  async ofApplicant(applicantId: string): Promise<Application[]> {
    return (await this.prisma.application.findMany({ where: { applicantId }, orderBy: { submittedAt: 'desc' } })).map(toApplication);
  }

  async ofApplicantInSelection(applicantId: string, selectionId: string): Promise<Application | null> {
    const row = await this.prisma.application.findUnique({ where: { applicantId_selectionId: { applicantId, selectionId } } });
    return row ? toApplication(row) : null;
  }

  async ofVacancy(vacancyId: string): Promise<Application[]> {
    return (await this.prisma.application.findMany({ where: { vacancyId }, orderBy: { registrationNumber: 'asc' } })).map(toApplication);
  }

  async contenders(selectionId: string): Promise<Contender[]> {
    const rows = await this.prisma.application.findMany({ where: { selectionId }, include: { applicant: { select: { birthDate: true } } } });
    return rows.map(({ applicant, ...row }) => ({ application: toApplication(row), birthDate: applicant.birthDate }));
  }

  async applyContext(userId: string, vacancyId: string): Promise<ApplyContext> {
    const [row] = await this.sql.query<ApplyContextRow>(APPLY_CONTEXT, [userId, vacancyId], { prepare: 'recruitment_apply_context' });
    return applyContextOf(row);
  }

  async submit(application: Omit<Application, 'registrationNumber'>, selectionCode: string, audit: AuditContext): Promise<Application | null> {
    try {
      const [row] = await this.sql.query<{ registration_number: string }>(
        SUBMIT_APPLICATION,
        [
          application.selectionId,
          selectionCode,
          application.id,
          application.agencyId,
          application.vacancyId,
          application.applicantId,
          application.idempotencyKey,
          application.status,
          application.submittedAt,
          audit.actorUserId,
          audit.requestId,
          JSON.stringify(application),
        ],
        { prepare: 'recruitment_submit_application' },
      );
      if (!row) throw new ConflictError('The selection of this vacancy is gone', { field: 'input.vacancyId' });
      return { ...application, registrationNumber: row.registration_number };
    } catch (error) {
      if (isUniqueViolation(error) || isRawUniqueViolation(error)) return null;
      throw error;
    }
  }

  async resultPage(vacancyId: string, stage: Stage, limit: number, after: ResultsCursor | null): Promise<ResultRow[]> {
    const { rankColumn, statuses } = RESULT_LISTS[stage];
    // A withdrawn application stays on the stages it reached, as what it reached (withdrawn_from).
    const select = `SELECT a.registration_number AS "registrationNumber", p.name, coalesce(a.withdrawn_from, a.status) AS status, a.status = 'WITHDRAWN' AS withdrawn,
                           a.twk, a.tiu, a.tkp, a.skd_rank AS "skdRank", a.final_rank AS "finalRank", a.final_score AS "finalScore"
                    FROM application a JOIN applicant p ON p.id = a.applicant_id
                    WHERE a.vacancy_id = $1::uuid AND coalesce(a.withdrawn_from, a.status) = ANY($2::text[])`;
    // Ranked lines first by (rank, number) as a row value, then the unranked by number; each
    // branch walks the (vacancy, rank, number) index and the whole stops at the limit.
    if (!rankColumn) {
      return this.resultRows(`${select} AND a.registration_number > $3::text ORDER BY a.registration_number LIMIT $4`, [
        vacancyId,
        statuses,
        after?.registrationNumber ?? '',
        limit,
      ]);
    }
    const sql = `(${select} AND a.${rankColumn} IS NOT NULL AND ($3::int IS NOT NULL OR $5::boolean) AND (a.${rankColumn}, a.registration_number) > (coalesce($3::int, 0), $4::text)
          ORDER BY a.${rankColumn}, a.registration_number LIMIT $6)
         UNION ALL
         (${select} AND a.${rankColumn} IS NULL AND a.registration_number > (CASE WHEN $3::int IS NULL AND NOT $5::boolean THEN $4::text ELSE '' END)
          ORDER BY a.registration_number LIMIT $6)
         LIMIT $6`;
    return this.resultRows(sql, [vacancyId, statuses, after?.rank ?? null, after?.registrationNumber ?? '', after === null, limit]);
  }

  /** The rows come named as a ResultRow's fields (the select's aliases). */
  private resultRows(sql: string, parameters: unknown[]): Promise<ResultRow[]> {
    return this.prisma.$queryRawUnsafe<ResultRow[]>(sql, ...parameters);
  }

  async countWithStatus(selectionId: string, status: ApplicationStatus): Promise<number> {
    return this.prisma.application.count({ where: { selectionId, status } });
  }

  async skdImportCheck(selectionId: string, registrationNumbers: readonly string[], watched: readonly string[]): Promise<SkdImportCheck> {
    // Over the driver: a whole export's numbers travel as one array parameter.
    const rows = await this.sql.query<{ registration_number: string; id: string | null; status: ApplicationStatus | null }>(SKD_IMPORT_CHECK, [
      selectionId,
      registrationNumbers,
      watched,
    ]);
    const watchedIds = new Set(watched);
    return {
      unknown: rows.filter((row) => row.id === null).map((row) => row.registration_number),
      refused: rows
        .filter((row) => row.id !== null && row.status !== 'QUALIFIED')
        .map((row) => ({ registrationNumber: row.registration_number, status: row.status as ApplicationStatus })),
      watched: rows
        .filter((row) => row.id !== null && watchedIds.has(row.id))
        .map((row) => ({ id: row.id as string, registrationNumber: row.registration_number })),
    };
  }

  async saveSkdScores(selection: { id: string; agencyId: string }, rows: readonly SkdScoreWrite[], now: Date, audit: AuditContext): Promise<number> {
    // Over the driver: the scores travel as four array parameters, not through the ORM's engine.
    return this.sql.transaction(async (tx) => {
      await tx.query(`SELECT set_config('work_mem', '64MB', true)`);
      const [written] = await tx.query<{ written: number }>(SAVE_SKD_SCORES, [
        selection.id,
        rows.map((row) => row.registrationNumber),
        rows.map((row) => row.scores.twk),
        rows.map((row) => row.scores.tiu),
        rows.map((row) => row.scores.tkp),
        now,
        audit.actorUserId,
        audit.requestId,
        selection.agencyId,
        SKD_AUDIT_ROWS_PER_ENTRY,
      ]);
      const count = written?.written ?? 0;
      if (count !== rows.length) throw new ConflictError(`${rows.length - count} application(s) changed meanwhile; import again`, { field: 'input.csv' });
      return count;
    });
  }

  async announceSkd(announcement: Announcement, marks: PassMarks, multiplier: number, audit: AuditContext): Promise<number> {
    const changed = await this.rankSkd(announcement, marks, multiplier, audit);
    // Every application of the selection has just changed: fresh statistics (of the columns the
    // result pages filter and order by) keep their plans on the (vacancy, rank, number) index from
    // the first read, not after autovacuum gets to it.
    await this.sql.exec('ANALYZE application (vacancy_id, status, withdrawn_from, skd_rank, final_rank, registration_number)');
    return changed;
  }

  private async rankSkd(announcement: Announcement, marks: PassMarks, multiplier: number, audit: AuditContext): Promise<number> {
    try {
      return await this.prisma.$transaction(
        async (tx) => {
          await tx.announcement.create({ data: announcement });
          await tx.$queryRawUnsafe(LOCK_QUALIFIED, announcement.selectionId);
          const [changed] = await tx.$queryRawUnsafe<{ changed: number }[]>(
            RANK_SKD,
            announcement.selectionId,
            marks.twk,
            marks.tiu,
            marks.tkp,
            multiplier,
            announcement.announcedAt,
            audit.actorUserId,
            audit.requestId,
            announcement.agencyId,
            SKD_AUDIT_ROWS_PER_ENTRY,
          );
          await tx.auditLog.create({ data: announcedAudit(announcement, audit) });
          return changed?.changed ?? 0;
        },
        { timeout: 60_000 },
      );
    } catch (error) {
      throw announcedAlready(error, announcement);
    }
  }

  async save(changes: readonly Change[], action: string, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction((tx) => saveChanges(tx, changes, action, audit), { timeout: 60_000 });
  }

  async announce(announcement: Announcement, changes: readonly Change[], audit: AuditContext): Promise<void> {
    try {
      await this.prisma.$transaction(
        async (tx) => {
          await tx.announcement.create({ data: announcement });
          await saveChanges(tx, changes, `application.${announcement.stage.toLowerCase()}-announced`, audit);
          await tx.auditLog.create({ data: announcedAudit(announcement, audit) });
        },
        { timeout: 60_000 },
      );
    } catch (error) {
      throw announcedAlready(error, announcement);
    }
  }

  async withdraw(withdrawal: Change, promotion: Change | null, event: PendingEvent, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await saveChanges(tx, [withdrawal], 'application.withdrawn', audit);
      // Conditional like every save: two withdrawals promoting the same applicant at once, one answers CONFLICT.
      if (promotion) await saveChanges(tx, [promotion], 'application.promoted-after-withdrawal', audit);
      await tx.outboxEvent.createMany({ data: outboxData([event]) });
    });
    this.afterOutboxCommit();
  }

  async hire(
    application: Application,
    hiredAt: Date,
    nip: { prefix: string; choose(taken: readonly string[]): string },
    eventOf: (hired: Application) => PendingEvent,
    audit: AuditContext,
  ): Promise<Application> {
    const hired = await this.prisma.$transaction(async (tx) => {
      // Two hires of the same birth date, month and sex must not pick the same sequence.
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `nip:${nip.prefix}`);
      const taken = await tx.application.findMany({ where: { nip: { startsWith: nip.prefix } }, select: { nip: true } });
      const after: Application = { ...application, status: 'HIRED', nip: nip.choose(taken.map((row) => row.nip as string)), updatedAt: hiredAt };
      await saveChanges(tx, [{ before: application, after }], 'application.hired', audit);
      await tx.outboxEvent.createMany({ data: outboxData([eventOf(after)]) });
      return after;
    });
    this.afterOutboxCommit();
    return hired;
  }
}
