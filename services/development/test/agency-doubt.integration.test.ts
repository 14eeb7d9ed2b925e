import { randomUUID } from 'node:crypto';

import { createEnvelope } from '@kinerja/events';
import { randomIds, systemClock } from '@kinerja/kernel';

import { consumerOf } from '../../../test/support/deliver';
import { developmentEventHandlers } from '../src/development.module';
import { type HandlerHarness, openHandlerHarness } from './development-harness';
import { employeeRegistered, testEmployee } from './support/events';

// An employee event that names another agency than the copy development holds is not believed.
describe('development doubts an employee event of another agency', () => {
  let harness: HandlerHarness;
  let consume: ReturnType<typeof consumerOf>;
  const agencyId = randomUUID();

  beforeAll(async () => {
    harness = await openHandlerHarness('dev_agency_doubt');
    consume = consumerOf('development', developmentEventHandlers(harness.prisma, { ids: randomIds, clock: systemClock }));
  });
  afterAll(() => harness?.stop());

  it('dead-letters a snapshot that moves a held employee to another agency, with the reason; the copy stays', async () => {
    const employee = testEmployee(agencyId);
    expect((await consume(employeeRegistered(employee, new Date('2026-01-01T00:00:00Z')))).outcome).toBe('handled');
    const otherAgency = randomUUID();
    const forged = createEnvelope({
      id: randomUUID(),
      type: 'identity.employee.snapshot',
      agencyId: otherAgency,
      producer: 'identity',
      occurredAt: new Date('2026-02-01T00:00:00Z'),
      payload: { ...employee, agencyId: otherAgency, orgUnitId: randomUUID(), positionId: null, status: 'ACTIVE' },
    });

    const { outcome, deadLetters } = await consume(forged);

    expect(outcome).toBe('dead-lettered');
    expect(deadLetters.map((letter) => [letter.topic, letter.headers['event-id'], letter.headers['dlq-consumer']])).toEqual([
      ['identity.employee.snapshot.dlq', forged.id, 'development'],
    ]);
    expect(deadLetters[0]?.headers['dlq-reason']).toMatch(new RegExp(`^AGENCY_MISMATCH: .*holds them under agency ${agencyId}`));
    expect(await harness.prisma.employeeCopy.findUnique({ where: { employeeId: employee.employeeId } })).toMatchObject({ agencyId });
    expect(await harness.prisma.processedEvent.count({ where: { eventId: forged.id } })).toBe(0);
  });
});
