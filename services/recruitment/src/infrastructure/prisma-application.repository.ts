import { type AuditContext, auditRow, isUniqueViolation, type SqlRunner } from '@kinerja/database';
import { ConflictError } from '@kinerja/errors';

import type { Application, ApplicationStatus } from '../domain/application';
import type { ApplicationRepository, ApplyContext, PendingEvent, ResultRow, ResultsCursor, SkdImportCheck, SkdScoreWrite } from '../domain/repositories';
import type { PassMarks } from '../domain/skd.rule';
import { SKD_AUDIT_ROWS_PER_ENTRY } from '../domain/skd-import';
import type { Announcement, Objection, Stage } from '../domain/stage';
import type { Contender } from '../domain/stage-outcome';
import { APPLY_CONTEXT, applyContextOf, type ApplyContextRow, SUBMIT_APPLICATION } from './apply.sql';
import { applicationData, toApplication, toObjection } from './mappers';
import { outboxData } from './outbox';
import type { RecruitmentPrisma, RecruitmentTransaction } from './prisma-client';

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

type Change = { before: Application; after: Application };

const changedMeanwhile = (application: Application) =>
  new ConflictError(`Application ${application.registrationNumber} changed meanwhile; read it again`, { field: 'input.applicationId' });

/** Writes each change only over the row as it was read (same `updatedAt`), with its audit row. */
async function saveChanges(tx: RecruitmentTransaction, changes: readonly Change[], action: string, audit: AuditContext): Promise<void> {
  for (const { before, after } of changes) {
    const { id: _id, ...data } = applicationData(after);
    const { count } = await tx.application.updateMany({ where: { id: before.id, updatedAt: before.updatedAt }, data });
    if (count === 0) throw changedMeanwhile(before);
  }
  if (changes.length === 0) return;
  await tx.auditLog.createMany({
    data: changes.map(({ before, after }) =>
      auditRow(audit, { agencyId: after.agencyId, action, entityType: 'Application', entityId: after.id, before, after }),
    ),
  });
}

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
    const select = `SELECT a.registration_number, p.name, coalesce(a.withdrawn_from, a.status) AS status, a.status = 'WITHDRAWN' AS withdrawn,
                           a.twk, a.tiu, a.tkp, a.skd_rank, a.final_rank, a.final_score
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

  private async resultRows(sql: string, parameters: unknown[]): Promise<ResultRow[]> {
    const rows = await this.prisma.$queryRawUnsafe<
      {
        registration_number: string;
        name: string;
        status: ApplicationStatus;
        withdrawn: boolean;
        twk: number | null;
        tiu: number | null;
        tkp: number | null;
        skd_rank: number | null;
        final_rank: number | null;
        final_score: number | null;
      }[]
    >(sql, ...parameters);
    return rows.map((row) => ({
      registrationNumber: row.registration_number,
      name: row.name,
      status: row.status,
      withdrawn: row.withdrawn,
      twk: row.twk,
      tiu: row.tiu,
      tkp: row.tkp,
      skdRank: row.skd_rank,
      finalRank: row.final_rank,
      finalScore: row.final_score,
    }));
  }

  async countWithStatus(selectionId: string, status: ApplicationStatus): Promise<number> {
    return this.prisma.application.count({ where: { selectionId, status } });
  }

  async skdImportCheck(selectionId: string, registrationNumbers: readonly string[], watched: readonly string[]): Promise<SkdImportCheck> {
    // Only what is wrong comes back (and the watched few): not the selection's 100,000 rows.
    // Over the driver: a whole export's numbers travel as one array parameter.
    const rows = await this.sql.query<{ registration_number: string; id: string | null; status: ApplicationStatus | null }>(
      `SELECT i.registration_number, a.id::text AS id, a.status
       FROM unnest($2::text[]) AS i(registration_number)
       LEFT JOIN application a ON a.registration_number = i.registration_number AND a.selection_id = $1::uuid
       WHERE a.id IS NULL OR a.status <> 'QUALIFIED' OR a.id = ANY($3::uuid[])`,
      [selectionId, registrationNumbers, watched],
    );
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
      // One statement: the scores, each only on an application still QUALIFIED (the update stays
      // heap-only: no indexed column changes), and the summary audit rows, a group of
      // SKD_AUDIT_ROWS_PER_ENTRY applications each (column arrays: lean to build, store and relay),
      // with the scores an import overwrote (read from the same snapshot; usually none).
      const [written] = await tx.query<{ written: number }>(
        `WITH written AS (
             UPDATE application a SET twk = i.twk, tiu = i.tiu, tkp = i.tkp, updated_at = $6::timestamptz
             FROM unnest($2::text[], $3::int[], $4::int[], $5::int[]) WITH ORDINALITY AS i(registration_number, twk, tiu, tkp, n),
                  application previous
             WHERE a.registration_number = i.registration_number AND a.selection_id = $1::uuid AND a.status = 'QUALIFIED' AND previous.id = a.id
             RETURNING a.id, a.registration_number, i.n, a.twk, a.tiu, a.tkp,
                       previous.twk AS previous_twk, previous.tiu AS previous_tiu, previous.tkp AS previous_tkp, previous.updated_at AS previous_updated_at
           ), audited AS (
             INSERT INTO audit_log (id, actor_user_id, request_id, agency_id, action, entity_type, entity_id, before, after)
             SELECT gen_random_uuid(), $7, $8, $9::uuid, 'application.skd-imported', 'Selection', $1::text,
                    jsonb_build_object('overwritten', coalesce(jsonb_agg(jsonb_build_object(
                      'registrationNumber', registration_number, 'twk', previous_twk, 'tiu', previous_tiu, 'tkp', previous_tkp, 'updatedAt', previous_updated_at
                    ) ORDER BY n) FILTER (WHERE previous_twk IS NOT NULL), '[]'::jsonb)),
                    jsonb_build_object('registrationNumbers', to_jsonb(array_agg(registration_number ORDER BY n)), 'twk', to_jsonb(array_agg(twk ORDER BY n)),
                      'tiu', to_jsonb(array_agg(tiu ORDER BY n)), 'tkp', to_jsonb(array_agg(tkp ORDER BY n)), 'updatedAt', $6::timestamptz)
             FROM written GROUP BY (n - 1) / $10::int
           )
           SELECT count(*)::int AS written FROM written`,
        [
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
        ],
      );
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
          // The selection's qualified applications, locked first: nothing changes them between the
          // ranking's read and its write. The sort of a whole selection fits in memory.
          await tx.$queryRawUnsafe(
            `SELECT set_config('work_mem', '64MB', true), (SELECT count(*) FROM (SELECT 1 FROM application WHERE selection_id = $1::uuid AND status = 'QUALIFIED' FOR UPDATE) locked)::int AS locked`,
            announcement.selectionId,
          );
          // compareTies in SQL: total, TKP, TIU, TWK descending, the older applicant, the registration
          // number; one window over the selection (no join between materialised sets, whatever the
          // planner's estimates), one update (heap-only for those whose rank stays empty: no index
          // holds the status), and the summary audit rows.
          const [changed] = await tx.$queryRawUnsafe<{ changed: number }[]>(
            `WITH outcome AS (
               SELECT r.id, r.registration_number, r.previous_rank, r.rank, row_number() OVER () AS n,
                      CASE WHEN r.rank IS NULL THEN 'BELOW_PASS_MARK' WHEN r.rank <= v.quota * $5 THEN 'SKB' ELSE 'OUTSIDE_SKB_CUT' END AS status
               FROM (
                 SELECT a.id, a.vacancy_id, a.registration_number, a.skd_rank AS previous_rank,
                        CASE WHEN a.twk IS NOT NULL AND a.twk >= $2 AND a.tiu >= $3 AND a.tkp >= $4 THEN row_number() OVER (
                          PARTITION BY a.vacancy_id, (a.twk IS NOT NULL AND a.twk >= $2 AND a.tiu >= $3 AND a.tkp >= $4)
                          ORDER BY a.twk + a.tiu + a.tkp DESC, a.tkp DESC, a.tiu DESC, a.twk DESC, p.birth_date COLLATE "C" ASC, a.registration_number COLLATE "C" ASC
                        )::int END AS rank
                 FROM application a JOIN applicant p ON p.id = a.applicant_id
                 WHERE a.selection_id = $1::uuid AND a.status = 'QUALIFIED'
               ) r JOIN vacancy v ON v.id = r.vacancy_id
             ), written AS (
               UPDATE application a SET status = o.status, skd_rank = o.rank, updated_at = $6::timestamptz
               FROM outcome o WHERE a.id = o.id AND a.status = 'QUALIFIED'
               RETURNING o.*
             ), audited AS (
               INSERT INTO audit_log (id, actor_user_id, request_id, agency_id, action, entity_type, entity_id, before, after)
               SELECT gen_random_uuid(), $7, $8, $9::uuid, 'application.skd-announced', 'Selection', $1::text,
                      jsonb_build_object('status', 'QUALIFIED', 'registrationNumbers', to_jsonb(array_agg(registration_number ORDER BY n)),
                        'skdRank', to_jsonb(array_agg(previous_rank ORDER BY n))),
                      jsonb_build_object('registrationNumbers', to_jsonb(array_agg(registration_number ORDER BY n)), 'status', to_jsonb(array_agg(status ORDER BY n)),
                        'skdRank', to_jsonb(array_agg(rank ORDER BY n)), 'updatedAt', $6::timestamptz)
               FROM written GROUP BY (n - 1) / $10::int
             )
             SELECT count(*)::int AS changed FROM written`,
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
          await tx.auditLog.create({
            data: auditRow(audit, {
              agencyId: announcement.agencyId,
              action: 'results.announced',
              entityType: 'Announcement',
              entityId: announcement.id,
              before: null,
              after: announcement,
            }),
          });
          return changed?.changed ?? 0;
        },
        { timeout: 60_000 },
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`The ${announcement.stage} results are announced already`, { field: 'input.stage' });
      throw error;
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
          await tx.auditLog.create({
            data: auditRow(audit, {
              agencyId: announcement.agencyId,
              action: 'results.announced',
              entityType: 'Announcement',
              entityId: announcement.id,
              before: null,
              after: announcement,
            }),
          });
        },
        { timeout: 60_000 },
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`The ${announcement.stage} results are announced already`, { field: 'input.stage' });
      throw error;
    }
  }

  async objectionsOf(selectionId: string, stage: Stage): Promise<Objection[]> {
    return (await this.prisma.objection.findMany({ where: { selectionId, stage }, orderBy: { filedAt: 'asc' } })).map(toObjection);
  }

  async objectionById(id: string): Promise<Objection | null> {
    const row = await this.prisma.objection.findUnique({ where: { id } });
    return row ? toObjection(row) : null;
  }

  async fileObjection(objection: Objection, audit: AuditContext): Promise<void> {
    try {
      await this.prisma.$transaction([
        this.prisma.objection.create({ data: objection }),
        this.prisma.auditLog.create({
          data: auditRow(audit, {
            agencyId: objection.agencyId,
            action: 'objection.filed',
            entityType: 'Objection',
            entityId: objection.id,
            before: null,
            after: objection,
          }),
        }),
      ]);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError(`This application has an objection to the ${objection.stage} results already`, { field: 'input.stage' });
      throw error;
    }
  }

  async answerObjection(before: Objection, after: Objection, change: Change | null, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.objection.updateMany({
        where: { id: before.id, status: 'OPEN' },
        data: { status: after.status, response: after.response, answeredAt: after.answeredAt },
      });
      if (count === 0) throw new ConflictError('The objection was answered meanwhile', { field: 'input.objectionId' });
      await tx.auditLog.create({
        data: auditRow(audit, { agencyId: after.agencyId, action: 'objection.answered', entityType: 'Objection', entityId: after.id, before, after }),
      });
      if (change) await saveChanges(tx, [change], 'application.objection-accepted', audit);
    });
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
