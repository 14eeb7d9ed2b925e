import { randomUUID } from 'node:crypto';

import { type HandlerHarness, openHandlerHarness } from './feedback-harness';
import { assessmentFinalized, employeeLeft, employeeRegistered, employeeSnapshot, employeeTransferred, testEmployee } from './support/events';

// The per-message handlers, called the way the consumer calls them, on a real database: no broker.
describe('feedback event handlers', () => {
  let harness: HandlerHarness;
  const agencyId = randomUUID();

  beforeAll(async () => {
    harness = await openHandlerHarness('fb_handlers');
  });
  afterAll(() => harness?.stop());

  const copyOf = (employeeId: string) => harness.prisma.employeeCopy.findUnique({ where: { employeeId } });
  const claims = (eventId: string) => harness.prisma.processedEvent.count({ where: { eventId, consumer: 'feedback' } });

  describe('keep-employee-copy-when-employee-changed', () => {
    it('keeps the reporting line of a registered employee and follows a transfer', async () => {
      const supervisorEmployeeId = randomUUID();
      const employee = testEmployee(agencyId, { supervisorEmployeeId });
      await harness.deliver(employeeRegistered(employee, new Date('2026-01-01T00:00:00Z')));
      expect(await copyOf(employee.employeeId)).toMatchObject({ agencyId, orgUnitId: employee.orgUnitId, supervisorEmployeeId, status: 'ACTIVE' });

      const moved = { ...employee, orgUnitId: randomUUID(), supervisorEmployeeId: randomUUID() };
      await harness.deliver(employeeTransferred(moved, employee.orgUnitId, new Date('2026-02-01T00:00:00Z')));
      expect(await copyOf(employee.employeeId)).toMatchObject({
        orgUnitId: moved.orgUnitId,
        supervisorEmployeeId: moved.supervisorEmployeeId,
        status: 'ACTIVE',
      });
    });

    it('has no second effect when the same event is delivered again, even concurrently', async () => {
      const employee = testEmployee(agencyId);
      const event = employeeRegistered(employee, new Date('2026-01-01T00:00:00Z'));
      await harness.deliver(event);
      // A later change, then the first event redelivered: the claim keeps it from rolling the copy back.
      await harness.deliver(employeeRegistered({ ...employee, name: 'Siti Rahma, S.Kom.' }, new Date('2026-03-01T00:00:00Z')));
      await harness.deliver(event);
      await Promise.all([harness.deliver(event), harness.deliver(event)]);
      expect(await copyOf(employee.employeeId)).toMatchObject({ name: 'Siti Rahma, S.Kom.' });
      expect(await claims(event.id)).toBe(1);
    });

    it('ignores an older event arriving after a newer one (out of order across topics)', async () => {
      const employee = testEmployee(agencyId);
      const newSupervisor = randomUUID();
      await harness.deliver(employeeLeft({ ...employee, supervisorEmployeeId: newSupervisor }, new Date('2026-05-01T00:00:00Z')));
      await harness.deliver(employeeRegistered(employee, new Date('2026-01-01T00:00:00Z')));
      expect(await copyOf(employee.employeeId)).toMatchObject({ status: 'LEFT', supervisorEmployeeId: newSupervisor });
    });

    it('takes the status of a snapshot (backfill), and keeps ON_LEAVE across a transfer', async () => {
      const employee = testEmployee(agencyId);
      await harness.deliver(employeeSnapshot(employee, 'ON_LEAVE', new Date('2026-01-01T00:00:00Z')));
      await harness.deliver(employeeTransferred({ ...employee, orgUnitId: randomUUID() }, employee.orgUnitId, new Date('2026-01-02T00:00:00Z')));
      expect(await copyOf(employee.employeeId)).toMatchObject({ status: 'ON_LEAVE' });
    });
  });

  describe('schedule-follow-up-when-assessment-finalized', () => {
    const dialoguesOf = (employeeId: string) => harness.prisma.performanceDialogue.findMany({ where: { employeeId } });

    it('makes a required FOLLOW_UP due within the default 30 days for a poor predikat, once', async () => {
      const supervisorEmployeeId = randomUUID();
      const employee = testEmployee(agencyId, { supervisorEmployeeId });
      await harness.deliver(employeeRegistered(employee));
      const event = assessmentFinalized(employee, { predikat: 'BUTUH_PERBAIKAN' }, new Date('2027-01-10T20:00:00Z'));
      await harness.deliver(event);
      await harness.deliver(event);
      await Promise.all([harness.deliver(event), harness.deliver(event)]);
      const dialogues = await dialoguesOf(employee.employeeId);
      // 20:00 UTC is already the 11th in WIB.
      expect(dialogues.map((d) => [d.kind, d.status, d.required, d.dueBy?.toISOString().slice(0, 10), d.supervisorEmployeeId, d.sourceEventId])).toEqual([
        ['FOLLOW_UP', 'DUE', true, '2027-02-10', supervisorEmployeeId, event.id],
      ]);
      expect(await harness.prisma.auditLog.count({ where: { entityId: dialogues[0]?.id, action: 'dialogue.due' } })).toBe(1);
    });

    it("uses the agency's own window, flags a good predikat as not required, and works before the employee is known", async () => {
      const otherAgency = randomUUID();
      await harness.prisma.agencySetting.create({ data: { agencyId: otherAgency, followUpDays: 14 } });
      const employee = testEmployee(otherAgency);
      await harness.deliver(assessmentFinalized(employee, { predikat: 'BAIK' }, new Date('2027-03-01T03:00:00Z')));
      const [dialogue] = await dialoguesOf(employee.employeeId);
      expect(dialogue).toMatchObject({ agencyId: otherAgency, required: false, status: 'DUE', supervisorEmployeeId: null });
      expect(dialogue?.dueBy?.toISOString().slice(0, 10)).toBe('2027-03-15');
    });
  });
});
