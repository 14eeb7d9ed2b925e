import { randomUUID } from 'node:crypto';

import { type DevelopmentHarness, startDevelopmentOnPostgres, viewers } from './development-harness';
import { asViewer } from './support/client';
import { assessmentFinalized, employeeRegistered, testEmployee } from './support/events';

// Subgraph contract: the gateway resolves development's entities through `_entities` for every @key.
describe('development subgraph contract (_entities)', () => {
  let harness: DevelopmentHarness;
  const agencyId = randomUUID();
  const employeeIds: string[] = [];

  beforeAll(async () => {
    harness = await startDevelopmentOnPostgres('contract');
    for (let i = 0; i < 100; i += 1) {
      const employee = testEmployee(agencyId, { name: `Pegawai ${String(i).padStart(3, '0')}` });
      employeeIds.push(employee.employeeId);
      await harness.deliver(employeeRegistered(employee));
      if (i % 3 === 0) await harness.deliver(assessmentFinalized(employee));
    }
    await asViewer(harness, viewers.hrOf(agencyId))(`mutation ($e: ID!) { prepareDevelopmentPlan(employeeId: $e, year: 2026) { id } }`, { e: employeeIds[0] });
  });
  afterAll(() => harness?.stop());

  const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on TrainingProgram { id code jpHours } ... on Employee { id } } }`;

  it('resolves TrainingProgram and Employee by id', async () => {
    const programme = await harness.service.prisma.trainingProgram.findFirstOrThrow({ where: { code: 'KOM-EFEKTIF' } });
    const result = await asViewer(harness, viewers.hrOf(agencyId))(ENTITIES, {
      reps: [
        { __typename: 'TrainingProgram', id: programme.id },
        { __typename: 'Employee', id: employeeIds[0] },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['_entities']).toEqual([{ id: programme.id, code: 'KOM-EFEKTIF', jpHours: 16 }, { id: employeeIds[0] }]);
  });

  it('answers null for a programme that does not exist', async () => {
    const result = await asViewer(harness, viewers.provinceAdmin())(ENTITIES, { reps: [{ __typename: 'TrainingProgram', id: randomUUID() }] });
    expect(result.data?.['_entities']).toEqual([null]);
  });

  it.each([
    ['trainingAssignments', '{ trainingAssignments { id status reason sourceEventId } }'],
    ['trainingAssignments(status)', '{ trainingAssignments(status: ASSIGNED) { id } }'],
    ['learningHours', '{ learningHours(year: 2026) { completed required remaining } }'],
    ['developmentPlan', '{ developmentPlan(year: 2026) { id } }'],
  ])('resolves Employee.%s for 100 employees with one SQL statement', async (_field, selection) => {
    harness.queries.length = 0;
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Employee { id ${selection.slice(1, -1)} } } }`;
    const result = await asViewer(harness, viewers.hrOf(agencyId))(query, { reps: employeeIds.map((id) => ({ __typename: 'Employee', id })) });
    expect(result.errors).toBeUndefined();
    const entities = result.data?.['_entities'] as Record<string, unknown>[];
    expect(entities.map((e) => e['id'])).toEqual(employeeIds);
    if (selection.includes('developmentPlan')) expect(entities.filter((e) => e['developmentPlan'] !== null)).toHaveLength(1);
    else expect(entities.every((e) => Object.values(e).every((value) => value !== null))).toBe(true);
    expect(harness.queries.filter((sql) => /^\s*SELECT/i.test(sql))).toHaveLength(1);
  });
});
