import { randomUUID } from 'node:crypto';

import { createEnvelope } from '@kinerja/events';

import { consumerOf } from '../../../test/support/deliver';
import { type PerformanceHarness, startPerformanceOnPostgres } from './performance-harness';
import { person, registeredPayload } from './support/organisation';

// An employee event that names another agency than the copy performance holds is not believed:
// believed, it would put the employee under another agency's supervisor, who could then rate them.
describe('performance doubts an employee event of another agency', () => {
  let h: PerformanceHarness;
  let consume: ReturnType<typeof consumerOf>;

  beforeAll(async () => {
    h = await startPerformanceOnPostgres('perf_agency_doubt');
    consume = consumerOf('performance', h.service.wiring.handlers);
  });
  afterAll(() => h?.stop());

  it('dead-letters a transfer under another agency with the reason; the copy, its audit and the claims stay as they were', async () => {
    const agencyId = randomUUID();
    const unitId = randomUUID();
    const employee = person(agencyId, unitId, null, 'Pegawai Tetap');
    const registered = createEnvelope({
      id: randomUUID(),
      type: 'identity.employee.registered',
      agencyId,
      producer: 'identity',
      occurredAt: new Date('2026-01-01T00:00:00Z'),
      payload: registeredPayload(employee),
    });
    expect((await consume(registered)).outcome).toBe('handled');
    const audits = await h.service.prisma.auditLog.count({ where: { entityId: employee.employeeId } });

    const otherAgency = randomUUID();
    const otherSupervisor = randomUUID();
    const forged = createEnvelope({
      id: randomUUID(),
      type: 'identity.employee.transferred',
      agencyId: otherAgency,
      producer: 'identity',
      occurredAt: new Date('2026-02-01T00:00:00Z'),
      payload: {
        ...registeredPayload(employee),
        agencyId: otherAgency,
        orgUnitId: randomUUID(),
        supervisorEmployeeId: otherSupervisor,
        previousOrgUnitId: unitId,
        previousPositionId: null,
      },
    });
    const { outcome, deadLetters } = await consume(forged);

    expect(outcome).toBe('dead-lettered');
    expect(deadLetters[0]).toMatchObject({ topic: 'identity.employee.transferred.dlq', headers: { 'event-id': forged.id, 'dlq-consumer': 'performance' } });
    expect(deadLetters[0]?.headers['dlq-reason']).toMatch(new RegExp(`^AGENCY_MISMATCH: .*holds them under agency ${agencyId}`));
    expect(await h.service.prisma.employeeCopy.findUnique({ where: { employeeId: employee.employeeId } })).toMatchObject({
      agencyId,
      orgUnitId: unitId,
      supervisorEmployeeId: null,
    });
    expect(await h.service.prisma.auditLog.count({ where: { entityId: employee.employeeId } })).toBe(audits);
    expect(await h.service.prisma.processedEvent.count({ where: { eventId: forged.id } })).toBe(0);
  });
});
