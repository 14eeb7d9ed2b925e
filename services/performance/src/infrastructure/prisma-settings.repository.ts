import { type AuditContext, auditRow } from '@kinerja/database';
import { NotFoundError } from '@kinerja/errors';

import type { SettingsRepository } from '../domain/repositories';
import { defaultSettings, type PerformanceSettings } from '../domain/settings';
import { settingsData, toSettings } from './mappers';
import type { PerformancePrisma } from './prisma-client';
import { isUuid } from './uuid';

export class PrismaSettingsRepository implements SettingsRepository {
  constructor(private readonly prisma: PerformancePrisma) {}

  async ofAgency(agencyId: string): Promise<PerformanceSettings> {
    const row = isUuid(agencyId) ? await this.prisma.performanceSettings.findUnique({ where: { agencyId } }) : null;
    return row ? toSettings(row) : defaultSettings(agencyId);
  }

  async save(before: PerformanceSettings, after: PerformanceSettings, audit: AuditContext): Promise<void> {
    if (!isUuid(after.agencyId)) throw new NotFoundError('Agency', after.agencyId, 'input.agencyId');
    const data = settingsData(after);
    await this.prisma.$transaction([
      this.prisma.performanceSettings.upsert({ where: { agencyId: after.agencyId }, create: data, update: data }),
      this.prisma.auditLog.create({
        data: auditRow(audit, {
          action: 'settings.changed',
          entityType: 'PerformanceSettings',
          entityId: after.agencyId,
          agencyId: after.agencyId,
          before,
          after,
        }),
      }),
    ]);
  }
}
