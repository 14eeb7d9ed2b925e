import { randomUUID } from 'node:crypto';

import { consumerOf } from '../../../test/support/deliver';
import { employeeRegistered } from './support/events';
import { type HandlerHarness, openHandlerHarness } from './support/harness';

// An employee event that names another agency than the copy recruitment holds is not believed:
// believed, it would let another agency appoint the employee to its selection committees.
describe('recruitment doubts an employee event of another agency', () => {
  let harness: HandlerHarness;
  let consume: ReturnType<typeof consumerOf>;

  beforeAll(async () => {
    harness = await openHandlerHarness('rec_agency_doubt');
    consume = consumerOf('recruitment', harness.handlers);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const registered = (employeeId: string, agencyId: string, occurredAt: Date) => employeeRegistered({ employeeId, agencyId, name: 'Budi Santoso' }, occurredAt);

  it('dead-letters a registration of a held employee under another agency, with the reason; the copy stays', async () => {
    const employeeId = randomUUID();
    const agencyId = randomUUID();
    expect((await consume(registered(employeeId, agencyId, new Date('2026-01-01T00:00:00Z')))).outcome).toBe('handled');
    const forged = registered(employeeId, randomUUID(), new Date('2026-02-01T00:00:00Z'));

    const { outcome, deadLetters } = await consume(forged);

    expect(outcome).toBe('dead-lettered');
    expect(deadLetters[0]?.topic).toBe('identity.employee.registered.dlq');
    expect(deadLetters[0]?.headers['dlq-reason']).toMatch(new RegExp(`^AGENCY_MISMATCH: .*holds them under agency ${agencyId}`));
    expect(await harness.prisma.employeeCopy.findUnique({ where: { employeeId } })).toMatchObject({ agencyId });
    expect(await harness.prisma.processedEvent.count({ where: { eventId: forged.id } })).toBe(0);
  });
});
