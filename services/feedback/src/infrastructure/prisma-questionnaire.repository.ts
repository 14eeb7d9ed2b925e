import { type AuditContext, auditRow } from '@kinerja/database';

import type { QuestionnaireItem } from '../domain/questionnaire';
import type { QuestionnaireRepository } from '../domain/repositories';
import type { Prisma } from '../generated/prisma/client';
import type { FeedbackPrisma } from './prisma-client';

export class PrismaQuestionnaireRepository implements QuestionnaireRepository {
  constructor(private readonly prisma: FeedbackPrisma) {}

  async ofAgency(agencyId: string): Promise<QuestionnaireItem[] | null> {
    const row = await this.prisma.agencyQuestionnaire.findUnique({ where: { agencyId } });
    return row ? (row.items as unknown as QuestionnaireItem[]) : null;
  }

  async set(agencyId: string, items: readonly QuestionnaireItem[], at: Date, audit: AuditContext): Promise<void> {
    const json = items as unknown as Prisma.InputJsonValue;
    await this.prisma.$transaction(async (tx) => {
      const before = await tx.agencyQuestionnaire.findUnique({ where: { agencyId } });
      await tx.agencyQuestionnaire.upsert({ where: { agencyId }, create: { agencyId, items: json, changedAt: at }, update: { items: json, changedAt: at } });
      await tx.auditLog.create({
        data: auditRow(audit, {
          agencyId,
          action: 'feedback-questionnaire.changed',
          entityType: 'AgencyQuestionnaire',
          entityId: agencyId,
          before: before ? { items: before.items } : null,
          after: { items },
        }),
      });
    });
  }
}
