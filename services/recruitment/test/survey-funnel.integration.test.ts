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

const ISSUE = `mutation ($id: ID!) { issueSurveyToken(applicationId: $id) { applicationId token } }`;
const ANSWER = `mutation ($input: AnswerApplicantSurveyInput!) { answerApplicantSurvey(input: $input) { answeredOn } }`;
const SUMMARY = `query ($id: ID!) { applicantSurveySummary(selectionId: $id) { responses questions averages } }`;
const FUNNEL = `query ($agencyId: ID!, $vacancyId: ID) { recruitmentFunnel(agencyId: $agencyId, vacancyId: $vacancyId) {
  vacancyId title stages { stage count dropOff medianDaysInStage } objections { filed open accepted rejected } } }`;

const DAY = 86_400_000;

// After the selection: the anonymous applicant survey, and the funnel per vacancy and agency.
describe('the applicant survey and the recruitment funnel (subgraph)', () => {
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

  beforeAll(async () => {
    database = await createTestDatabase('recruitment_survey');
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

  async function vacancy(title: string) {
    const formation = data<{ id: string }>(
      await as(hr)(Q.PROPOSE, {
        input: {
          agencyId: agency,
          orgUnitId: randomUUID(),
          positionTitle: title,
          need: 9,
          currentHolders: 1,
          quota: 1,
          justification: 'Kebutuhan analisis beban kerja unit.',
        },
      }),
      'proposeFormation',
    );
    data(await as(Q.provinceAdmin())(Q.APPROVE, { input: { formationId: formation.id } }), 'approveFormation');
    const selection = data<{ id: string; code: string }>(
      await as(hr)(Q.CREATE_SELECTION, {
        input: {
          agencyId: agency,
          code: `F-${randomUUID().slice(0, 6).toUpperCase()}`,
          name: 'CPNS 2027',
          year: 2027,
          registrationOpensAt: Q.inDays(-1),
          registrationClosesAt: Q.inDays(5),
        },
      }),
      'createSelection',
    );
    const published = data<{ id: string }>(
      await as(hr)(Q.PUBLISH, {
        input: { formationId: formation.id, selectionId: selection.id, title, education: 'S1', minAge: 18, maxAge: 35, documents: [] },
      }),
      'publishVacancy',
    );
    return { vacancyId: published.id, selectionId: selection.id, code: selection.code };
  }

  const announce = (selectionId: string, stage: string, at: Date) =>
    service.prisma.announcement.create({
      data: { id: randomUUID(), agencyId: agency, selectionId, stage, announcedAt: at, objectionClosesAt: new Date(at.getTime() + 3 * DAY) },
    });

  it('gives the applicant a one-time token after the final results and keeps the answer anonymous', async () => {
    const { vacancyId, selectionId } = await vacancy('Perencana Ahli Pertama');
    const siti = Q.applicantAccount();
    data(await as(siti)(Q.REGISTER, { input: { nik: Q.nikOf(8, 8, 1999, true, 7001), name: 'Siti', email: 'siti@example.id' } }), 'registerApplicant');
    const application = data<{ id: string }>(await as(siti)(Q.APPLY, { input: { vacancyId, idempotencyKey: 'survey-0001' } }), 'applyToVacancy');

    // Before the final results: refused; someone else's application: as if it did not exist.
    expect(errorOf(await as(siti)(ISSUE, { id: application.id }))).toMatchObject({ code: 'CONFLICT', field: 'applicationId' });
    await announce(selectionId, 'FINAL', new Date(Date.now() - DAY));
    expect(errorOf(await as(Q.applicantAccount())(ISSUE, { id: application.id }))).toMatchObject({ code: 'NOT_FOUND', field: 'applicationId' });
    expect(errorOf(await as(hr)(ISSUE, { id: application.id }))).toMatchObject({ code: 'NOT_FOUND' });

    const stale = data<{ token: string }>(await as(siti)(ISSUE, { id: application.id }), 'issueSurveyToken').token;
    const { token } = data<{ token: string }>(await as(siti)(ISSUE, { id: application.id }), 'issueSurveyToken');
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(token).not.toBe(stale);

    // Bad answers store nothing; each problem names its field.
    const bad = await as(null)(ANSWER, { input: { token, ratings: [4, 4, 5, 4], comment: null } });
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((errorOf(bad)?.['problems'] as { field: string }[]).map((p) => p.field)).toEqual(['input.ratings', 'input.ratings[2]']);
    expect(errorOf(await as(null)(ANSWER, { input: { token: 'x', ratings: [4, 4, 4, 4, 4] } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.token',
    });
    expect(errorOf(await as(null)(ANSWER, { input: { token: stale, ratings: [4, 4, 4, 4, 4] } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.token',
    });
    expect(await service.prisma.surveyResponse.count({ where: { selectionId } })).toBe(0);

    // One answer per application, without signing in; a second use of the token is refused.
    const answers = await Promise.all([1, 2].map(() => as(null)(ANSWER, { input: { token, ratings: [4, 3, 4, 2, 3], comment: ' Terima kasih ' } })));
    expect(answers.filter((r) => !r.errors)).toHaveLength(1);
    expect(answers.map((r) => errorOf(r)?.['code']).filter(Boolean)).toEqual(['CONFLICT']);
    expect(errorOf(await as(siti)(ISSUE, { id: application.id }))).toMatchObject({ code: 'CONFLICT' });
    const [stored, ...more] = await service.prisma.surveyResponse.findMany({ where: { selectionId } });
    expect(more).toEqual([]);
    expect(stored).toEqual({
      id: expect.any(String),
      agencyId: agency,
      selectionId,
      ratings: [4, 3, 4, 2, 3],
      comment: 'Terima kasih',
      answeredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const trail = await service.prisma.auditLog.findMany({ where: { entityType: 'SurveyResponse', entityId: stored?.id } });
    expect(trail).toEqual([expect.objectContaining({ action: 'survey.answered', actorUserId: null, requestId: null })]);
    expect(JSON.stringify(trail)).not.toContain(application.id);

    // HR sees counts only until three applicants answered.
    expect(data(await as(hr)(SUMMARY, { id: selectionId }), 'applicantSurveySummary')).toEqual({
      responses: 1,
      questions: ['INFORMATION', 'REGISTRATION', 'TESTS', 'TRANSPARENCY', 'SERVICE'],
      averages: [null, null, null, null, null],
    });
    await service.prisma.surveyResponse.createMany({
      data: [2, 3].map((n) => ({ id: randomUUID(), agencyId: agency, selectionId, ratings: [n, n, n, n, n], comment: null, answeredOn: '2027-01-01' })),
    });
    expect(data<{ averages: number[] }>(await as(hr)(SUMMARY, { id: selectionId }), 'applicantSurveySummary').averages).toEqual([3, 2.67, 3, 2.33, 2.67]);
    expect(errorOf(await as(Q.employeeOf(agency))(SUMMARY, { id: selectionId }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await as(Q.hrOf(randomUUID()))(SUMMARY, { id: selectionId }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('counts each stage, its drop-off, the median days in it and the objections, per vacancy and in total', async () => {
    const funnelAgency = agency;
    // The survey test's vacancy holds one SUBMITTED application of this agency too; the totals include it.
    const before = data<{ vacancyId: string | null; stages: { count: number }[] }[]>(await as(hr)(FUNNEL, { agencyId: funnelAgency }), 'recruitmentFunnel');
    const earlier = before.find((f) => f.vacancyId === null)?.stages[0]?.count ?? 0;

    const v1 = await vacancy('Analis Kebijakan');
    const v2 = await vacancy('Arsiparis');
    const t0 = new Date('2027-03-01T02:00:00Z').getTime();
    const at = (days: number) => new Date(t0 + days * DAY);
    await announce(v1.selectionId, 'ADMINISTRATION', at(10));
    await announce(v1.selectionId, 'SKD', at(30));
    await announce(v1.selectionId, 'FINAL', at(50));
    const statuses = [
      'NOT_QUALIFIED',
      'NOT_QUALIFIED',
      'SUBMITTED',
      'BELOW_PASS_MARK',
      'BELOW_PASS_MARK',
      'OUTSIDE_SKB_CUT',
      'NOT_SELECTED',
      'NOT_SELECTED',
      'SELECTED',
      'HIRED',
    ];
    const rows = [
      ...statuses.map((status, i) => ({ ...v1, status, submittedAt: at(i % 2 === 0 ? 0 : 2), updatedAt: status === 'HIRED' ? at(55) : at(50) })),
      ...[0, 1].map(() => ({ ...v2, status: 'SUBMITTED', submittedAt: at(1), updatedAt: at(1) })),
    ];
    const ids: string[] = [];
    for (const [i, row] of rows.entries()) {
      const applicantId = randomUUID();
      await service.prisma.applicant.create({
        data: {
          id: applicantId,
          userId: randomUUID(),
          nik: Q.nikOf(1 + i, 1, 1995, false, 8000 + i) + '',
          name: `P${i}`,
          email: `p${i}@example.id`,
          birthDate: '1995-01-01',
          sex: 'MALE',
          regionCode: '327302',
          createdAt: at(0),
        },
      });
      const id = randomUUID();
      ids.push(id);
      await service.prisma.application.create({
        data: {
          id,
          agencyId: funnelAgency,
          selectionId: row.selectionId,
          vacancyId: row.vacancyId,
          applicantId,
          registrationNumber: `${row.code}-${String(100 + i)}`,
          idempotencyKey: `k-${i}`,
          status: row.status,
          submittedAt: row.submittedAt,
          updatedAt: row.updatedAt,
        },
      });
    }
    await service.prisma.objection.createMany({
      data: [
        {
          id: randomUUID(),
          agencyId: funnelAgency,
          selectionId: v1.selectionId,
          applicationId: ids[0]!,
          stage: 'ADMINISTRATION',
          reason: 'r',
          status: 'ACCEPTED',
          filedAt: at(11),
        },
        {
          id: randomUUID(),
          agencyId: funnelAgency,
          selectionId: v1.selectionId,
          applicationId: ids[3]!,
          stage: 'SKD',
          reason: 'r',
          status: 'OPEN',
          filedAt: at(31),
        },
      ],
    });

    type Funnel = {
      vacancyId: string | null;
      title: string | null;
      stages: { stage: string; count: number; dropOff: number | null; medianDaysInStage: number | null }[];
      objections: Record<string, number>;
    };
    const [one, ...rest] = data<Funnel[]>(await as(hr)(FUNNEL, { agencyId: funnelAgency, vacancyId: v1.vacancyId }), 'recruitmentFunnel');
    expect(one).toEqual({
      vacancyId: v1.vacancyId,
      title: 'Analis Kebijakan',
      stages: [
        { stage: 'REGISTERED', count: 10, dropOff: null, medianDaysInStage: null },
        { stage: 'SUBMITTED', count: 10, dropOff: 0, medianDaysInStage: 9 },
        { stage: 'QUALIFIED', count: 7, dropOff: 0.3, medianDaysInStage: 20 },
        { stage: 'PASSED_SKD', count: 5, dropOff: 0.2857, medianDaysInStage: 20 },
        { stage: 'SKB', count: 4, dropOff: 0.2, medianDaysInStage: 20 },
        { stage: 'SELECTED', count: 2, dropOff: 0.5, medianDaysInStage: 5 },
        { stage: 'HIRED', count: 1, dropOff: 0.5, medianDaysInStage: null },
      ],
      objections: { filed: 2, open: 1, accepted: 1, rejected: 0 },
    });
    // The one vacancy asked for, and its total.
    expect(rest.map((f) => [f.vacancyId, f.stages[0]?.count])).toEqual([[null, 10]]);

    const all = data<Funnel[]>(await as(hr)(FUNNEL, { agencyId: funnelAgency }), 'recruitmentFunnel');
    const total = all.find((f) => f.vacancyId === null);
    expect(all.find((f) => f.vacancyId === v2.vacancyId)?.stages.map((s) => s.count)).toEqual([2, 2, 0, 0, 0, 0, 0]);
    expect(total?.stages.map((s) => s.count)).toEqual([12 + earlier, 12 + earlier, 7, 5, 4, 2, 1]);
    expect(total?.objections).toEqual({ filed: 2, open: 1, accepted: 1, rejected: 0 });

    // An agency without applications answers its (empty) total; others' HR and the agency's employees are refused.
    const empty = randomUUID();
    expect(data<Funnel[]>(await as(Q.hrOf(empty))(FUNNEL, { agencyId: empty }), 'recruitmentFunnel')).toEqual([
      expect.objectContaining({ vacancyId: null, objections: { filed: 0, open: 0, accepted: 0, rejected: 0 } }),
    ]);
    expect(errorOf(await as(Q.hrOf(randomUUID()))(FUNNEL, { agencyId: funnelAgency }))).toMatchObject({ code: 'NOT_FOUND', field: 'agencyId' });
    expect(errorOf(await as(Q.employeeOf(funnelAgency))(FUNNEL, { agencyId: funnelAgency }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await as(hr)(FUNNEL, { agencyId: funnelAgency, vacancyId: 'nope' }))).toMatchObject({ code: 'NOT_FOUND', field: 'vacancyId' });
  });
});
