import { type AuditContext, auditRow } from '@kinerja/database';

import type { FunnelStage, SurveyInvitation, SurveySummary, VacancyFunnel } from '../domain/funnel';
import type { FunnelQueries, SurveyRepository } from '../domain/repositories';
import { FUNNEL_SQL, OBJECTIONS_SQL, SURVEY_SUMMARY_SQL } from './funnel.sql';
import type { RecruitmentPrisma } from './prisma-client';

export class PrismaSurveyRepository implements SurveyRepository {
  constructor(private readonly prisma: RecruitmentPrisma) {}

  async invitationAnswered(applicationId: string): Promise<boolean> {
    const row = await this.prisma.surveyInvitation.findUnique({ where: { applicationId }, select: { answeredAt: true } });
    return row?.answeredAt != null;
  }

  async issue(invitation: SurveyInvitation, audit: AuditContext): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const stored = await tx.$executeRawUnsafe(
        `INSERT INTO survey_invitation (application_id, agency_id, selection_id, token_hash, issued_at) VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5)
         ON CONFLICT (application_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, issued_at = EXCLUDED.issued_at WHERE survey_invitation.answered_at IS NULL`,
        invitation.applicationId,
        invitation.agencyId,
        invitation.selectionId,
        invitation.tokenHash,
        invitation.issuedAt,
      );
      if (stored === 0) return false;
      // The audit names the application, never the token.
      await tx.auditLog.create({
        data: auditRow(audit, {
          agencyId: invitation.agencyId,
          action: 'survey.token-issued',
          entityType: 'Application',
          entityId: invitation.applicationId,
          before: null,
          after: { issuedAt: invitation.issuedAt },
        }),
      });
      return true;
    });
  }

  async answer(
    tokenHash: string,
    answer: { id: string; ratings: readonly number[]; comment: string | null; answeredOn: string },
    at: Date,
  ): Promise<'ANSWERED' | 'USED' | 'UNKNOWN'> {
    return this.prisma.$transaction(async (tx) => {
      const [claimed] = await tx.$queryRawUnsafe<{ agency_id: string; selection_id: string }[]>(
        `UPDATE survey_invitation SET answered_at = $2 WHERE token_hash = $1 AND answered_at IS NULL RETURNING agency_id::text, selection_id::text`,
        tokenHash,
        at,
      );
      if (!claimed) return (await tx.surveyInvitation.count({ where: { tokenHash } })) > 0 ? 'USED' : 'UNKNOWN';
      // Nothing ties the answer to the invitation: no application, no token, the day only.
      await tx.surveyResponse.create({
        data: {
          id: answer.id,
          agencyId: claimed.agency_id,
          selectionId: claimed.selection_id,
          ratings: [...answer.ratings],
          comment: answer.comment,
          answeredOn: answer.answeredOn,
        },
      });
      // Audited without an actor or a request: the trail must not name who answered either.
      await tx.auditLog.create({
        data: auditRow(
          { actorUserId: null, requestId: null },
          {
            agencyId: claimed.agency_id,
            action: 'survey.answered',
            entityType: 'SurveyResponse',
            entityId: answer.id,
            before: null,
            after: { selectionId: claimed.selection_id, answeredOn: answer.answeredOn },
          },
        ),
      });
      return 'ANSWERED';
    });
  }

  async summary(selectionId: string, threshold: number, questions: readonly string[]): Promise<SurveySummary> {
    const rows = await this.prisma.$queryRawUnsafe<{ responses: number; question: number; average: number }[]>(SURVEY_SUMMARY_SQL, selectionId);
    const responses = rows[0]?.responses ?? 0;
    const averages = Array.from({ length: questions.length }, (_, i) => {
      const row = rows.find((r) => r.question === i + 1);
      return responses >= threshold && row ? Math.round(row.average * 100) / 100 : null;
    });
    return { selectionId, responses, questions, averages };
  }
}

export class PrismaFunnelQueries implements FunnelQueries {
  constructor(private readonly prisma: RecruitmentPrisma) {}

  async funnel(agencyId: string, vacancyId: string | null): Promise<VacancyFunnel[]> {
    const [stages, objections] = await Promise.all([
      this.prisma.$queryRawUnsafe<
        {
          vacancy_id: string | null;
          total: boolean;
          title: string | null;
          stage: FunnelStage;
          count: number;
          drop_off: number | null;
          median_days: number | null;
        }[]
      >(FUNNEL_SQL, agencyId, vacancyId),
      this.prisma.$queryRawUnsafe<{ vacancy_id: string | null; total: boolean; filed: number; open: number; accepted: number; rejected: number }[]>(
        OBJECTIONS_SQL,
        agencyId,
        vacancyId,
      ),
    ]);
    const funnels = new Map<string, VacancyFunnel>();
    for (const row of stages) {
      const key = row.total ? '' : (row.vacancy_id as string);
      let funnel = funnels.get(key);
      if (!funnel) {
        const counted = objections.find((o) => o.total === row.total && (row.total || o.vacancy_id === row.vacancy_id));
        funnel = {
          vacancyId: row.total ? null : row.vacancy_id,
          title: row.total ? null : row.title,
          stages: [],
          objections: { filed: counted?.filed ?? 0, open: counted?.open ?? 0, accepted: counted?.accepted ?? 0, rejected: counted?.rejected ?? 0 },
        };
        funnels.set(key, funnel);
      }
      funnel.stages.push({ stage: row.stage, count: row.count, dropOff: row.drop_off, medianDaysInStage: row.median_days });
    }
    return [...funnels.values()];
  }
}
