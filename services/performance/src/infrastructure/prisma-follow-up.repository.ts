import { type AuditContext, auditRow } from '@kinerja/database';
import type { DomainEvent } from '@kinerja/events';
import { outboxRowsOf } from '@kinerja/messaging';

import type { Reward, Sanction } from '../domain/follow-up.rule';
import type { FollowUpRepository } from '../domain/repositories';
import { toReward, toSanction } from './mappers';
import type { PerformancePrisma } from './prisma-client';
import { onlyUuids } from './uuid';

export class PrismaFollowUpRepository implements FollowUpRepository {
  constructor(
    private readonly prisma: PerformancePrisma,
    private readonly afterOutboxCommit: () => void = () => undefined,
  ) {}

  async rewardsOf(employeeIds: readonly string[]): Promise<Reward[]> {
    return (await this.prisma.reward.findMany({ where: { employeeId: { in: onlyUuids(employeeIds) } }, orderBy: { grantedAt: 'desc' } })).map(toReward);
  }

  async sanctionsOf(employeeIds: readonly string[]): Promise<Sanction[]> {
    return (await this.prisma.sanction.findMany({ where: { employeeId: { in: onlyUuids(employeeIds) } }, orderBy: { issuedAt: 'desc' } })).map(toSanction);
  }

  async grantReward(reward: Reward, audit: AuditContext, events: readonly DomainEvent[]): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.reward.create({ data: { ...reward, grantedBy: audit.actorUserId } }),
      this.prisma.auditLog.create({
        data: auditRow(audit, { action: 'reward.granted', entityType: 'Reward', entityId: reward.id, agencyId: reward.agencyId, before: null, after: reward }),
      }),
      this.prisma.outboxEvent.createMany({ data: outboxRowsOf('performance', events) }),
    ]);
    this.afterOutboxCommit();
  }

  async issueSanction(sanction: Sanction, audit: AuditContext, events: readonly DomainEvent[]): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.sanction.create({ data: { ...sanction, issuedBy: audit.actorUserId } }),
      this.prisma.auditLog.create({
        data: auditRow(audit, {
          action: 'sanction.issued',
          entityType: 'Sanction',
          entityId: sanction.id,
          agencyId: sanction.agencyId,
          before: null,
          after: sanction,
        }),
      }),
      this.prisma.outboxEvent.createMany({ data: outboxRowsOf('performance', events) }),
    ]);
    this.afterOutboxCommit();
  }
}
