import { type AuditContext, auditRow } from '@kinerja/database';

import type { __Entity__ } from '../domain/__entity-kebab__';
import type { __Entity__Repository } from '../domain/repositories';
import type { __Name__Prisma } from './prisma-client';

export class Prisma__Entity__Repository implements __Entity__Repository {
  constructor(private readonly prisma: __Name__Prisma) {}

  async byIds(ids: readonly string[]): Promise<__Entity__[]> {
    const rows = await this.prisma.__entity__.findMany({ where: { id: { in: [...ids] } } });
    return rows.map((row) => ({ id: row.id, agencyId: row.agencyId, title: row.title, createdAt: row.createdAt }));
  }

  async create(record: __Entity__, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.__entity__.create({ data: record }),
      this.prisma.auditLog.create({
        data: auditRow(audit, { agencyId: record.agencyId, action: '__entity-kebab__.created', entityType: '__Entity__', entityId: record.id, before: null, after: record }),
      }),
    ]);
  }
}
