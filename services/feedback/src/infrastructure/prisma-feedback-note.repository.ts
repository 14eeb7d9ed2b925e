import { type AuditContext, auditRow } from '@kinerja/database';
import { ConflictError } from '@kinerja/errors';

import type { FeedbackNote } from '../domain/feedback-note';
import type { FeedbackNoteRepository } from '../domain/repositories';
import type { FeedbackNote as NoteRow } from '../generated/prisma/client';
import type { FeedbackPrisma } from './prisma-client';

const toNote = (row: NoteRow): FeedbackNote => ({
  id: row.id,
  agencyId: row.agencyId,
  employeeId: row.employeeId,
  authorEmployeeId: row.authorEmployeeId,
  kind: row.kind,
  values: row.values,
  text: row.text,
  createdAt: row.createdAt,
  reply: row.replyText !== null && row.repliedAt !== null ? { text: row.replyText, repliedAt: row.repliedAt } : null,
});

export class PrismaFeedbackNoteRepository implements FeedbackNoteRepository {
  constructor(private readonly prisma: FeedbackPrisma) {}

  async byIds(ids: readonly string[]): Promise<FeedbackNote[]> {
    return (await this.prisma.feedbackNote.findMany({ where: { id: { in: [...ids] } } })).map(toNote);
  }

  async ofEmployees(employeeIds: readonly string[]): Promise<FeedbackNote[]> {
    const rows = await this.prisma.feedbackNote.findMany({ where: { employeeId: { in: [...employeeIds] } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    return rows.map(toNote);
  }

  async create(note: FeedbackNote, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.feedbackNote.create({
        data: {
          id: note.id,
          agencyId: note.agencyId,
          employeeId: note.employeeId,
          authorEmployeeId: note.authorEmployeeId,
          kind: note.kind,
          values: note.values,
          text: note.text,
          createdAt: note.createdAt,
        },
      }),
      this.prisma.auditLog.create({
        data: auditRow(audit, {
          agencyId: note.agencyId,
          action: 'feedback-note.recorded',
          entityType: 'FeedbackNote',
          entityId: note.id,
          before: null,
          after: note,
        }),
      }),
    ]);
  }

  async saveReply(before: FeedbackNote, after: FeedbackNote, audit: AuditContext): Promise<void> {
    if (!after.reply) return;
    const reply = after.reply;
    await this.prisma.$transaction(async (tx) => {
      // Only a note still without a reply takes one: two replies racing, the second finds it taken.
      const { count } = await tx.feedbackNote.updateMany({
        where: { id: before.id, replyText: null },
        data: { replyText: reply.text, repliedAt: reply.repliedAt },
      });
      if (count === 0) throw new ConflictError('This note already has a reply', { field: 'input.noteId' });
      await tx.auditLog.create({
        data: auditRow(audit, { agencyId: after.agencyId, action: 'feedback-note.replied', entityType: 'FeedbackNote', entityId: after.id, before, after }),
      });
    });
  }
}
