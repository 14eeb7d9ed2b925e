import { randomUUID } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';

import { type DevelopmentHarness, startDevelopmentOnPostgres, viewers } from './development-harness';
import { asViewer, codeOf } from './support/client';
import { assessmentFinalized, employeeRegistered, type TestEmployee, testEmployee } from './support/events';

const EMPLOYEE_FIELDS = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Employee { id trainingAssignments { id reason } learningHours(year: 2026) { completed required } } } }`;

// Trainings and learning hours are personal: who may see them, and that nobody else gets them by any path.
describe('development access across people and agencies', () => {
  let harness: DevelopmentHarness;
  const agencyA = randomUUID();
  const agencyB = randomUUID();
  let supervisor: TestEmployee;
  let employee: TestEmployee;
  let colleague: TestEmployee;
  let assignmentId: string;
  let agencyProgramId: string;

  beforeAll(async () => {
    harness = await startDevelopmentOnPostgres('access');
    supervisor = testEmployee(agencyA, { name: 'Kepala Bidang' });
    employee = testEmployee(agencyA, { supervisorEmployeeId: supervisor.employeeId });
    colleague = testEmployee(agencyA, { supervisorEmployeeId: randomUUID() });
    for (const person of [supervisor, employee, colleague]) await harness.deliver(employeeRegistered(person));
    await harness.deliver(assessmentFinalized(employee));
    assignmentId = (await harness.service.prisma.trainingAssignment.findFirstOrThrow({ where: { employeeId: employee.employeeId } })).id;
    const created = await asViewer(
      harness,
      viewers.hrOf(agencyA),
    )(
      `mutation { createTrainingProgram(input: { agencyId: "${agencyA}", code: "KHUSUS-A", title: "Khusus A", jpHours: 6, mode: MENTORING, competencyCodes: ["KOMPETEN"] }) { id } }`,
    );
    agencyProgramId = created.data?.['createTrainingProgram'].id;
  });
  afterAll(() => harness?.stop());

  const who: Array<[string, () => Viewer, boolean]> = [
    ['the employee themself', () => viewers.employee(employee.employeeId, agencyA), true],
    ['their supervisor', () => viewers.employee(supervisor.employeeId, agencyA), true],
    ["their agency's HR admin", () => viewers.hrOf(agencyA), true],
    ['the province admin', () => viewers.provinceAdmin(), true],
    ['an auditor', () => viewers.auditor(), true],
    ['a colleague of the same agency', () => viewers.employee(colleague.employeeId, agencyA), false],
    ["another agency's HR admin", () => viewers.hrOf(agencyB), false],
  ];

  it.each(who)('%s: Employee.trainingAssignments and learningHours (%s)', async (_who, viewer, sees) => {
    const result = await asViewer(harness, viewer())(EMPLOYEE_FIELDS, { reps: [{ __typename: 'Employee', id: employee.employeeId }] });
    expect(result.errors).toBeUndefined();
    const [entity] = result.data?.['_entities'] ?? [];
    if (sees) {
      expect(entity.trainingAssignments).toEqual([{ id: assignmentId, reason: 'PERFORMANCE_GAP' }]);
      expect(entity.learningHours).toEqual({ completed: 0, required: 20 });
    } else {
      expect(entity).toEqual({ id: employee.employeeId, trainingAssignments: null, learningHours: null });
    }
  });

  it('answers null to anonymous callers on the entity, and UNAUTHENTICATED on queries', async () => {
    const result = await asViewer(harness)(EMPLOYEE_FIELDS, { reps: [{ __typename: 'Employee', id: employee.employeeId }] });
    expect(result.data?.['_entities']).toEqual([{ id: employee.employeeId, trainingAssignments: null, learningHours: null }]);
    expect(codeOf(await asViewer(harness)(`{ trainingPrograms { id } }`))).toBe('UNAUTHENTICATED');
  });

  it.each<[string, () => Viewer, string]>([
    // Another agency's id answers exactly like an unknown one: no existence oracle.
    ["another agency's HR admin", () => viewers.hrOf(agencyB), 'NOT_FOUND'],
    ['a colleague', () => viewers.employee(colleague.employeeId, agencyA), 'FORBIDDEN'],
  ])('refuses trainingAssignment(id) to %s', async (_who, viewer, code) => {
    expect(codeOf(await asViewer(harness, viewer())(`query ($id: ID!) { trainingAssignment(id: $id) { id } }`, { id: assignmentId }))).toBe(code);
  });

  it.each<[string, () => Viewer]>([
    ["another agency's HR admin", () => viewers.hrOf(agencyB)],
    ['an auditor (read-only)', () => viewers.auditor()],
    ['the employee', () => viewers.employee(employee.employeeId, agencyA)],
  ])('refuses changes by %s', async (_who, viewer) => {
    const as = asViewer(harness, viewer());
    expect(codeOf(await as(`mutation ($id: ID!) { cancelTrainingAssignment(assignmentId: $id, reason: "x") { id } }`, { id: assignmentId }))).toBe('FORBIDDEN');
    const programme = await harness.service.prisma.trainingProgram.findFirstOrThrow({ where: { code: 'HARMONI-KERJA', agencyId: null } });
    const assign = `mutation ($e: ID!, $p: ID!) { assignTraining(input: { employeeId: $e, programId: $p }) { id } }`;
    expect(codeOf(await as(assign, { e: employee.employeeId, p: programme.id }))).toBe('FORBIDDEN');
  });

  it("keeps an agency's own programme from other agencies, by query and by _entities", async () => {
    const outsider = asViewer(harness, viewers.hrOf(agencyB));
    expect(codeOf(await outsider(`query ($id: ID!) { trainingProgram(id: $id) { id } }`, { id: agencyProgramId }))).toBe('FORBIDDEN');
    const entities = await outsider(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on TrainingProgram { id code } } }`, {
      reps: [{ __typename: 'TrainingProgram', id: agencyProgramId }],
    });
    expect(entities.data?.['_entities']).toEqual([null]);
    const listed = await outsider(`{ trainingPrograms { code } }`);
    expect((listed.data?.['trainingPrograms'] as { code: string }[]).map((p) => p.code)).not.toContain('KHUSUS-A');
  });
});
