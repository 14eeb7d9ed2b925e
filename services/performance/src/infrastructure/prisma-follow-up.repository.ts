import { type AuditContext, auditRow } from '@kinerja/database';
import { outboxRow } from '@kinerja/messaging';

import type { Reward, Sanction } from '../domain/follow-up.rule';
import type { FollowUpRepository } from '../domain/repositories';
import { toReward, toSanction } from './mappers';
import type { PerformancePrisma } from './prisma-client';
import { onlyUuids } from './uuid';

const asRow = (row: ReturnType<typeof outboxRow>) => ({ ...row, envelope: row.envelope as object });

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

  async grantReward(reward: Reward, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.reward.create({ data: { ...reward, grantedBy: audit.actorUserId } }),
      this.prisma.auditLog.create({
        data: auditRow(audit, { action: 'reward.granted', entityType: 'Reward', entityId: reward.id, agencyId: reward.agencyId, before: null, after: reward }),
      }),
      this.prisma.outboxEvent.create({
        data: asRow(
          outboxRow({
            type: 'performance.reward.granted',
            agencyId: reward.agencyId,
            producer: 'performance',
            payload: { rewardId: reward.id, employeeId: reward.employeeId, kind: reward.kind, assessmentId: reward.assessmentId, note: reward.note },
          }),
        ),
      }),
    ]);
    this.afterOutboxCommit();
  }

  async issueSanction(sanction: Sanction, audit: AuditContext): Promise<void> {
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
      this.prisma.outboxEvent.create({
        data: asRow(
          outboxRow({
            type: 'performance.sanction.issued',
            agencyId: sanction.agencyId,
            producer: 'performance',
            payload: {
              sanctionId: sanction.id,
              employeeId: sanction.employeeId,
              kind: sanction.kind,
              assessmentId: sanction.assessmentId,
              note: sanction.note,
            },
          }),
        ),
      }),
    ]);
    this.afterOutboxCommit();
  }
}
