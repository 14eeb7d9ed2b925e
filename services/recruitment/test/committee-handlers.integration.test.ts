import { randomUUID } from 'node:crypto';

import { type Deliver, deliverer } from '../../../test/support/deliver';
import { employeeRegistered, trainingCompleted } from './support/events';
import { type HandlerHarness, openHandlerHarness } from './support/harness';

// recruitment's handlers called the way the consumer calls them, on a real database: no broker.
describe('recruitment event handlers', () => {
  let harness: HandlerHarness;
  let deliver: Deliver;
  const agencyId = randomUUID();

  beforeAll(async () => {
    harness = await openHandlerHarness('recruitment_handlers');
    deliver = deliverer('recruitment', harness.handlers);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const completed = (employeeId: string, programTitle: string) => trainingCompleted({ employeeId, agencyId }, programTitle, '2026-11-30T03:00:00.000Z');
  const registered = (employeeId: string, name: string, occurredAt: Date) => employeeRegistered({ employeeId, agencyId, name }, occurredAt);

  it('records the committee training once, claimed with the event, and ignores other programmes', async () => {
    const trained = randomUUID();
    const other = randomUUID();
    const event = completed(trained, 'Pelatihan Panitia Seleksi ASN');
    await deliver(event);
    await Promise.all([deliver(event), deliver(event)]);
    await deliver(completed(other, 'Latsar CPNS'));

    expect(await harness.prisma.committeeTraining.findMany({ where: { employeeId: { in: [trained, other] } } })).toEqual([
      expect.objectContaining({ employeeId: trained, programTitle: 'Pelatihan Panitia Seleksi ASN', completedAt: new Date('2026-11-30T03:00:00.000Z') }),
    ]);
    expect(await harness.prisma.processedEvent.count({ where: { eventId: event.id, consumer: 'recruitment' } })).toBe(1);
  });

  it('keeps the employee copy as of the latest event, ignoring an older one arriving late', async () => {
    const employeeId = randomUUID();
    await deliver(registered(employeeId, 'Rina', new Date('2026-01-01T00:00:00Z')));
    await deliver(registered(employeeId, 'Rina Wati, S.Psi.', new Date('2026-03-01T00:00:00Z')));
    await deliver(registered(employeeId, 'Stale', new Date('2026-02-01T00:00:00Z')));
    expect(await harness.prisma.employeeCopy.findUniqueOrThrow({ where: { employeeId } })).toMatchObject({
      agencyId,
      name: 'Rina Wati, S.Psi.',
      status: 'ACTIVE',
    });
  });
});
