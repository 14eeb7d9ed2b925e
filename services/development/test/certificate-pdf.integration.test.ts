import { randomUUID } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';

import { type DevelopmentHarness, startDevelopmentOnPostgres, viewers } from './development-harness';
import { asViewer, today } from './support/client';
import { employeeRegistered, testEmployee } from './support/events';

// GET /certificates/<number>.pdf on the subgraph: the holder, their HR and admins, with the bearer token.
describe('downloadable PDF certificate', () => {
  let harness: DevelopmentHarness;
  const agencyId = randomUUID();
  const employee = testEmployee(agencyId, { name: 'Dewi Lestari' });
  let downloadPath: string;

  beforeAll(async () => {
    harness = await startDevelopmentOnPostgres('pdf');
    await harness.deliver(employeeRegistered(employee));
    const hr = asViewer(harness, viewers.hrOf(agencyId));
    const programme = await harness.service.prisma.trainingProgram.findFirstOrThrow({ where: { code: 'PELAYANAN-PRIMA', agencyId: null } });
    const assigned = await hr(`mutation ($e: ID!, $p: ID!) { assignTraining(input: { employeeId: $e, programId: $p }) { id } }`, {
      e: employee.employeeId,
      p: programme.id,
    });
    const completed = await hr(
      `mutation ($id: ID!, $on: String!) { recordTrainingCompletion(input: { assignmentId: $id, result: PASSED, completedOn: $on }) { certificate { downloadPath } } }`,
      { id: assigned.data?.['assignTraining'].id, on: today() },
    );
    downloadPath = completed.data?.['recordTrainingCompletion'].certificate.downloadPath;
  });
  afterAll(() => harness?.stop());

  const download = (path: string, viewer?: Viewer) =>
    fetch(`${harness.baseUrl}${path}`, { headers: viewer ? { authorization: `Bearer ${harness.tokens.tokenFor(viewer)}` } : {} });

  it.each<[string, () => Viewer]>([
    ['the holder', () => viewers.employee(employee.employeeId, agencyId)],
    ["the holder's HR admin", () => viewers.hrOf(agencyId)],
    ['the province admin', () => viewers.provinceAdmin()],
  ])('serves the PDF to %s', async (_who, viewer) => {
    const response = await download(downloadPath, viewer());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const body = Buffer.from(await response.arrayBuffer()).toString('latin1');
    expect(body.startsWith('%PDF-1.4')).toBe(true);
    expect(body).toContain('(Dewi Lestari)');
    expect(body).toContain('(Pelayanan Prima)');
  });

  it.each<[string, (() => Viewer) | null, number]>([
    ['anonymous', null, 401],
    ["another agency's HR admin", () => viewers.hrOf(randomUUID()), 403],
    ['a colleague', () => viewers.employee(randomUUID(), agencyId), 403],
  ])('refuses %s with %i', async (_who, viewer, status) => {
    expect((await download(downloadPath, viewer?.())).status).toBe(status);
  });

  it('answers 404 for a number that does not exist', async () => {
    expect((await download('/certificates/KNJ%2FABCDEF12%2F2026%2F000999-0.pdf', viewers.provinceAdmin())).status).toBe(404);
  });
});
