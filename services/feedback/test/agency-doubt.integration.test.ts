import { randomUUID } from 'node:crypto';

import { randomIds, systemClock } from '@kinerja/kernel';

import { consumerOf } from '../../../test/support/deliver';
import { feedbackEventHandlers } from '../src/feedback.module';
import { type HandlerHarness, openHandlerHarness } from './feedback-harness';
import { employeeRegistered, employeeTransferred, testEmployee } from './support/events';

// An employee event that names another agency than the copy feedback holds is not believed.
describe('feedback doubts an employee event of another agency', () => {
  let harness: HandlerHarness;
  let consume: ReturnType<typeof consumerOf>;
  const agencyId = randomUUID();

  beforeAll(async () => {
    harness = await openHandlerHarness('fb_agency_doubt');
    consume = consumerOf('feedback', feedbackEventHandlers(harness.prisma, { ids: randomIds, clock: systemClock }));
  });
  afterAll(() => harness?.stop());

  it('dead-letters a transfer into another agency with the reason; the copy and the claims stay as they were', async () => {
    const employee = testEmployee(agencyId);
    expect((await consume(employeeRegistered(employee, new Date('2026-01-01T00:00:00Z')))).outcome).toBe('handled');

    const forged = employeeTransferred(
      { ...employee, agencyId: randomUUID(), supervisorEmployeeId: randomUUID() },
      employee.orgUnitId,
      new Date('2026-02-01T00:00:00Z'),
    );
    const { outcome, deadLetters } = await consume(forged);

    expect(outcome).toBe('dead-lettered');
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({ topic: 'identity.employee.transferred.dlq', headers: { 'event-id': forged.id, 'dlq-consumer': 'feedback' } });
    expect(deadLetters[0]?.headers['dlq-reason']).toMatch(
      new RegExp(`^AGENCY_MISMATCH: .*employee ${employee.employeeId}.*holds them under agency ${agencyId}`),
    );
    expect(await harness.prisma.employeeCopy.findUnique({ where: { employeeId: employee.employeeId } })).toMatchObject({
      agencyId,
      orgUnitId: employee.orgUnitId,
      supervisorEmployeeId: null,
    });
    expect(await harness.prisma.processedEvent.count({ where: { eventId: forged.id } })).toBe(0);
  });

  it('believes a transfer inside the agency it holds the employee under', async () => {
    const employee = testEmployee(agencyId);
    await consume(employeeRegistered(employee, new Date('2026-01-01T00:00:00Z')));
    const moved = { ...employee, orgUnitId: randomUUID() };
    expect((await consume(employeeTransferred(moved, employee.orgUnitId, new Date('2026-02-01T00:00:00Z')))).outcome).toBe('handled');
    expect(await harness.prisma.employeeCopy.findUnique({ where: { employeeId: employee.employeeId } })).toMatchObject({ orgUnitId: moved.orgUnitId });
  });
});
