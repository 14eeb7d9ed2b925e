import { randomUUID } from 'node:crypto';

import { observedSqlRunner } from '@kinerja/database';
import { randomIds, systemClock } from '@kinerja/kernel';
import { createLogger } from '@kinerja/logger';

import { IssueSurveyToken, RateLimiter, SubmitPublicFeedback, type SurveyLimits } from '../src/application/citizen-survey';
import { IKM_ELEMENTS } from '../src/domain/ikm.rule';
import { feedbackModule } from '../src/feedback.module';
import { PrismaCitizenSurveyRepository } from '../src/infrastructure/prisma-citizen-survey.repository';
import { cryptoSurveyTokens } from '../src/infrastructure/survey-tokens';
import { type FeedbackHarness, startFeedbackOnPostgres, viewers } from './feedback-harness';
import { employeeRegistered, testEmployee } from './support/events';

const MARK = `mutation ($input: SetServiceUnitInput!) { setServiceUnit(input: $input) { orgUnitId agencyId servesPublic } }`;
const TOKEN = `query ($id: ID!) { citizenSurveyToken(orgUnitId: $id) { token orgUnitId expiresAt elements } }`;
const SUBMIT = `mutation ($input: SubmitPublicFeedbackInput!) { submitPublicFeedback(input: $input) { orgUnitId acceptedAt } }`;
const SATISFACTION = `query ($r: [_Any!]!, $period: String) { _entities(representations: $r) { ... on OrgUnit { satisfaction(period: $period) { period ikm grade responses perElement { element mean } comments { text month } } } } }`;

type Extensions = Record<string, unknown> | undefined;
const extensionsOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }): Extensions => response.errors?.[0]?.extensions;
const answers = (score: number | ((element: string) => number)) =>
  IKM_ELEMENTS.map((element) => ({ element, score: typeof score === 'number' ? score : score(element) }));

