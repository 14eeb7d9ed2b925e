import { type AuditContext, auditRow, type SqlRunner } from '@kinerja/database';
import { ConflictError, ForbiddenError } from '@kinerja/errors';

import type { SurveyScores } from '../domain/citizen-survey';
import type { EmployeeCopy } from '../domain/employee-copy';
import { IKM_ELEMENTS, type IkmElement } from '../domain/ikm.rule';
import type { CitizenSurveyRepository, SatisfactionSums, ServiceUnit, SurveyAnswer } from '../domain/repositories';
import type { EmployeeCopy as EmployeeRow } from '../generated/prisma/client';
import type { FeedbackPrisma } from './prisma-client';

/** The aggregate's column of each element. */
const COLUMN: Record<IkmElement, keyof SurveyColumns> = {
  REQUIREMENTS: 'requirements',
  PROCEDURE: 'procedure',
  SERVICE_TIME: 'serviceTime',
  COST: 'cost',
  PRODUCT: 'product',
  STAFF_COMPETENCE: 'staffCompetence',
  STAFF_BEHAVIOUR: 'staffBehaviour',
  COMPLAINT_HANDLING: 'complaintHandling',
  FACILITIES: 'facilities',
};

interface SurveyColumns {
  requirements: number;
  procedure: number;
  serviceTime: number;
  cost: number;
  product: number;
  staffCompetence: number;
  staffBehaviour: number;
  complaintHandling: number;
  facilities: number;
}

const columnsOf = (scores: SurveyScores): SurveyColumns =>
  Object.fromEntries(IKM_ELEMENTS.map((element) => [COLUMN[element], scores[element]])) as unknown as SurveyColumns;

const toCopy = (row: EmployeeRow): EmployeeCopy => ({ ...row });

/** The aggregate's score columns in the order RECORD_ANSWER takes them ($6–$14). */
const SCORE_COLUMNS = [
  'requirements',
  'procedure',
  'serviceTime',
  'cost',
  'product',
  'staffCompetence',
  'staffBehaviour',
  'complaintHandling',
  'facilities',
] as const satisfies readonly (keyof SurveyColumns)[];

interface TokenRow {
  org_unit_id: string;
  spent_at: Date | string | null;
  expires_at: Date | string;
  answer_digest: string | null;
}

/** The token's row, stored only for a unit that serves the public: the check and the write in one statement. */
const ISSUE_TOKEN = `
  INSERT INTO survey_token (token_hash, org_unit_id, issued_at, expires_at)
  SELECT $1, org_unit_id, $3::timestamptz, $4::timestamptz FROM service_unit WHERE org_unit_id = $2::uuid AND serves_public
  RETURNING 1 AS issued`;

const TOKEN_BY_HASH = `SELECT org_unit_id::text AS org_unit_id, spent_at, expires_at, answer_digest FROM survey_token WHERE token_hash = $1`;

/**
 * A citizen's answer in one statement, so one implicit transaction and one round trip: spends the
 * token (only while its unit serves the public), adds the scores to the unit's month and stores the
 * comment; each part writes only when the token was spent here. The row locks it takes (the token's,
 * the unit-month's) are held for this statement alone, never across round trips. Of two
 * submissions with one token, the second waits on the token's row, then finds it spent (READ
 * COMMITTED re-checks `spent_at IS NULL` on the committed row) and writes nothing.
 */
const RECORD_ANSWER = `
  WITH unit AS (
    SELECT org_unit_id, agency_id FROM service_unit WHERE org_unit_id = $2::uuid AND serves_public
  ), spent AS (
    UPDATE survey_token SET spent_at = $3::timestamptz, answer_digest = $4
    WHERE token_hash = $1 AND org_unit_id = $2::uuid AND spent_at IS NULL AND expires_at > $3::timestamptz AND EXISTS (SELECT 1 FROM unit)
    RETURNING org_unit_id
  ), counted AS (
    INSERT INTO satisfaction_aggregate AS a (org_unit_id, month, agency_id, responses, requirements, procedure, service_time, cost, product,
      staff_competence, staff_behaviour, complaint_handling, facilities)
    SELECT unit.org_unit_id, $5, unit.agency_id, 1, $6::int, $7::int, $8::int, $9::int, $10::int, $11::int, $12::int, $13::int, $14::int
    FROM spent, unit
    ON CONFLICT (org_unit_id, month) DO UPDATE SET
      responses = a.responses + 1,
      requirements = a.requirements + EXCLUDED.requirements,
      procedure = a.procedure + EXCLUDED.procedure,
      service_time = a.service_time + EXCLUDED.service_time,
      cost = a.cost + EXCLUDED.cost,
      product = a.product + EXCLUDED.product,
      staff_competence = a.staff_competence + EXCLUDED.staff_competence,
      staff_behaviour = a.staff_behaviour + EXCLUDED.staff_behaviour,
      complaint_handling = a.complaint_handling + EXCLUDED.complaint_handling,
      facilities = a.facilities + EXCLUDED.facilities
    RETURNING 1
  ), commented AS (
    INSERT INTO citizen_comment (id, org_unit_id, month, text, created_at)
    SELECT $15::uuid, spent.org_unit_id, $5, $16::text, $3::timestamptz FROM spent WHERE $16::text IS NOT NULL
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM spent)::int AS spent, EXISTS (SELECT 1 FROM unit) AS serves`;

export class PrismaCitizenSurveyRepository implements CitizenSurveyRepository {
  constructor(
    private readonly prisma: FeedbackPrisma,
    /** The hot path of every citizen (a token, an answer) in plain prepared statements, one round trip each. */
    private readonly sql: SqlRunner,
  ) {}

