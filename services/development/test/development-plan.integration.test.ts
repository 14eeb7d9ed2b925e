import { randomUUID } from 'node:crypto';

import { type DevelopmentHarness, startDevelopmentOnPostgres, viewers } from './development-harness';
import { asViewer, codeOf } from './support/client';
import { assessmentFinalized, employeeRegistered, testEmployee } from './support/events';

const PREPARE = `mutation ($e: ID!, $year: Int!) { prepareDevelopmentPlan(employeeId: $e, year: $year) {
  id year items { assignmentId program { code } gaps { kind coreValue } } } }`;
const ADD = `mutation ($plan: ID!, $p: ID!) { addProgramToDevelopmentPlan(planId: $plan, programId: $p) { id items { program { code } } } }`;
const PLAN_OF = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { developmentPlan(year: 2027) { id items { program { code } } } } } }`;

// Rencana pengembangan individu: per employee per year, prefilled from the gaps.
describe('individual development plan', () => {
  let harness: DevelopmentHarness;
  const agencyId = randomUUID();
  const supervisor = testEmployee(agencyId);
  const employee = testEmployee(agencyId, { supervisorEmployeeId: supervisor.employeeId });
  let planId: string;

  beforeAll(async () => {
    harness = await startDevelopmentOnPostgres('plan');
    await harness.deliver(employeeRegistered(supervisor));
    await harness.deliver(employeeRegistered(employee));
    await harness.deliver(assessmentFinalized(employee, { behaviourGaps: ['ADAPTIF'] }));
    await harness.deliver(assessmentFinalized(employee, { behaviourGaps: ['KOLABORATIF'] }));
  });
  afterAll(() => harness?.stop());

  const programmeId = async (code: string) => (await harness.service.prisma.trainingProgram.findFirstOrThrow({ where: { code, agencyId: null } })).id;

  it("is prefilled by the supervisor from the gaps of the employee's latest poor assessment, once", async () => {
    const bySupervisor = asViewer(harness, viewers.employee(supervisor.employeeId, agencyId));
    const prepared = await bySupervisor(PREPARE, { e: employee.employeeId, year: 2027 });
    expect(prepared.errors).toBeUndefined();
    const plan = prepared.data?.['prepareDevelopmentPlan'];
    const assignment = await harness.service.prisma.trainingAssignment.findFirstOrThrow({
      where: { employeeId: employee.employeeId, programmeCode: 'KOM-EFEKTIF' },
    });
    expect(plan.items).toEqual([{ assignmentId: assignment.id, program: { code: 'KOM-EFEKTIF' }, gaps: [{ kind: 'CORE_VALUE', coreValue: 'KOLABORATIF' }] }]);
    planId = plan.id;
    const again = await asViewer(harness, viewers.hrOf(agencyId))(PREPARE, { e: employee.employeeId, year: 2027 });
    expect(again.data?.['prepareDevelopmentPlan'].id).toBe(planId);
  });

  it('takes more programmes of the catalogue, each once', async () => {
    const byEmployee = asViewer(harness, viewers.employee(employee.employeeId, agencyId));
    const added = await byEmployee(ADD, { plan: planId, p: await programmeId('HARMONI-KERJA') });
    expect(added.data?.['addProgramToDevelopmentPlan'].items.map((item: { program: { code: string } }) => item.program.code)).toEqual([
      'KOM-EFEKTIF',
      'HARMONI-KERJA',
    ]);
    expect(codeOf(await byEmployee(ADD, { plan: planId, p: await programmeId('HARMONI-KERJA') }))).toBe('CONFLICT');
  });

  it('is shown on Employee.developmentPlan(year) to those who may see it, and to nobody else', async () => {
    const reps = [{ __typename: 'Employee', id: employee.employeeId }];
    const own = await asViewer(harness, viewers.employee(employee.employeeId, agencyId))(PLAN_OF, { reps });
    expect(own.data?.['_entities'][0].developmentPlan).toMatchObject({
      id: planId,
      items: [{ program: { code: 'KOM-EFEKTIF' } }, { program: { code: 'HARMONI-KERJA' } }],
    });
    const outsider = await asViewer(harness, viewers.hrOf(randomUUID()))(PLAN_OF, { reps });
    expect(outsider.data?.['_entities'][0].developmentPlan).toBeNull();
    expect(codeOf(await asViewer(harness, viewers.hrOf(randomUUID()))(PREPARE, { e: employee.employeeId, year: 2028 }))).toBe('FORBIDDEN');
  });
});