describe('citizen satisfaction (rule 7)', () => {
  let harness: FeedbackHarness;
  const agencyId = randomUUID();
  const otherAgencyId = randomUUID();
  const parentUnit = randomUUID();
  const serviceUnit = randomUUID();
  const floodedUnit = randomUUID();
  const closedUnit = randomUUID();
  const secretary = testEmployee(agencyId, { orgUnitId: parentUnit });
  const head = testEmployee(agencyId, { orgUnitId: serviceUnit, supervisorEmployeeId: secretary.employeeId });
  const clerk = testEmployee(agencyId, { orgUnitId: serviceUnit, supervisorEmployeeId: head.employeeId });
  const floodedHead = testEmployee(agencyId, { orgUnitId: floodedUnit, supervisorEmployeeId: secretary.employeeId });
  const closedHead = testEmployee(agencyId, { orgUnitId: closedUnit, supervisorEmployeeId: secretary.employeeId });
  const hr = viewers.hrOf(agencyId);
  let addressSeq = 0;
  /** A client address of its own for each call site, so the per-address limit only bites where a test floods. */
  const nextAddress = () => `198.51.100.${(addressSeq += 1)}`;
  const anonymous = (address = nextAddress()) => harness.as(null, address);

  async function tokenFor(unit: string, address = nextAddress()): Promise<string> {
    const response = await anonymous(address)<{ citizenSurveyToken: { token: string } }>(TOKEN, { id: unit });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.citizenSurveyToken.token;
  }
  /** A unit of its own for each test, so the per-unit limit only bites where a test floods a unit. */
  async function freshServiceUnit(): Promise<string> {
    const unit = randomUUID();
    await harness.deliver(employeeRegistered(testEmployee(agencyId, { orgUnitId: unit, supervisorEmployeeId: secretary.employeeId })));
    const marked = await harness.as(hr)(MARK, { input: { orgUnitId: unit, servesPublic: true } });
    expect(marked.errors).toBeUndefined();
    return unit;
  }
  const stored = async () => ({
    spent: await harness.service.prisma.surveyToken.count({ where: { spentAt: { not: null } } }),
    aggregates: await harness.service.prisma.satisfactionAggregate.aggregate({ _sum: { responses: true } }),
    comments: await harness.service.prisma.citizenComment.count(),
  });
  const satisfactionAs = async (viewer: Parameters<FeedbackHarness['as']>[0], unit: string, period?: string) => {
    const response = await harness.as(viewer, nextAddress())(SATISFACTION, { r: [{ __typename: 'OrgUnit', id: unit }], period });
    return { response, satisfaction: (response.data?.['_entities'] as { satisfaction: Record<string, unknown> | null }[] | undefined)?.[0]?.satisfaction };
  };

  beforeAll(async () => {
    harness = await startFeedbackOnPostgres('fb_ikm', {
      SURVEY_ADDRESS_BURST: '3',
      SURVEY_ADDRESS_PER_MINUTE: '0',
      SURVEY_UNIT_BURST: '4',
      SURVEY_UNIT_PER_MINUTE: '0',
      SURVEY_COMMENT_MAX_LENGTH: '200',
    });
    for (const employee of [secretary, head, clerk, floodedHead, closedHead]) await harness.deliver(employeeRegistered(employee));
    for (const orgUnitId of [serviceUnit, floodedUnit]) {
      const marked = await harness.as(hr)(MARK, { input: { orgUnitId, servesPublic: true } });
      expect(marked.errors).toBeUndefined();
    }
  });
  afterAll(() => harness?.stop());

  it('lets only HR of the unit’s agency mark it, naming a bad or unknown unit', async () => {
    expect(extensionsOf(await harness.as(viewers.hrOf(otherAgencyId))(MARK, { input: { orgUnitId: closedUnit, servesPublic: true } }))?.['code']).toBe(
      'FORBIDDEN',
    );
    expect(
      extensionsOf(await harness.as(viewers.employee(head.employeeId, agencyId))(MARK, { input: { orgUnitId: closedUnit, servesPublic: true } }))?.['code'],
    ).toBe('FORBIDDEN');
    expect(extensionsOf(await harness.as(hr)(MARK, { input: { orgUnitId: 'nope', servesPublic: true } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.orgUnitId',
    });
    expect(extensionsOf(await harness.as(hr)(MARK, { input: { orgUnitId: randomUUID(), servesPublic: true } }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.orgUnitId',
    });
    expect(await harness.service.prisma.serviceUnit.count({ where: { orgUnitId: closedUnit } })).toBe(0);
    const audited = await harness.service.prisma.auditLog.count({ where: { entityType: 'ServiceUnit', entityId: serviceUnit } });
    expect(audited).toBe(1);
  });

  it('issues no token for a unit that does not serve the public', async () => {
    expect(extensionsOf(await anonymous()(TOKEN, { id: closedUnit }))?.['code']).toBe('FORBIDDEN');
    expect(extensionsOf(await anonymous()(TOKEN, { id: 'x' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orgUnitId' });
    expect(await harness.service.prisma.surveyToken.count({ where: { orgUnitId: closedUnit } })).toBe(0);
  });

  it('refuses bad answers naming the element, a long comment, a forged and a spent token, storing nothing', async () => {
    const token = await tokenFor(serviceUnit);
    const before = await stored();
    const refuse = async (input: Record<string, unknown>) => extensionsOf(await anonymous()(SUBMIT, { input: { token, answers: answers(3), ...input } }));
    expect(await refuse({ answers: answers((element) => (element === 'COST' ? 5 : 3)) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.answers.COST',
    });
    expect(await refuse({ answers: answers(3).filter((answer) => answer.element !== 'FACILITIES') })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.answers.FACILITIES',
    });
    expect(await refuse({ answers: [...answers(3), { element: 'PRODUCT', score: 1 }] })).toMatchObject({ field: 'input.answers.PRODUCT' });
    expect(await refuse({ comment: 'x'.repeat(201) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.comment' });
    expect(await refuse({ token: 'forged-token-forged-token' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.token' });
    expect(await stored()).toEqual(before);

    expect((await anonymous()(SUBMIT, { input: { token, answers: answers(4), comment: 'Pelayanan cepat' } })).errors).toBeUndefined();
    const afterOne = await stored();
    expect(await refuse({})).toMatchObject({ code: 'CONFLICT', reason: 'TOKEN_SPENT', field: 'input.token' });
    expect(await stored()).toEqual(afterOne);
  });

  it('spends a token once when two different submissions race with it', async () => {
    const token = await tokenFor(await freshServiceUnit());
    const before = await stored();
    const results = await Promise.all([2, 3].map((score) => anonymous()(SUBMIT, { input: { token, answers: answers(score) } })));
    expect(results.filter((result) => result.errors === undefined)).toHaveLength(1);
    expect(extensionsOf(results.find((result) => result.errors) ?? {})).toMatchObject({ code: 'CONFLICT', reason: 'TOKEN_SPENT' });
    expect(((await stored()).aggregates._sum.responses ?? 0) - (before.aggregates._sum.responses ?? 0)).toBe(1);
  });

  it('answers a retry of the same submission with the same receipt and counts it once, and refuses other answers on the spent token', async () => {
    const unit = await freshServiceUnit();
    const token = await tokenFor(unit);
    const input = { token, answers: answers(4), comment: 'Petugas ramah' };
    const before = await stored();
    const first = await anonymous()<{ submitPublicFeedback: { orgUnitId: string; acceptedAt: string } }>(SUBMIT, { input });
    expect(first.errors).toBeUndefined();
    const afterFirst = await stored();
    // The client lost the answer (an overloaded gateway) and sends it again, from another address too.
    const retry = await anonymous()<{ submitPublicFeedback: { orgUnitId: string; acceptedAt: string } }>(SUBMIT, { input });
    expect(retry.data).toEqual(first.data);
    expect(await stored()).toEqual(afterFirst);
    expect(afterFirst.comments - before.comments).toBe(1);
    expect((afterFirst.aggregates._sum.responses ?? 0) - (before.aggregates._sum.responses ?? 0)).toBe(1);
    // Other answers, or another comment, on the spent token are a second answer: refused, nothing stored.
    for (const other of [
      { ...input, answers: answers(3) },
      { ...input, comment: 'Petugas kurang ramah' },
      { ...input, comment: null },
    ]) {
      expect(extensionsOf(await anonymous()(SUBMIT, { input: other }))).toMatchObject({ code: 'CONFLICT', reason: 'TOKEN_SPENT', field: 'input.token' });
    }
    expect(await stored()).toEqual(afterFirst);
    // Both copies sent at once, as a client retrying too early does: one answer, one receipt for both.
    const second = await tokenFor(unit);
    const atOnce = await Promise.all(
      [1, 2].map(() => anonymous()<{ submitPublicFeedback: unknown }>(SUBMIT, { input: { token: second, answers: answers(1) } })),
    );
    expect(atOnce.map((result) => result.errors)).toEqual([undefined, undefined]);
    expect(atOnce[1]?.data).toEqual(atOnce[0]?.data);
    expect(((await stored()).aggregates._sum.responses ?? 0) - (afterFirst.aggregates._sum.responses ?? 0)).toBe(1);
    // Nothing in the database reads back the answers without the token.
    const row = await harness.service.prisma.surveyToken.findFirst({ where: { spentAt: { not: null }, orgUnitId: unit }, select: { answerDigest: true } });
    expect(row?.answerDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('counts each of many concurrent answers to one unit once, and spends a token raced by many different answers once', async () => {
    // The use cases over the service's own database, with limits that let the whole burst through.
    const generous: SurveyLimits = {
      perAddress: { capacity: 1000, perMinute: 0 },
      perUnit: { capacity: 1000, perMinute: 0 },
      commentMaxLength: 200,
      tokenTtlMinutes: 60,
    };
    const repository = new PrismaCitizenSurveyRepository(harness.service.prisma, harness.service.database.sql);
    const limiter = () => new RateLimiter(generous.perAddress, systemClock);
    const issue = new IssueSurveyToken(repository, cryptoSurveyTokens, limiter(), generous, systemClock);
    const submit = new SubmitPublicFeedback(repository, cryptoSurveyTokens, limiter(), limiter(), generous, randomIds, systemClock);
    const unit = await freshServiceUnit();
    const count = 40;
    const tokens = await Promise.all(Array.from({ length: count }, (_, i) => issue.execute(`192.0.2.${i}`, unit)));
    const before = await stored();
    // Every answer to the same unit-month row at once: none lost, none counted twice.
    const receipts = await Promise.allSettled(
      tokens.map(({ token }, i) => submit.execute(`192.0.2.${i}`, { token, answers: answers(1 + (i % 4)), comment: i % 10 === 0 ? `Komentar ${i}` : null })),
    );
    expect(receipts.filter((receipt) => receipt.status === 'rejected')).toEqual([]);
    const rows = await harness.service.prisma.satisfactionAggregate.findMany({ where: { orgUnitId: unit } });
    const sum = (column: 'responses' | 'cost') => rows.reduce((total, row) => total + row[column], 0);
    expect(sum('responses')).toBe(count);
    expect(sum('cost')).toBe(Array.from({ length: count }, (_, i) => 1 + (i % 4)).reduce((a, b) => a + b, 0));
    const afterAll = await stored();
    expect(afterAll.spent - before.spent).toBe(count);
    expect(afterAll.comments - before.comments).toBe(count / 10);

    // One token, eight different answers at once: one accepted, the others TOKEN_SPENT, one response counted.
    const { token } = await issue.execute('192.0.2.200', unit);
    const raced = await Promise.allSettled(
      [1, 2, 3, 4, 1, 2, 3, 4].map((score, i) => submit.execute(`192.0.2.${201 + i}`, { token, answers: answers(score), comment: `${i}` })),
    );
    expect(raced.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of raced.filter((each): each is PromiseRejectedResult => each.status === 'rejected'))
      expect(result.reason).toMatchObject({ code: 'CONFLICT', details: { reason: 'TOKEN_SPENT' } });
    const afterRace = await stored();
    expect(afterRace.spent - afterAll.spent).toBe(1);
    expect(afterRace.comments - afterAll.comments).toBe(1);
    expect((afterRace.aggregates._sum.responses ?? 0) - (afterAll.aggregates._sum.responses ?? 0)).toBe(1);
  });

  it("spends a token that names its unit in one statement, gives the unit's limit back when nothing is spent, and still takes a token without its unit", async () => {
    const limits: SurveyLimits = {
      perAddress: { capacity: 1000, perMinute: 0 },
      perUnit: { capacity: 3, perMinute: 0 },
      commentMaxLength: 200,
      tokenTtlMinutes: 60,
    };
    const statements: string[] = [];
    const repository = new PrismaCitizenSurveyRepository(
      harness.service.prisma,
      observedSqlRunner(harness.service.database.sql, (text) => statements.push(text)),
    );
    const issue = new IssueSurveyToken(repository, cryptoSurveyTokens, new RateLimiter(limits.perAddress, systemClock), limits, systemClock);
    const submit = new SubmitPublicFeedback(
      repository,
      cryptoSurveyTokens,
      new RateLimiter(limits.perAddress, systemClock),
      new RateLimiter(limits.perUnit, systemClock),
      limits,
      randomIds,
      systemClock,
    );
    const unit = await freshServiceUnit();
    // A token of the form issued before tokens named their unit: read first, then spent (the unit's first of 3).
    const unnamed = 'an-unnamed-token-issued-before-tokens-named-their-unit';
    expect(await repository.issueToken(cryptoSurveyTokens.hashOf(unnamed), unit, new Date(), new Date(Date.now() + 60_000))).toBe(true);
    await expect(submit.execute('192.0.2.1', { token: unnamed, answers: answers(2) })).resolves.toMatchObject({ orgUnitId: unit });
    const [first, second, third] = await Promise.all([1, 2, 3].map((i) => issue.execute(`192.0.2.${i}`, unit)));
    statements.length = 0;
    const receipt = await submit.execute('192.0.2.1', { token: first!.token, answers: answers(4) });
    expect(statements).toHaveLength(1);
    // A retry and a forged token naming the unit spend nothing and give the unit's token back.
    await expect(submit.execute('192.0.2.1', { token: first!.token, answers: answers(4) })).resolves.toEqual(receipt);
    const forged = `${first!.token.split('.')[0]}.${'A'.repeat(32)}`;
    await expect(submit.execute('192.0.2.1', { token: forged, answers: answers(4) })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(submit.execute('192.0.2.1', { token: second!.token, answers: answers(1) })).resolves.toMatchObject({ orgUnitId: unit });
    await expect(submit.execute('192.0.2.1', { token: third!.token, answers: answers(1) })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'RATE_LIMITED', scope: 'ORG_UNIT' },
    });
    const rows = await harness.service.prisma.satisfactionAggregate.findMany({ where: { orgUnitId: unit } });
    expect(rows.reduce((total, row) => total + row.responses, 0)).toBe(3);
  });

  it('refuses a flood from one client address, storing nothing', async () => {
    const address = nextAddress();
    const unit = await freshServiceUnit();
    const tokens = [await tokenFor(unit), await tokenFor(unit), await tokenFor(unit)];
    const before = await stored();
    // Three submissions fit the burst (the first one bad, still counted); the fourth is refused with its token unspent.
    expect(extensionsOf(await anonymous(address)(SUBMIT, { input: { token: tokens[0], answers: answers(0) } }))?.['code']).toBe('BAD_USER_INPUT');
    for (const token of tokens.slice(0, 2)) expect((await anonymous(address)(SUBMIT, { input: { token, answers: answers(3) } })).errors).toBeUndefined();
    const afterTwo = await stored();
    expect(extensionsOf(await anonymous(address)(SUBMIT, { input: { token: tokens[2], answers: answers(3) } }))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'RATE_LIMITED',
      scope: 'CLIENT_ADDRESS',
    });
    expect(await stored()).toEqual(afterTwo);
    expect(afterTwo.spent - before.spent).toBe(2);
    // Token requests from one address are limited too.
    const tokenAddress = nextAddress();
    for (let i = 0; i < 3; i += 1) expect((await anonymous(tokenAddress)(TOKEN, { id: serviceUnit })).errors).toBeUndefined();
    expect(extensionsOf(await anonymous(tokenAddress)(TOKEN, { id: serviceUnit }))).toMatchObject({ code: 'FORBIDDEN', reason: 'RATE_LIMITED' });
  });

  it('refuses a flood on one unit from many addresses, storing nothing', async () => {
    const tokens = await Promise.all([1, 2, 3, 4, 5].map(() => tokenFor(floodedUnit)));
    for (const token of tokens.slice(0, 4)) expect((await anonymous()(SUBMIT, { input: { token, answers: answers(3) } })).errors).toBeUndefined();
    const before = await stored();
    expect(extensionsOf(await anonymous()(SUBMIT, { input: { token: tokens[4], answers: answers(3) } }))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'RATE_LIMITED',
      scope: 'ORG_UNIT',
    });
    expect(await stored()).toEqual(before);
  });

  it('refuses a token once HR unmarked the unit', async () => {
    const unit = randomUUID();
    const unitHead = testEmployee(agencyId, { orgUnitId: unit });
    await harness.deliver(employeeRegistered(unitHead));
    await harness.as(hr)(MARK, { input: { orgUnitId: unit, servesPublic: true } });
    const token = await tokenFor(unit);
    await harness.as(hr)(MARK, { input: { orgUnitId: unit, servesPublic: false } });
    const before = await stored();
    expect(extensionsOf(await anonymous()(SUBMIT, { input: { token, answers: answers(3) } }))?.['code']).toBe('FORBIDDEN');
    expect(await stored()).toEqual(before);
  });

  it('keeps a month aggregate per unit as answers arrive, and shows the comments to the unit head and HR only', async () => {
    const unit = randomUUID();
    const unitHead = testEmployee(agencyId, { orgUnitId: unit, supervisorEmployeeId: secretary.employeeId });
    const unitClerk = testEmployee(agencyId, { orgUnitId: unit, supervisorEmployeeId: unitHead.employeeId });
    for (const employee of [unitHead, unitClerk]) await harness.deliver(employeeRegistered(employee));
    await harness.as(hr)(MARK, { input: { orgUnitId: unit, servesPublic: true } });
    // Empty before any answer.
    expect((await satisfactionAs(null, unit)).satisfaction).toMatchObject({ responses: 0, ikm: null, grade: null, perElement: [] });

    const submissions = [answers(4), answers(3), answers((element) => (element === 'COST' ? 1 : 4))];
    for (const [index, given] of submissions.entries()) {
      const token = await tokenFor(unit);
      const comment = index === 0 ? 'Antrean tertib' : null;
      expect((await anonymous()(SUBMIT, { input: { token, answers: given, comment } })).errors).toBeUndefined();
    }
    const rows = await harness.service.prisma.satisfactionAggregate.findMany({ where: { orgUnitId: unit } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ agencyId, responses: 3, cost: 8, facilities: 11 });

    const year = String(new Date().getUTCFullYear());
    // Means: eight elements (4+3+4)/3 = 3.67, COST (4+3+1)/3 = 2.67; index = mean of means × 25 = 88.89 → A.
    const expected = { responses: 3, ikm: 88.89, grade: 'A' };
    const anonymousView = (await satisfactionAs(null, unit, year)).satisfaction;
    expect(anonymousView).toMatchObject({ ...expected, period: year, comments: null });
    expect(anonymousView?.['perElement']).toEqual(
      expect.arrayContaining([
        { element: 'COST', mean: 2.67 },
        { element: 'FACILITIES', mean: 3.67 },
      ]),
    );
    expect((await satisfactionAs(viewers.employee(unitHead.employeeId, agencyId), unit)).satisfaction).toMatchObject({
      ...expected,
      comments: [{ text: 'Antrean tertib', month: expect.stringMatching(/^\d{4}-\d{2}$/) }],
    });
    expect((await satisfactionAs(hr, unit)).satisfaction?.['comments']).toHaveLength(1);
    expect((await satisfactionAs(viewers.employee(unitClerk.employeeId, agencyId), unit)).satisfaction?.['comments']).toBeNull();
    expect((await satisfactionAs(viewers.employee(head.employeeId, agencyId), unit)).satisfaction?.['comments']).toBeNull();
    expect((await satisfactionAs(viewers.hrOf(otherAgencyId), unit)).satisfaction?.['comments']).toBeNull();

    // Another year is empty; a malformed period names the argument; a unit that does not serve the public has none.
    expect((await satisfactionAs(null, unit, String(Number(year) - 1))).satisfaction).toMatchObject({ responses: 0, ikm: null });
    expect(extensionsOf((await satisfactionAs(null, unit, '2026-Q5')).response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    expect((await satisfactionAs(null, closedUnit)).satisfaction).toBeNull();
  });
});

describe('the demo seed of citizen satisfaction', () => {
  it('marks the two largest units of each agency the copy knows, once, and leaves an agency with a service unit alone', async () => {
    const harness = await startFeedbackOnPostgres('fb_ikm_seed', { SEED_DEMO_DATA: 'auto' });
    try {
      const seed = () => feedbackModule.seed!(harness.service, createLogger({ name: 'seed', level: 'silent' }));
      expect(await seed()).toEqual({ summary: { demoServiceUnits: 0 } });
      const agencyId = randomUUID();
      const [big, middle, small] = [randomUUID(), randomUUID(), randomUUID()];
      for (const [unit, count] of [
        [big, 3],
        [middle, 2],
        [small, 1],
      ] as const) {
        for (let i = 0; i < count; i += 1) await harness.deliver(employeeRegistered(testEmployee(agencyId, { orgUnitId: unit })));
      }
      expect(await seed()).toEqual({ summary: { demoServiceUnits: 2 } });
      expect(await seed()).toEqual({ summary: { demoServiceUnits: 0 } });
      const units = await harness.service.prisma.serviceUnit.findMany({ where: { agencyId } });
      expect(units.map((unit) => unit.orgUnitId).sort()).toEqual([big, middle].sort());
      const view = await harness.as(null, '203.0.113.1')(SATISFACTION, { r: [{ __typename: 'OrgUnit', id: big }] });
      expect((view.data?.['_entities'] as { satisfaction: unknown }[])[0]?.satisfaction).toMatchObject({ responses: 40, grade: 'B' });
    } finally {
      await harness.stop();
    }
  });
});
