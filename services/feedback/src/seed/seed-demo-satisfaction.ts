import { type Clock, todayIn } from '@kinerja/kernel';

import { monthOf } from '../domain/citizen-survey';
import type { FeedbackPrisma } from '../infrastructure/prisma-client';

/** Demo sums of 40 citizens per element (means 2.75–3.75): an IKM in grade B. */
const DEMO_RESPONSES = 40;
const DEMO_SUMS = {
  requirements: 130,
  procedure: 128,
  serviceTime: 118,
  cost: 150,
  product: 135,
  staffCompetence: 140,
  staffBehaviour: 145,
  complaintHandling: 110,
  facilities: 125,
};

/**
 * Demo citizen satisfaction: in every agency feedback's employee copy knows and that has no service
 * unit yet, its two largest units are marked as serving the public with this month's answers.
 * Idempotent (an agency with any service unit, marked or unmarked by HR, is left alone); on an
 * empty copy it does nothing. Returns how many units it marked.
 */
export async function seedDemoSatisfaction(prisma: FeedbackPrisma, clock: Clock): Promise<number> {
  const units = await prisma.employeeCopy.groupBy({
    by: ['agencyId', 'orgUnitId'],
    where: { status: { not: 'LEFT' } },
    _count: { _all: true },
    orderBy: [{ agencyId: 'asc' }, { _count: { employeeId: 'desc' } }, { orgUnitId: 'asc' }],
  });
  const served = new Set((await prisma.serviceUnit.findMany({ select: { agencyId: true }, distinct: ['agencyId'] })).map((unit) => unit.agencyId));
  const chosen = new Map<string, string[]>();
  for (const unit of units) {
    if (served.has(unit.agencyId)) continue;
    const list = chosen.get(unit.agencyId) ?? [];
    if (list.length < 2) chosen.set(unit.agencyId, [...list, unit.orgUnitId]);
  }
  const now = clock.now();
  const month = monthOf(todayIn(clock));
  const rows = [...chosen].flatMap(([agencyId, orgUnitIds]) => orgUnitIds.map((orgUnitId) => ({ agencyId, orgUnitId })));
  if (rows.length === 0) return 0;
  await prisma.$transaction([
    prisma.serviceUnit.createMany({ data: rows.map((row) => ({ ...row, servesPublic: true, changedAt: now })), skipDuplicates: true }),
    prisma.satisfactionAggregate.createMany({ data: rows.map((row) => ({ ...row, month, responses: DEMO_RESPONSES, ...DEMO_SUMS })), skipDuplicates: true }),
  ]);
  return rows.length;
}
