import { randomUUID } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';
import { loadConfig } from '@kinerja/config';
import { createLogger } from '@kinerja/logger';
import { InProcessTransport } from '@kinerja/messaging';
import { startService } from '@kinerja/service-kit';

import { graphql } from '../../../test/support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { startTestTokens, type TestTokens } from '../../../test/support/tokens';
import { recruitmentModule, type RecruitmentService } from '../src/recruitment.module';
import * as Q from './support';

type Response = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

const WITHDRAW = `mutation ($input: WithdrawApplicationInput!) { withdrawApplication(input: $input) { id status withdrawnAt } }`;
const FINAL_PAGE = `query ($id: ID!) { selectionResults(vacancyId: $id) { stages { stage entries { nodes { registrationNumber outcome rank } } } } }`;

// Rule 6's last step: a place left by someone who withdraws goes to the next ranked applicant of the formation.
describe('withdrawing an application (subgraph)', () => {
  let database: TestDatabase;
  let tokens: TestTokens;
  let service: RecruitmentService;
  const transport = new InProcessTransport();
  const agency = randomUUID();
  const hr = Q.hrOf(agency);
  const as = (viewer: Viewer | null) => async (query: string, variables: Record<string, unknown>) =>
    (await graphql(service.subgraph.graphqlUrl, query, variables, viewer ? tokens.tokenFor(viewer) : undefined)) as Response;
  const data = <T>(response: Response, field: string): T => {
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data?.[field] as T;
  };
  const errorOf = (response: Response) => response.errors?.[0]?.extensions;
  const windowPasses = (selectionId: string) =>
    service.prisma.$executeRawUnsafe(
      `UPDATE announcement SET announced_at = announced_at - interval '4 days', objection_closes_at = objection_closes_at - interval '4 days' WHERE selection_id = $1::uuid`,
      selectionId,
    );

  beforeAll(async () => {
    database = await createTestDatabase('recruitment_withdrawal');
    tokens = await startTestTokens();
    const config = loadConfig(recruitmentModule.envSchema, { DATABASE_URL: database.url, PORT: '0', NODE_ENV: 'test', JWKS_URL: tokens.jwksUrl });
    service = await startService(recruitmentModule, config, createLogger({ name: 'recruitment', level: 'silent' }), { transport });
  });

  afterAll(async () => {
    await service?.stop();
    await transport.close();
    await tokens?.close();
    await database?.drop();
  });

  it('passes a selected place on by rank, refuses a second withdrawal, another’s application and a hired one, and keeps the results truthful', async () => {
    const formation = data<{ id: string }>(
      await as(hr)(Q.PROPOSE, {
        input: {
          agencyId: agency,
          orgUnitId: randomUUID(),
          positionTitle: 'Analis SDM',
          need: 2,
          currentHolders: 1,
          quota: 1,
          justification: 'Analisis beban kerja.',
        },
      }),
      'proposeFormation',
    );
    data(await as(Q.provinceAdmin())(Q.APPROVE, { input: { formationId: formation.id } }), 'approveFormation');
    const selection = data<{ id: string }>(
      await as(hr)(Q.CREATE_SELECTION, {
        input: {
          agencyId: agency,
          code: `W-${randomUUID().slice(0, 6).toUpperCase()}`,
          name: 'CPNS 2027',
          year: 2027,
          registrationOpensAt: Q.inDays(-1),
          registrationClosesAt: Q.inDays(5),
        },
      }),
      'createSelection',
    );
    const vacancy = data<{ id: string }>(
      await as(hr)(Q.PUBLISH, {
        input: { formationId: formation.id, selectionId: selection.id, title: 'Analis SDM', education: 'S1', minAge: 18, maxAge: 40, documents: [] },
      }),
      'publishVacancy',
    );
    // Four applicants: three reach the final results (best first), one withdraws before verification.
    const applicants: { viewer: Viewer; id: string; registrationNumber: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const viewer = Q.applicantAccount();
      data(
        await as(viewer)(Q.REGISTER, { input: { nik: Q.nikOf(10 + i, 4, 1997, false, 1000 + i), name: `Pelamar ${i}`, email: `w${i}@example.id` } }),
        'registerApplicant',
      );
      const applied = data<{ id: string; registrationNumber: string }>(
        await as(viewer)(Q.APPLY, { input: { vacancyId: vacancy.id, idempotencyKey: `withdraw-${i}` } }),
        'applyToVacancy',
      );
      applicants.push({ viewer, ...applied });
    }
    const [first, second, third, early] = applicants as [(typeof applicants)[0], (typeof applicants)[0], (typeof applicants)[0], (typeof applicants)[0]];

    // Before verification: withdrawn, and the administrative announcement no longer waits for it.
    expect(
      data<{ status: string }>(
        await as(early.viewer)(WITHDRAW, { input: { applicationId: early.id, reason: 'Diterima kerja di tempat lain' } }),
        'withdrawApplication',
      ),
    ).toMatchObject({
      status: 'WITHDRAWN',
    });
    for (const a of [first, second, third]) data(await as(hr)(Q.VERIFY, { input: { applicationId: a.id, qualified: true } }), 'verifyApplication');
    data(await as(hr)(Q.ANNOUNCE, { input: { selectionId: selection.id, stage: 'ADMINISTRATION' } }), 'announceResults');
    await windowPasses(selection.id);
    const skd = [
      [first, { twk: 100, tiu: 120, tkp: 180 }],
      [second, { twk: 95, tiu: 115, tkp: 175 }],
      [third, { twk: 90, tiu: 110, tkp: 170 }],
    ] as const;
    for (const [a, scores] of skd) data(await as(hr)(Q.SCORES, { input: { applicationId: a.id, skd: scores } }), 'recordTestScores');
    data(await as(hr)(Q.ANNOUNCE, { input: { selectionId: selection.id, stage: 'SKD' } }), 'announceResults');
    await windowPasses(selection.id);
    for (const a of [first, second, third]) data(await as(hr)(Q.SCORES, { input: { applicationId: a.id, skbScore: 80 } }), 'recordTestScores');
    data(await as(hr)(Q.ANNOUNCE, { input: { selectionId: selection.id, stage: 'FINAL' } }), 'announceResults');
    const statusOf = async (id: string) => data<{ status: string }>(await as(hr)(Q.APPLICATION, { id }), 'application').status;
    expect([await statusOf(first.id), await statusOf(second.id), await statusOf(third.id)]).toEqual(['SELECTED', 'NOT_SELECTED', 'NOT_SELECTED']);

    // Another applicant's application: as if it did not exist; the committee-less employee the same.
    expect(errorOf(await as(second.viewer)(WITHDRAW, { input: { applicationId: first.id } }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.applicationId',
    });
    expect(errorOf(await as(Q.employeeOf(agency))(WITHDRAW, { input: { applicationId: first.id } }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await as(first.viewer)(WITHDRAW, { input: { applicationId: first.id, reason: 'x'.repeat(1001) } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
    });

    // The selected applicant withdraws: the next ranked (second) is selected, in the same transaction as the event.
    const withdrawn = data<{ status: string; withdrawnAt: string }>(
      await as(first.viewer)(WITHDRAW, { input: { applicationId: first.id, reason: 'Melanjutkan studi' } }),
      'withdrawApplication',
    );
    expect(withdrawn.status).toBe('WITHDRAWN');
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect([await statusOf(first.id), await statusOf(second.id), await statusOf(third.id)]).toEqual(['WITHDRAWN', 'SELECTED', 'NOT_SELECTED']);
    expect(errorOf(await as(first.viewer)(WITHDRAW, { input: { applicationId: first.id } }))).toMatchObject({ code: 'CONFLICT', field: 'input.applicationId' });
    const events = await service.prisma.outboxEvent.findMany({ where: { type: 'recruitment.application.withdrawn' }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => (e.envelope as { payload: Record<string, unknown> }).payload)).toEqual([
      expect.objectContaining({ applicationId: early.id, withdrawnFrom: 'SUBMITTED', promotedApplicationId: null }),
      expect.objectContaining({ applicationId: first.id, withdrawnFrom: 'SELECTED', promotedApplicationId: second.id }),
    ]);
    expect(await service.prisma.auditLog.count({ where: { entityId: first.id, action: 'application.withdrawn' } })).toBe(1);
    expect(await service.prisma.auditLog.count({ where: { entityId: second.id, action: 'application.promoted-after-withdrawal' } })).toBe(1);

    // HR records the second one's withdrawal (a letter): the place moves on once more.
    data(await as(hr)(WITHDRAW, { input: { applicationId: second.id, reason: 'Surat pengunduran diri' } }), 'withdrawApplication');
    expect([await statusOf(second.id), await statusOf(third.id)]).toEqual(['WITHDRAWN', 'SELECTED']);

    // The published results still list what everyone reached, the withdrawn marked; the early one never reached a stage.
    const stages = data<{ stages: { stage: string; entries: { nodes: { registrationNumber: string; outcome: string; rank: number | null }[] } }[] }>(
      await as(null)(FINAL_PAGE, { id: vacancy.id }),
      'selectionResults',
    ).stages;
    expect(stages.find((s) => s.stage === 'FINAL')!.entries.nodes.map((e) => [e.registrationNumber, e.outcome, e.rank])).toEqual([
      [first.registrationNumber, 'WITHDRAWN', 1],
      [second.registrationNumber, 'WITHDRAWN', 2],
      [third.registrationNumber, 'SELECTED', 3],
    ]);
    expect(stages.find((s) => s.stage === 'ADMINISTRATION')!.entries.nodes.map((e) => e.registrationNumber)).toEqual([
      first.registrationNumber,
      second.registrationNumber,
      third.registrationNumber,
    ]);

    // Hired: no withdrawal any more.
    await windowPasses(selection.id);
    expect(data<{ status: string }>(await as(hr)(Q.HIRE, { id: third.id }), 'hireApplicant').status).toBe('HIRED');
    expect(errorOf(await as(third.viewer)(WITHDRAW, { input: { applicationId: third.id } }))).toMatchObject({ code: 'CONFLICT', field: 'input.applicationId' });
  });
});
