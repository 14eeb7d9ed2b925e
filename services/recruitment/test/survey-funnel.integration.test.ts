import { randomUUID } from 'node:crypto';

import { data, errorOf, recruitmentForTests } from './support/harness';
import * as Q from './support/operations';
import { nikOf, openVacancy } from './support/selection.fixture';
import { applicantAccount, employeeOf, hrOf } from './support/viewers';

const ISSUE = `mutation ($id: ID!) { issueSurveyToken(applicationId: $id) { applicationId token } }`;
const ANSWER = `mutation ($input: AnswerApplicantSurveyInput!) { answerApplicantSurvey(input: $input) { answeredOn } }`;
const SUMMARY = `query ($id: ID!) { applicantSurveySummary(selectionId: $id) { responses questions averages } }`;
const FUNNEL = `query ($agencyId: ID!, $vacancyId: ID) { recruitmentFunnel(agencyId: $agencyId, vacancyId: $vacancyId) {
  vacancyId title stages { stage count dropOff medianDaysInStage } objections { filed open accepted rejected } } }`;

const DAY = 86_400_000;

// After the selection: the anonymous applicant survey, and the funnel per vacancy and agency.
describe('the applicant survey and the recruitment funnel (subgraph)', () => {
  const harness = recruitmentForTests('recruitment_survey');
  const agency = randomUUID();
  const hr = hrOf(agency);
  const as = harness.as;

  const vacancy = (title: string) => openVacancy(harness, hr, { title });

  const announce = (selectionId: string, stage: string, at: Date) =>
    harness.prisma.announcement.create({
      data: { id: randomUUID(), agencyId: agency, selectionId, stage, announcedAt: at, objectionClosesAt: new Date(at.getTime() + 3 * DAY) },
    });

  it('gives the applicant a one-time token after the final results and keeps the answer anonymous', async () => {
    const { vacancyId, selectionId } = await vacancy('Perencana Ahli Pertama');
    const siti = applicantAccount();
    data(await as(siti)(Q.REGISTER, { input: { nik: nikOf(8, 8, 1999, true, 7001), name: 'Siti', email: 'siti@example.id' } }), 'registerApplicant');
    const application = data<{ id: string }>(await as(siti)(Q.APPLY, { input: { vacancyId, idempotencyKey: 'survey-0001' } }), 'applyToVacancy');

    // Before the final results: refused; someone else's application: as if it did not exist.
    expect(errorOf(await as(siti)(ISSUE, { id: application.id }))).toMatchObject({ code: 'CONFLICT', field: 'applicationId' });
    await announce(selectionId, 'FINAL', new Date(Date.now() - DAY));
    expect(errorOf(await as(applicantAccount())(ISSUE, { id: application.id }))).toMatchObject({ code: 'NOT_FOUND', field: 'applicationId' });
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
    expect(await harness.prisma.surveyResponse.count({ where: { selectionId } })).toBe(0);

    // One answer per application, without signing in; a second use of the token is refused.
    const answers = await Promise.all([1, 2].map(() => as(null)(ANSWER, { input: { token, ratings: [4, 3, 4, 2, 3], comment: ' Terima kasih ' } })));
    expect(answers.filter((r) => !r.errors)).toHaveLength(1);
    expect(answers.map((r) => errorOf(r)?.['code']).filter(Boolean)).toEqual(['CONFLICT']);
    expect(errorOf(await as(siti)(ISSUE, { id: application.id }))).toMatchObject({ code: 'CONFLICT' });
    const [stored, ...more] = await harness.prisma.surveyResponse.findMany({ where: { selectionId } });
    expect(more).toEqual([]);
    expect(stored).toEqual({
      id: expect.any(String),
      agencyId: agency,
      selectionId,
      ratings: [4, 3, 4, 2, 3],
      comment: 'Terima kasih',
      answeredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const trail = await harness.prisma.auditLog.findMany({ where: { entityType: 'SurveyResponse', entityId: stored?.id } });
    expect(trail).toEqual([expect.objectContaining({ action: 'survey.answered', actorUserId: null, requestId: null })]);
    expect(JSON.stringify(trail)).not.toContain(application.id);

    // HR sees counts only until three applicants answered.
    expect(data(await as(hr)(SUMMARY, { id: selectionId }), 'applicantSurveySummary')).toEqual({
      responses: 1,
      questions: ['INFORMATION', 'REGISTRATION', 'TESTS', 'TRANSPARENCY', 'SERVICE'],
      averages: [null, null, null, null, null],
    });
    await harness.prisma.surveyResponse.createMany({
      data: [2, 3].map((n) => ({ id: randomUUID(), agencyId: agency, selectionId, ratings: [n, n, n, n, n], comment: null, answeredOn: '2027-01-01' })),
    });
    expect(data<{ averages: number[] }>(await as(hr)(SUMMARY, { id: selectionId }), 'applicantSurveySummary').averages).toEqual([3, 2.67, 3, 2.33, 2.67]);
    expect(errorOf(await as(employeeOf(agency))(SUMMARY, { id: selectionId }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await as(hrOf(randomUUID()))(SUMMARY, { id: selectionId }))).toMatchObject({ code: 'NOT_FOUND' });
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
      await harness.prisma.applicant.create({
        data: {
          id: applicantId,
          userId: randomUUID(),
          nik: nikOf(1 + i, 1, 1995, false, 8000 + i) + '',
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
      await harness.prisma.application.create({
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
    await harness.prisma.objection.createMany({
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
    expect(data<Funnel[]>(await as(hrOf(empty))(FUNNEL, { agencyId: empty }), 'recruitmentFunnel')).toEqual([
      expect.objectContaining({ vacancyId: null, objections: { filed: 0, open: 0, accepted: 0, rejected: 0 } }),
    ]);
    expect(errorOf(await as(hrOf(randomUUID()))(FUNNEL, { agencyId: funnelAgency }))).toMatchObject({ code: 'NOT_FOUND', field: 'agencyId' });
    expect(errorOf(await as(employeeOf(funnelAgency))(FUNNEL, { agencyId: funnelAgency }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await as(hr)(FUNNEL, { agencyId: funnelAgency, vacancyId: 'nope' }))).toMatchObject({ code: 'NOT_FOUND', field: 'vacancyId' });
  });
});
