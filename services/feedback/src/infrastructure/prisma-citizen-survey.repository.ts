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

  async issueToken(tokenHash: string, orgUnitId: string, issuedAt: Date, expiresAt: Date): Promise<void> {
    await this.prisma.surveyToken.create({ data: { tokenHash, orgUnitId, issuedAt, expiresAt } });
  }

  async token(tokenHash: string): Promise<{ orgUnitId: string; spentAt: Date | null; expiresAt: Date; answerDigest: string | null } | null> {
    return this.prisma.surveyToken.findUnique({ where: { tokenHash }, select: { orgUnitId: true, spentAt: true, expiresAt: true, answerDigest: true } });
  }

  async recordAnswer(answer: Parameters<CitizenSurveyRepository['recordAnswer']>[0]): ReturnType<CitizenSurveyRepository['recordAnswer']> {
    const columns = columnsOf(answer.scores);
    const increments = Object.fromEntries(Object.entries(columns).map(([column, score]) => [column, { increment: score }]));
    return this.prisma.$transaction(async (tx) => {
      // The first statement spends the token: of two submissions with one token, one waits here and then finds it spent.
      const spent = await tx.surveyToken.updateMany({
        where: { tokenHash: answer.tokenHash, spentAt: null, expiresAt: { gt: answer.at } },
        data: { spentAt: answer.at, answerDigest: answer.answerDigest },
      });
      if (spent.count !== 1) {
        // A new statement sees what the other submission committed.
        const token = await tx.surveyToken.findUnique({ where: { tokenHash: answer.tokenHash }, select: { spentAt: true, answerDigest: true } });
        if (token?.spentAt) return { spentBefore: token };
        throw new ConflictError('This survey token has expired', { field: 'input.token', reason: 'TOKEN_EXPIRED' });
      }
      const unit = await tx.serviceUnit.findUnique({ where: { orgUnitId: answer.orgUnitId } });
      if (!unit?.servesPublic) throw new ForbiddenError('This unit does not take citizen surveys');
      await tx.satisfactionAggregate.upsert({
        where: { orgUnitId_month: { orgUnitId: answer.orgUnitId, month: answer.month } },
        create: { orgUnitId: answer.orgUnitId, month: answer.month, agencyId: answer.agencyId, responses: 1, ...columns },
        update: { responses: { increment: 1 }, ...increments },
      });
      if (answer.comment) {
        await tx.citizenComment.create({
          data: { id: answer.comment.id, orgUnitId: answer.orgUnitId, month: answer.month, text: answer.comment.text, createdAt: answer.at },
        });
      }
      return { spentBefore: null };
    });
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
