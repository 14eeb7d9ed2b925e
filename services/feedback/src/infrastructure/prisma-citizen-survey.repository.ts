import { type AuditContext, auditRow } from '@kinerja/database';
import { ConflictError, ForbiddenError } from '@kinerja/errors';

import type { SurveyScores } from '../domain/citizen-survey';
import type { EmployeeCopy } from '../domain/employee-copy';
import { IKM_ELEMENTS, type IkmElement } from '../domain/ikm.rule';
import type { CitizenSurveyRepository, SatisfactionSums, ServiceUnit } from '../domain/repositories';
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

export class PrismaCitizenSurveyRepository implements CitizenSurveyRepository {
  constructor(private readonly prisma: FeedbackPrisma) {}

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
    // One statement: the unit's check and the token's row (a hot path: every citizen asks for one).
    const issued = await this.prisma.$executeRaw`
      INSERT INTO survey_token (token_hash, org_unit_id, issued_at, expires_at)
      SELECT ${tokenHash}, org_unit_id, ${issuedAt}::timestamptz, ${expiresAt}::timestamptz
      FROM service_unit WHERE org_unit_id = ${orgUnitId}::uuid AND serves_public`;
    return issued === 1;
  }

  async token(tokenHash: string): Promise<{ orgUnitId: string; spentAt: Date | null; expiresAt: Date; answerDigest: string | null } | null> {
    const rows = await this.prisma.$queryRaw<{ orgUnitId: string; spentAt: Date | null; expiresAt: Date; answerDigest: string | null }[]>`
      SELECT org_unit_id::text AS "orgUnitId", spent_at AS "spentAt", expires_at AS "expiresAt", answer_digest AS "answerDigest"
      FROM survey_token WHERE token_hash = ${tokenHash}`;
    const [row] = rows;
    return row ? { ...row, spentAt: row.spentAt === null ? null : new Date(row.spentAt), expiresAt: new Date(row.expiresAt) } : null;
  }

  /**
   * One statement, so one implicit transaction and one round trip: spends the token (only while the
   * unit serves the public), adds the scores to the unit's month and stores the comment. The row
   * locks it takes (the token's, the unit-month's) are held for that statement alone, not across
   * round trips. Of two submissions with one token, the second waits on the token's row, then finds
   * it spent and writes nothing.
   */
  async recordAnswer(answer: Parameters<CitizenSurveyRepository['recordAnswer']>[0]): ReturnType<CitizenSurveyRepository['recordAnswer']> {
    const c = columnsOf(answer.scores);
    const text = answer.comment?.text ?? null;
    const commentId = answer.comment?.id ?? null;
    const [outcome] = await this.prisma.$queryRaw<{ spent: number; serves: boolean }[]>`
      WITH unit AS (
        SELECT org_unit_id, agency_id FROM service_unit WHERE org_unit_id = ${answer.orgUnitId}::uuid AND serves_public
      ), spent AS (
        UPDATE survey_token SET spent_at = ${answer.at}::timestamptz, answer_digest = ${answer.answerDigest}
        WHERE token_hash = ${answer.tokenHash} AND org_unit_id = ${answer.orgUnitId}::uuid AND spent_at IS NULL
          AND expires_at > ${answer.at}::timestamptz AND EXISTS (SELECT 1 FROM unit)
        RETURNING org_unit_id
      ), counted AS (
        INSERT INTO satisfaction_aggregate AS a (org_unit_id, month, agency_id, responses, requirements, procedure, service_time, cost, product,
          staff_competence, staff_behaviour, complaint_handling, facilities)
        SELECT unit.org_unit_id, ${answer.month}, unit.agency_id, 1, ${c.requirements}::int, ${c.procedure}::int, ${c.serviceTime}::int, ${c.cost}::int,
          ${c.product}::int, ${c.staffCompetence}::int, ${c.staffBehaviour}::int, ${c.complaintHandling}::int, ${c.facilities}::int
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
        SELECT ${commentId}::uuid, spent.org_unit_id, ${answer.month}, ${text}::text, ${answer.at}::timestamptz FROM spent WHERE ${text}::text IS NOT NULL
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM spent)::int AS spent, EXISTS (SELECT 1 FROM unit) AS serves`;
    if (outcome?.spent === 1) return { spentBefore: null };
    if (!outcome?.serves) throw new ForbiddenError('This unit does not take citizen surveys');
    // Not spent here: a new statement sees what another submission committed meanwhile.
    const token = await this.token(answer.tokenHash);
    if (token?.spentAt) return { spentBefore: { spentAt: token.spentAt, answerDigest: token.answerDigest } };
    throw new ConflictError('This survey token has expired', { field: 'input.token', reason: 'TOKEN_EXPIRED' });
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
