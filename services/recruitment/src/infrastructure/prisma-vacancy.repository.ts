import { type AuditContext, auditRow } from '@kinerja/database';

import type { VacancyRepository } from '../domain/repositories';
import type { Vacancy } from '../domain/vacancy';
import type { RecruitmentPrisma } from './prisma-client';

export class PrismaVacancyRepository implements VacancyRepository {
  constructor(private readonly prisma: RecruitmentPrisma) {}

  async byIds(ids: readonly string[]): Promise<Vacancy[]> {
    const rows = await this.prisma.vacancy.findMany({ where: { id: { in: [...ids] } } });
    return rows.map((row) => ({ id: row.id, agencyId: row.agencyId, title: row.title, createdAt: row.createdAt }));
  }

  async create(record: Vacancy, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.vacancy.create({ data: record }),
      this.prisma.auditLog.create({
        data: auditRow(audit, {
          agencyId: record.agencyId,
          action: 'vacancy.created',
          entityType: 'Vacancy',
          entityId: record.id,
          before: null,
          after: record,
        }),
      }),
    ]);
  }
}
