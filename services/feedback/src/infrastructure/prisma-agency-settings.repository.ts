import { type AuditContext, auditRow } from '@kinerja/database';

import { DEFAULT_REMINDER_DAYS_BEFORE } from '../domain/reminder.rule';
import type { AgencySettingsRepository } from '../domain/repositories';
import type { FeedbackPrisma } from './prisma-client';

export class PrismaAgencySettingsRepository implements AgencySettingsRepository {
  constructor(private readonly prisma: FeedbackPrisma) {}

  async followUpDays(agencyId: string): Promise<number | null> {
    return (await this.prisma.agencySetting.findUnique({ where: { agencyId } }))?.followUpDays ?? null;
  }

  async reminderDaysBefore(agencyId: string): Promise<number[]> {
    return (await this.prisma.agencySetting.findUnique({ where: { agencyId } }))?.reminderDaysBefore ?? [...DEFAULT_REMINDER_DAYS_BEFORE];
  }

  async setFollowUpDays(agencyId: string, days: number, audit: AuditContext, reminderDaysBefore?: number[]): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const before = await tx.agencySetting.findUnique({ where: { agencyId } });
      const reminders = reminderDaysBefore ? { reminderDaysBefore } : {};
      const after = await tx.agencySetting.upsert({
        where: { agencyId },
        create: { agencyId, followUpDays: days, ...reminders },
        update: { followUpDays: days, ...reminders },
      });
      await tx.auditLog.create({
        data: auditRow(audit, { agencyId, action: 'agency-setting.changed', entityType: 'AgencySetting', entityId: agencyId, before, after }),
      });
    });
  }
}
