import { randomUUID } from 'node:crypto';

import { createEnvelope, type EventPayload, type EventType } from '@kinerja/events';
import { randomIds } from '@kinerja/kernel';
import { createLogger } from '@kinerja/logger';
import { createMessageProcessor, type IncomingMessage, toMessage } from '@kinerja/messaging';

import { keepEmployeeCopyWhenEmployeeChanged } from '../src/application/keep-employee-copy-when-employee-changed.handler';
import { performanceEventHandlers } from '../src/performance.module';
import { type PerformanceHarness, startWithOrganisation } from './performance-harness';
import { approvedPlan, CREATE_PERIOD, CREATE_PLAN, ok, SUBMIT } from './support/operations';
import { type demoOrganisation, person, registeredPayload } from './support/organisation';

// The per-message handlers, called directly (no broker) on a real PostgreSQL database.
describe('event handlers', () => {
  let h: PerformanceHarness;
  let org: ReturnType<typeof demoOrganisation>;

  beforeAll(async () => {
    ({ harness: h, org } = await startWithOrganisation('events'));
  });
  afterAll(() => h?.stop());

  const envelope = <T extends EventType>(type: T, payload: EventPayload<T>, occurredAt: Date, id = randomUUID()) =>
    createEnvelope({ id, type, agencyId: org.agencyA, producer: 'identity', payload, occurredAt });
  const handlers = () => keepEmployeeCopyWhenEmployeeChanged(h.repositories.copies);
  const copyOf = (employeeId: string) => h.service.prisma.employeeCopy.findUniqueOrThrow({ where: { employeeId } });

  it('keeps a copy of a registered employee with the supervisor line', async () => {
    const newcomer = person(org.agencyA, org.unitA, org.supervisor, 'Pegawai Baru');
    await handlers()['identity.employee.registered'](envelope('identity.employee.registered', registeredPayload(newcomer), new Date()));
    expect(await copyOf(newcomer.employeeId)).toMatchObject({
      agencyId: org.agencyA,
      orgUnitId: org.unitA,
      supervisorEmployeeId: org.supervisor.employeeId,
      status: 'ACTIVE',
    });
  });

  it('has no second effect when the same event is delivered again', async () => {
    const mover = person(org.agencyA, org.unitA, org.supervisor, 'Pegawai Mutasi');
    await handlers()['identity.employee.registered'](envelope('identity.employee.registered', registeredPayload(mover), new Date('2031-01-01T00:00:00Z')));
    const transfer = envelope(
      'identity.employee.transferred',
      {
        ...registeredPayload(mover),
        orgUnitId: org.unitA2,
        supervisorEmployeeId: org.otherSupervisor.employeeId,
        previousOrgUnitId: org.unitA,
        previousPositionId: null,
      },
      new Date('2031-02-01T00:00:00Z'),
    );
    await handlers()['identity.employee.transferred'](transfer);
    // Something changed the copy after the event was handled; a redelivery must not undo it.
    await h.service.prisma.employeeCopy.update({ where: { employeeId: mover.employeeId }, data: { name: 'Changed later' } });
    const audits = await h.service.prisma.auditLog.count({ where: { entityId: mover.employeeId } });
    await handlers()['identity.employee.transferred'](transfer);
    expect(await copyOf(mover.employeeId)).toMatchObject({ name: 'Changed later', orgUnitId: org.unitA2 });
    expect(await h.service.prisma.auditLog.count({ where: { entityId: mover.employeeId } })).toBe(audits);
    expect(await h.service.prisma.processedEvent.count({ where: { eventId: transfer.id } })).toBe(1);
  });

  it('ignores an event older than the copy (topics are not ordered among each other)', async () => {
    const employee = person(org.agencyA, org.unitA, org.supervisor, 'Pegawai Cuti');
    const base = registeredPayload(employee);
    await handlers()['identity.employee.snapshot'](envelope('identity.employee.snapshot', { ...base, status: 'ON_LEAVE' }, new Date('2031-03-01T00:00:00Z')));
    await handlers()['identity.employee.registered'](
      envelope('identity.employee.registered', { ...base, name: 'Nama Lama' }, new Date('2031-01-01T00:00:00Z')),
    );
    expect(await copyOf(employee.employeeId)).toMatchObject({ status: 'ON_LEAVE', name: base.name });
    // A transfer says nothing about leave: the employee stays on leave.
    const moved = { ...base, orgUnitId: org.unitA2, previousOrgUnitId: org.unitA, previousPositionId: null };
    await handlers()['identity.employee.transferred'](envelope('identity.employee.transferred', moved, new Date('2031-04-01T00:00:00Z')));
    expect(await copyOf(employee.employeeId)).toMatchObject({ status: 'ON_LEAVE', orgUnitId: org.unitA2 });
    const left = { ...moved, leftAt: '2031-05-01T00:00:00.000Z' };
    const headcount = await h.repositories.copies.headcountOfUnit(org.unitA2);
    await handlers()['identity.employee.left'](envelope('identity.employee.left', left, new Date('2031-05-01T00:00:00Z')));
    expect(await copyOf(employee.employeeId)).toMatchObject({ status: 'LEFT' });
    expect(await h.repositories.copies.headcountOfUnit(org.unitA2)).toBe(headcount - 1);
  });

  it('decides who approves from the copy: after a transfer the new supervisor acts, the old one no longer', async () => {
    const year = ok<{ id: string }>(await h.gql(CREATE_PERIOD, { input: { agencyId: org.agencyA, year: 2031 } }, org.hrA), 'createPerformancePeriod');
    const employee = person(org.agencyA, org.unitA, org.supervisor, 'Pegawai Pindah Atasan');
    await h.publish('identity.employee.registered', registeredPayload(employee), org.agencyA);
    const plan = ok<{ id: string }>(await h.gql(CREATE_PLAN, { input: { periodId: year.id } }, employee.viewer), 'createPerformancePlan');
    await h.service.prisma.workResult.create({ data: { id: randomUUID(), planId: plan.id, kind: 'MAIN', title: 'Tugas', position: 1 } });
    const [workResult] = await h.repositories.plans.workResultsOfPlans([plan.id]);
    await h.service.prisma.indicator.create({
      data: { id: randomUUID(), workResultId: workResult!.id, aspect: 'QUALITY', description: 'Mutu', target: 90, unit: '%', position: 1 },
    });
    ok(await h.gql(SUBMIT, { id: plan.id }, employee.viewer), 'submitPerformancePlan');
    const transfer = {
      ...registeredPayload(employee),
      supervisorEmployeeId: org.otherSupervisor.employeeId,
      previousOrgUnitId: org.unitA,
      previousPositionId: null,
    };
    await h.publish('identity.employee.transferred', transfer, org.agencyA);
    const APPROVE = `mutation ($id: ID!) { approvePerformancePlan(planId: $id) { status } }`;
    expect((await h.gql(APPROVE, { id: plan.id }, org.supervisor.viewer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(ok(await h.gql(APPROVE, { id: plan.id }, org.otherSupervisor.viewer), 'approvePerformancePlan')).toEqual({ status: 'APPROVED' });
  });

  it('records a completed training as development evidence on the plan of its year, once', async () => {
    const employee = org.staff[0];
    const year = await h.repositories.periods.annualOfYear(org.agencyA, 2031);
    const plan = await approvedPlan(h, employee, org.supervisor.viewer, year!.id);
    const payload: EventPayload<'development.training.completed'> = {
      assignmentId: randomUUID(),
      employeeId: employee.employeeId,
      programId: randomUUID(),
      programTitle: 'Pelatihan Komunikasi Efektif',
      jp: 20,
      competencies: ['Komunikasi'],
      completedAt: '2031-06-30T03:00:00.000Z',
      certificateNumber: 'SERT-2031-001',
    };
    const id = await h.publish('development.training.completed', payload, org.agencyA);
    await h.publish('development.training.completed', payload, org.agencyA, { id });
    const rows = await h.service.prisma.developmentEvidence.findMany({ where: { employeeId: employee.employeeId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ planId: plan.planId, jp: 20, eventId: id });
    const QUERY = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { developmentEvidence { programTitle jp planId } } } }`;
    const r = [{ __typename: 'Employee', id: employee.employeeId }];
    expect(ok<any[]>(await h.gql(QUERY, { r }, employee.viewer), '_entities')[0].developmentEvidence).toEqual([
      { programTitle: 'Pelatihan Komunikasi Efektif', jp: 20, planId: plan.planId },
    ]);
    expect(ok<any[]>(await h.gql(QUERY, { r }, org.hrB), '_entities')[0].developmentEvidence).toEqual([]);
  });

  it('keeps a closed 360° cycle’s aggregate once and shows it on the plan of that period, beside the supervisor’s decision', async () => {
    const employee = org.staff[1];
    const year = await h.repositories.periods.annualOfYear(org.agencyA, 2031);
    const plan = await approvedPlan(h, employee, org.supervisor.viewer, year!.id);
    const handle = performanceEventHandlers(h.repositories, randomIds)['feedback.cycle.completed'] as (event: unknown) => Promise<void>;
    const aggregate = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'].map((value) => ({
      value: value as EventPayload<'feedback.cycle.completed'>['aggregate'][number]['value'],
      average: value === 'KOLABORATIF' ? null : 4.25,
      responses: value === 'KOLABORATIF' ? 0 : 4,
    }));
    const cycleId = randomUUID();
    const completed = createEnvelope({
      id: randomUUID(),
      type: 'feedback.cycle.completed',
      agencyId: org.agencyA,
      producer: 'feedback',
      occurredAt: new Date('2031-11-30T02:00:00Z'),
      payload: { cycleId, subjectId: employee.employeeId, periodId: year!.id, aggregate },
    });
    await handle(completed);
    await handle(completed);
    // Another cycle of another period is not this plan's.
    await handle({ ...completed, id: randomUUID(), payload: { ...completed.payload, cycleId: randomUUID(), periodId: randomUUID() } });
    expect(await h.service.prisma.feedbackAggregate.count({ where: { employeeId: employee.employeeId } })).toBe(2);
    expect(await h.service.prisma.auditLog.count({ where: { entityType: 'FeedbackAggregate', entityId: cycleId } })).toBe(1);

    const QUERY = `query ($id: ID!) { performancePlan(id: $id) { feedbackAggregate { cycleId completedAt values { value average responses } } } }`;
    const shown = ok<{ feedbackAggregate: { cycleId: string; values: unknown[] } }>(
      await h.gql(QUERY, { id: plan.planId }, org.supervisor.viewer),
      'performancePlan',
    ).feedbackAggregate;
    expect(shown).toMatchObject({ cycleId, completedAt: '2031-11-30T02:00:00.000Z' });
    expect(shown.values).toHaveLength(7);
    expect(shown.values).toContainEqual({ value: 'KOLABORATIF', average: null, responses: 0 });
    expect(shown.values).toContainEqual({ value: 'LOYAL', average: 4.25, responses: 4 });
    expect(ok(await h.gql(QUERY, { id: plan.planId }, employee.viewer), 'performancePlan').feedbackAggregate).toMatchObject({ cycleId });
    expect((await h.gql(QUERY, { id: plan.planId }, org.hrB)).data?.['performancePlan'] ?? null).toBeNull();
    // Another employee's plan of the same period has none.
    const other = await approvedPlan(h, org.staff[2], org.supervisor.viewer, year!.id);
    expect(ok(await h.gql(QUERY, { id: other.planId }, org.supervisor.viewer), 'performancePlan').feedbackAggregate).toBeNull();
  });

  it('keeps an aggregate arriving before the employee’s copy, in the envelope’s agency', async () => {
    const subjectId = randomUUID();
    const handle = performanceEventHandlers(h.repositories, randomIds)['feedback.cycle.completed'] as (event: unknown) => Promise<void>;
    await handle(
      createEnvelope({
        id: randomUUID(),
        type: 'feedback.cycle.completed',
        agencyId: org.agencyA,
        producer: 'feedback',
        payload: { cycleId: randomUUID(), subjectId, periodId: randomUUID(), aggregate: [] },
      }),
    );
    expect(await h.service.prisma.feedbackAggregate.findFirst({ where: { employeeId: subjectId } })).toMatchObject({ agencyId: org.agencyA });
  });

  it('runs through the consumer’s message processor without a broker, dead-lettering what is invalid', async () => {
    const deadLetters: string[] = [];
    const process = createMessageProcessor({
      consumer: 'performance',
      handlers: performanceEventHandlers(h.repositories, randomIds),
      logger: createLogger({ name: 'test', level: 'silent' }),
      retry: { attempts: 1, initialDelayMs: 1, maxDelayMs: 1 },
      publishDeadLetter: async (_message, reason) => void deadLetters.push(reason),
    });
    const newcomer = person(org.agencyA, org.unitA, org.supervisor, 'Lewat Prosesor');
    const event = envelope('identity.employee.registered', registeredPayload(newcomer), new Date());
    const message: IncomingMessage = { ...toMessage(event.type, newcomer.employeeId, event), partition: 0, offset: '0' };
    await expect(process(message)).resolves.toBe('handled');
    await expect(process(message)).resolves.toBe('handled');
    expect(await h.service.prisma.employeeCopy.count({ where: { employeeId: newcomer.employeeId } })).toBe(1);
    await expect(process({ ...message, value: JSON.stringify({ ...event, payload: { employeeId: 'x' } }) })).resolves.toBe('dead-lettered');
    expect(deadLetters[0]).toMatch(/^INVALID_EVENT/);
  });
});