  async agencyOfUnit(orgUnitId: string): Promise<string | null> {
    return (await this.prisma.employeeCopy.findFirst({ where: { orgUnitId }, select: { agencyId: true } }))?.agencyId ?? null;
  }

  async serviceUnits(orgUnitIds: readonly string[]): Promise<ServiceUnit[]> {
    const rows = await this.prisma.serviceUnit.findMany({ where: { orgUnitId: { in: [...orgUnitIds] } } });
    return rows.map(({ orgUnitId, agencyId, servesPublic }) => ({ orgUnitId, agencyId, servesPublic }));
  }

  async setServiceUnit(unit: ServiceUnit, at: Date, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const before = await tx.serviceUnit.findUnique({ where: { orgUnitId: unit.orgUnitId } });
      const data = { agencyId: unit.agencyId, servesPublic: unit.servesPublic, changedAt: at };
      const after = await tx.serviceUnit.upsert({ where: { orgUnitId: unit.orgUnitId }, create: { orgUnitId: unit.orgUnitId, ...data }, update: data });
      await tx.auditLog.create({
        data: auditRow(audit, {
          agencyId: unit.agencyId,
          action: unit.servesPublic ? 'service-unit.marked' : 'service-unit.unmarked',
          entityType: 'ServiceUnit',
          entityId: unit.orgUnitId,
          before,
          after,
        }),
      });
    });
  }

  async issueToken(tokenHash: string, orgUnitId: string, issuedAt: Date, expiresAt: Date): Promise<boolean> {
    const rows = await this.sql.query(ISSUE_TOKEN, [tokenHash, orgUnitId, issuedAt, expiresAt], { prepare: 'feedback_issue_survey_token' });
    return rows.length === 1;
  }

  async token(tokenHash: string): Promise<{ orgUnitId: string; spentAt: Date | null; expiresAt: Date; answerDigest: string | null } | null> {
    const [row] = await this.sql.query<TokenRow>(TOKEN_BY_HASH, [tokenHash], { prepare: 'feedback_survey_token_by_hash' });
    if (!row) return null;
    return {
      orgUnitId: row.org_unit_id,
      spentAt: row.spent_at === null ? null : new Date(row.spent_at),
      expiresAt: new Date(row.expires_at),
      answerDigest: row.answer_digest,
    };
  }

  async recordAnswer(answer: SurveyAnswer): ReturnType<CitizenSurveyRepository['recordAnswer']> {
    const outcome = await this.record(answer);
    if (outcome?.spent === 1) return { spentBefore: null };
    if (!outcome?.serves) throw new ForbiddenError('This unit does not take citizen surveys');
    // Not spent here: a new statement sees what another submission committed meanwhile.
    const token = await this.token(answer.tokenHash);
    if (token?.spentAt) return { spentBefore: { spentAt: token.spentAt, answerDigest: token.answerDigest } };
    throw new ConflictError('This survey token has expired', { field: 'input.token', reason: 'TOKEN_EXPIRED' });
  }

  async spendToken(answer: SurveyAnswer): Promise<boolean> {
    return (await this.record(answer))?.spent === 1;
  }

  private async record(answer: SurveyAnswer): Promise<{ spent: number; serves: boolean } | undefined> {
    const columns = columnsOf(answer.scores);
    const [outcome] = await this.sql.query<{ spent: number; serves: boolean }>(
      RECORD_ANSWER,
      [
        answer.tokenHash,
        answer.orgUnitId,
        answer.at,
        answer.answerDigest,
        answer.month,
        ...SCORE_COLUMNS.map((column) => columns[column]),
        answer.comment?.id ?? null,
        answer.comment?.text ?? null,
      ],
      { prepare: 'feedback_record_survey_answer' },
    );
    return outcome;
  }

  async sumsOf(orgUnitIds: readonly string[], from: string, to: string): Promise<Map<string, SatisfactionSums>> {
    const rows = await this.prisma.satisfactionAggregate.groupBy({
      by: ['orgUnitId'],
      where: { orgUnitId: { in: [...orgUnitIds] }, month: { gte: from, lte: to } },
      _sum: { responses: true, ...Object.fromEntries(Object.values(COLUMN).map((column) => [column, true])) },
    });
    return new Map(
      rows.map((row) => {
        const sum = row._sum as Record<string, number | null>;
        const sums = Object.fromEntries(IKM_ELEMENTS.map((element) => [element, sum[COLUMN[element]] ?? 0])) as Record<IkmElement, number>;
        return [row.orgUnitId, { responses: sum['responses'] ?? 0, sums }];
      }),
    );
  }

  async commentsOf(orgUnitId: string, from: string, to: string, first: number): Promise<{ text: string; month: string }[]> {
    return this.prisma.citizenComment.findMany({
      where: { orgUnitId, month: { gte: from, lte: to } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: first,
      select: { text: true, month: true },
    });
  }

  async withSupervisor(employeeId: string): Promise<{ employee: EmployeeCopy; supervisor: EmployeeCopy | null } | null> {
    const employee = await this.prisma.employeeCopy.findUnique({ where: { employeeId } });
    if (!employee) return null;
    const supervisor = employee.supervisorEmployeeId
      ? await this.prisma.employeeCopy.findUnique({ where: { employeeId: employee.supervisorEmployeeId } })
      : null;
    return { employee: toCopy(employee), supervisor: supervisor ? toCopy(supervisor) : null };
  }
}
