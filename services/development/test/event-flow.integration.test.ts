import { randomUUID } from 'node:crypto';

import type { EventEnvelope } from '@kinerja/events';
import { type IncomingMessage, InProcessTransport, toMessage } from '@kinerja/messaging';

import { type DevelopmentHarness, startDevelopmentOnPostgres, viewers } from './development-harness';
import { asViewer } from './support/client';
import { applicantHired, assessmentFinalized, employeeRegistered, testEmployee } from './support/events';

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// The running service on the in-process transport: events in through the consumer, events out through the outbox relay.
describe('development consumes and publishes through its transport', () => {
  let harness: DevelopmentHarness;
  let transport: InProcessTransport;
  const published: IncomingMessage[] = [];
  const agencyId = randomUUID();

  beforeAll(async () => {
    transport = new InProcessTransport();
    harness = await startDevelopmentOnPostgres('flow', { transport });
    const topics = ['development.training.assigned', 'development.training.completed', 'performance.assessment.finalized.dlq'];
    await transport.subscribe({ groupId: 'probe', topics, handle: async (message) => void published.push(message) });
  });
  afterAll(() => harness?.stop());

  const produce = (...events: EventEnvelope[]) => transport.publish(events.map((event) => toMessage(event.type, 'k', event)));

  it('turns a produced poor assessment into an assignment visible on Employee.trainingAssignments, and publishes it', async () => {
    const employee = testEmployee(agencyId);
    const finalized = assessmentFinalized(employee, { behaviourGaps: ['KOLABORATIF'] });
    await produce(employeeRegistered(employee), finalized, finalized);
    await transport.idle();
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { trainingAssignments { reason sourceEventId program { code } } } } }`;
    const result = await asViewer(harness, viewers.hrOf(agencyId))(query, { reps: [{ __typename: 'Employee', id: employee.employeeId }] });
    expect(result.data?.['_entities'][0].trainingAssignments).toEqual([
      { reason: 'PERFORMANCE_GAP', sourceEventId: finalized.id, program: { code: 'KOM-EFEKTIF' } },
    ]);
    const message = await until(() => published.find((m) => m.topic === 'development.training.assigned' && m.value.includes(finalized.id)));
    expect(JSON.parse(message.value)).toMatchObject({
      producer: 'development',
      agencyId,
      payload: { employeeId: employee.employeeId, sourceEventId: finalized.id },
    });
  });

  it('assigns Latsar CPNS from a produced recruitment.applicant.hired', async () => {
    const employee = testEmployee(agencyId, { employmentType: 'CPNS' });
    const hired = applicantHired(employee);
    await produce(hired, employeeRegistered(employee));
    await transport.idle();
    const assignments = await harness.service.prisma.trainingAssignment.findMany({ where: { employeeId: employee.employeeId } });
    expect(assignments.map((a) => [a.programmeCode, a.reason, a.sourceEventId])).toEqual([['LATSAR-CPNS', 'LATSAR_CPNS', hired.id]]);
  });

  it('dead-letters a message that is not a valid event, and keeps consuming', async () => {
    await transport.publish([{ topic: 'performance.assessment.finalized', key: 'k', value: '{"not":"an event"}', headers: {} }]);
    await transport.idle();
    const letter = await until(() => published.find((m) => m.topic === 'performance.assessment.finalized.dlq'));
    expect(letter.headers['dlq-consumer']).toBe('development');
    expect(harness.service.consumer.isRunning()).toBe(true);
  });
});
