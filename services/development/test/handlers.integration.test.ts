import { randomUUID } from 'node:crypto';

import { type HandlerHarness, openHandlerHarness } from './development-harness';
import { applicantHired, assessmentFinalized, employeeRegistered, sanctionIssued, testEmployee } from './support/events';

// The per-message handlers, called the way the consumer calls them, on a real database: no broker.
describe('development event handlers', () => {
  let harness: HandlerHarness;
  const agencyId = randomUUID();

  beforeAll(async () => {
    harness = await openHandlerHarness('handlers');
  });
  afterAll(() => harness?.stop());

  const assignmentsOf = (employeeId: string) => harness.prisma.trainingAssignment.findMany({ where: { employeeId }, orderBy: { createdAt: 'asc' } });
  const outboxOf = (type: string) => harness.prisma.outboxEvent.findMany({ where: { type } });

  async function registered(overrides: Parameters<typeof testEmployee>[1] = {}) {
    const employee = testEmployee(agencyId, overrides);
    await harness.deliver(employeeRegistered(employee));
    return employee;
  }

  describe('keep-employee-copy-when-employee-changed', () => {
    it('keeps the latest unit, supervisor and status, and ignores an older event arriving late', async () => {
      const employee = testEmployee(agencyId);
      const supervisorEmployeeId = randomUUID();
      await harness.deliver(employeeRegistered(employee, new Date('2026-01-01T00:00:00Z')));
      await harness.deliver(employeeRegistered({ ...employee, supervisorEmployeeId, name: 'Budi Santoso, S.E.' }, new Date('2026-03-01T00:00:00Z')));
      await harness.deliver(employeeRegistered({ ...employee, name: 'Stale Name' }, new Date('2026-02-01T00:00:00Z')));
      const copy = await harness.prisma.employeeCopy.findUniqueOrThrow({ where: { employeeId: employee.employeeId } });
      expect(copy).toMatchObject({ name: 'Budi Santoso, S.E.', supervisorEmployeeId, status: 'ACTIVE', agencyId });
    });
  });

  describe('assign-training-when-assessment-finalized', () => {
    it('assigns the mapped programme for Kolaboratif rated BELOW, with the reason and the event id, and publishes it', async () => {
      const employee = await registered();
      const event = assessmentFinalized(employee, { behaviourGaps: ['KOLABORATIF'] });
      await harness.deliver(event);
      const [assignment, ...more] = await assignmentsOf(employee.employeeId);
      expect(more).toEqual([]);
      expect(assignment).toMatchObject({ programmeCode: 'KOM-EFEKTIF', status: 'ASSIGNED', reason: 'PERFORMANCE_GAP', sourceEventId: event.id, agencyId });
      expect(assignment?.gaps).toEqual([{ kind: 'CORE_VALUE', value: 'KOLABORATIF' }]);
      const published = (await outboxOf('development.training.assigned')).filter((row) => row.key === employee.employeeId);
      expect(published.map((row) => (row.envelope as { payload: { assignmentId: string; sourceEventId: string } }).payload)).toEqual([
        expect.objectContaining({ assignmentId: assignment?.id, sourceEventId: event.id, reason: 'PERFORMANCE_GAP' }),
      ]);
      expect(await harness.prisma.auditLog.count({ where: { entityId: assignment?.id, action: 'training-assignment.created' } })).toBe(1);
    });

    it('has no second effect when the same event is delivered again', async () => {
      const employee = await registered();
      const event = assessmentFinalized(employee, { behaviourGaps: ['KOLABORATIF', 'AKUNTABEL'] });
      await harness.deliver(event);
      await harness.deliver(event);
      await Promise.all([harness.deliver(event), harness.deliver(event)]);
      expect((await assignmentsOf(employee.employeeId)).map((a) => a.programmeCode)).toEqual(['KOM-EFEKTIF', 'AKUNTABILITAS-KINERJA']);
      expect((await outboxOf('development.training.assigned')).filter((row) => row.key === employee.employeeId)).toHaveLength(2);
    });

    it('leaves a gap no programme matches to HR (AWAITING_HR_CHOICE) instead of dropping it', async () => {
      const otherAgency = randomUUID();
      await harness.prisma.gapProgrammeMapping.create({ data: { agencyId: otherAgency, gap: 'CORE_VALUE:HARMONIS', programmeCode: 'TIDAK-ADA' } });
      const employee = testEmployee(otherAgency);
      await harness.deliver(employeeRegistered(employee));
      const event = assessmentFinalized(employee, { predikat: 'SANGAT_KURANG', behaviourGaps: ['HARMONIS', 'KOLABORATIF'] });
      await harness.deliver(event);
      const assignments = await assignmentsOf(employee.employeeId);
      expect(assignments.map((a) => [a.status, a.programmeCode, a.gaps])).toEqual(
        expect.arrayContaining([
          ['AWAITING_HR_CHOICE', null, [{ kind: 'CORE_VALUE', value: 'HARMONIS' }]],
          ['ASSIGNED', 'KOM-EFEKTIF', [{ kind: 'CORE_VALUE', value: 'KOLABORATIF' }]],
        ]),
      );
      expect(assignments).toHaveLength(2);
    });

    it('answers several MAIN work results rated BELOW with one programme, and a poor predikat without named gaps as a whole', async () => {
      const employee = await registered();
      const results = [
        { workResultId: randomUUID(), title: 'Laporan keuangan tepat waktu' },
        { workResultId: randomUUID(), title: 'Indeks kepuasan layanan' },
      ];
      await harness.deliver(assessmentFinalized(employee, { predikat: 'BUTUH_PERBAIKAN', behaviourGaps: [], workResultGaps: results }));
      await harness.deliver(assessmentFinalized(employee, { predikat: 'BUTUH_PERBAIKAN', behaviourGaps: [], workResultGaps: [] }));
      const [byResults, overall] = await assignmentsOf(employee.employeeId);
      expect(byResults).toMatchObject({ programmeCode: 'PERENCANAAN-KINERJA', status: 'ASSIGNED' });
      expect(byResults?.gaps).toHaveLength(2);
      expect(overall).toMatchObject({ programmeCode: null, status: 'AWAITING_HR_CHOICE', gaps: [{ kind: 'OVERALL', predikat: 'BUTUH_PERBAIKAN' }] });
    });

    it('assigns nothing for a good predikat', async () => {
      const employee = await registered();
      await harness.deliver(assessmentFinalized(employee, { predikat: 'BAIK', behaviourGaps: [] }));
      expect(await assignmentsOf(employee.employeeId)).toEqual([]);
    });

    it("sends a PPPK's programme to HR when it would pass the 24 JP cap", async () => {
      const employee = await registered({ employmentType: 'PPPK' });
      await harness.deliver(assessmentFinalized(employee, { behaviourGaps: ['BERORIENTASI_PELAYANAN', 'KOLABORATIF'] }));
      const assignments = await assignmentsOf(employee.employeeId);
      expect(assignments.map((a) => [a.status, a.programmeCode])).toEqual([
        ['ASSIGNED', 'PELAYANAN-PRIMA'],
        ['AWAITING_HR_CHOICE', null],
      ]);
    });
  });

  describe('assign-coaching-when-sanction-issued', () => {
    it('assigns coaching for a coaching sanction, once, and nothing for other sanctions', async () => {
      const employee = await registered();
      const coaching = sanctionIssued(employee, 'COACHING');
      await harness.deliver(coaching);
      await harness.deliver(coaching);
      await harness.deliver(sanctionIssued(employee, 'WRITTEN_WARNING'));
      const assignments = await assignmentsOf(employee.employeeId);
      expect(assignments.map((a) => [a.programmeCode, a.reason, a.sourceEventId])).toEqual([['COACHING-KINERJA', 'SANCTION_COACHING', coaching.id]]);
    });
  });

  describe('assign-latsar-when-applicant-hired', () => {
    it('assigns Latsar CPNS to a hired CPNS already known from identity', async () => {
      const employee = await registered({ employmentType: 'CPNS' });
      const hired = applicantHired(employee);
      await harness.deliver(hired);
      expect((await assignmentsOf(employee.employeeId)).map((a) => [a.programmeCode, a.reason, a.sourceEventId])).toEqual([
        ['LATSAR-CPNS', 'LATSAR_CPNS', hired.id],
      ]);
    });

    it('waits for identity when the hire arrives first, and never assigns one application twice', async () => {
      const employee = testEmployee(agencyId, { employmentType: 'CPNS' });
      const hired = applicantHired(employee);
      await harness.deliver(hired);
      expect(await harness.prisma.pendingHire.count({ where: { applicationId: hired.payload.applicationId } })).toBe(1);
      await harness.deliver(employeeRegistered(employee));
      await harness.deliver(applicantHired(employee, hired.payload.applicationId));
      expect((await assignmentsOf(employee.employeeId)).map((a) => [a.programmeCode, a.sourceEventId])).toEqual([['LATSAR-CPNS', hired.id]]);
      expect(await harness.prisma.pendingHire.count({ where: { applicationId: hired.payload.applicationId } })).toBe(0);
    });

    it('does not assign Latsar CPNS to a hired PPPK', async () => {
      const employee = await registered({ employmentType: 'PPPK' });
      await harness.deliver(applicantHired(employee));
      expect(await assignmentsOf(employee.employeeId)).toEqual([]);
    });
  });
});
