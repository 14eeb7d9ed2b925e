import { type AuditContext, auditRow } from '@kinerja/database';

import type { FeedbackNote } from '../domain/feedback-note';
import type { FeedbackNoteRepository } from '../domain/repositories';
import type { FeedbackPrisma } from './prisma-client';

export class PrismaFeedbackNoteRepository implements FeedbackNoteRepository {
  constructor(private readonly prisma: FeedbackPrisma) {}

  async byIds(ids: readonly string[]): Promise<FeedbackNote[]> {
    const rows = await this.prisma.feedbackNote.findMany({ where: { id: { in: [...ids] } } });
    return rows.map((row) => ({ id: row.id, agencyId: row.agencyId, title: row.title, createdAt: row.createdAt }));
  }

  async create(record: FeedbackNote, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.feedbackNote.create({ data: record }),
      this.prisma.auditLog.create({
        data: auditRow(audit, {
          agencyId: record.agencyId,
          action: 'feedback-note.created',
          entityType: 'FeedbackNote',
          entityId: record.id,
          before: null,
          after: record,
        }),
      }),
    ]);
  }
}
