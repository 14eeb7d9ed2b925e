import { randomUUID } from 'node:crypto';

import { DEFAULT_QUESTIONNAIRE } from '../src/domain/questionnaire';
import { type FeedbackHarness, startFeedbackOnPostgres, viewers } from './feedback-harness';
import { employeeRegistered, testEmployee } from './support/events';

const START = `mutation ($input: StartFeedbackCycleInput!) { startFeedbackCycle(input: $input) { id status dueDate raterGroups { group invited answered } } }`;
const OPEN = `mutation ($input: OpenFeedbackCycleInput!) { openFeedbackCycle(input: $input) { id status dueDate } }`;
const ADD = `mutation ($input: AddFeedbackRaterInput!) { addFeedbackRater(input: $input) { id draftRaters { employee { id } group } raterGroups { group invited } } }`;
const REMOVE = `mutation ($input: RemoveFeedbackRaterInput!) { removeFeedbackRater(input: $input) { id draftRaters { employee { id } group } } }`;
const SUBMIT = `mutation ($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { cycleId answeredAt } }`;
const CLOSE = `mutation ($id: ID!) { closeFeedbackCycle(cycleId: $id) { id status aggregate { group value average } } }`;
const CYCLE = `query ($id: ID!) { feedbackCycle(id: $id) { id status raterGroups { group invited answered shown } aggregate { group value average } } }`;
const REQUESTS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { feedbackRequests { cycleId group subject { id } questionnaire { code value } } } } }`;

const answersOf = (score: number) => DEFAULT_QUESTIONNAIRE.map((item) => ({ itemCode: item.code, score }));

describe('360° feedback cycles (rule 8)', () => {
  let harness: FeedbackHarness;
  const agencyId = randomUUID();
  const head = testEmployee(agencyId);
  const subject = testEmployee(agencyId, { supervisorEmployeeId: head.employeeId });
  const peers = [1, 2, 3].map(() => testEmployee(agencyId, { supervisorEmployeeId: head.employeeId }));
  const subordinates = [1, 2].map(() => testEmployee(agencyId, { supervisorEmployeeId: subject.employeeId }));
  const stranger = testEmployee(agencyId);
  const as = (employee: { employeeId: string }) => harness.as(viewers.employee(employee.employeeId, agencyId));
  const code = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions;

  beforeAll(async () => {
    harness = await startFeedbackOnPostgres('fb_cycles');
    for (const employee of [head, subject, ...peers, ...subordinates, stranger]) await harness.deliver(employeeRegistered(employee));
  });
  afterAll(() => harness?.stop());

  async function drafted(periodId = randomUUID()): Promise<string> {
    const response = await as(head)<{ startFeedbackCycle: { id: string; status: string } }>(START, { input: { subjectId: subject.employeeId, periodId } });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    expect(response.data.startFeedbackCycle.status).toBe('DRAFT');
    return response.data.startFeedbackCycle.id;
  }
  async function started(periodId = randomUUID()): Promise<string> {
    const cycleId = await drafted(periodId);
    const opened = await as(head)<{ openFeedbackCycle: { status: string } }>(OPEN, { input: { cycleId } });
    expect(opened.data?.openFeedbackCycle.status).toBe('OPEN');
    return cycleId;
  }

  it('derives the raters from the reporting line, and refuses a colleague, another agency and a second cycle for the period', async () => {
    const periodId = randomUUID();
    const input = { subjectId: subject.employeeId, periodId };
    expect(code(await as(peers[0]!)(START, { input }))?.['code']).toBe('FORBIDDEN');
    expect(code(await harness.as(viewers.hrOf(randomUUID()))(START, { input }))?.['code']).toBe('FORBIDDEN');
    expect(code(await as(head)(START, { input: { ...input, periodId: 'nope' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.periodId' });
    expect(code(await as(head)(START, { input: { ...input, dueDate: '2000-01-01' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueDate' });
    const response = await harness.as(viewers.hrOf(agencyId))<{ startFeedbackCycle: { raterGroups: unknown[] } }>(START, { input });
    expect(response.data?.startFeedbackCycle.raterGroups).toEqual([
      { group: 'SUPERVISOR', invited: 1, answered: 0 },
      { group: 'PEER', invited: 3, answered: 0 },
      { group: 'SUBORDINATE', invited: 2, answered: 0 },
      { group: 'SELF', invited: 1, answered: 0 },
    ]);
    expect(code(await as(head)(START, { input }))?.['code']).toBe('CONFLICT');
    expect(await harness.service.prisma.feedbackCycle.count({ where: { periodId } })).toBe(1);
  });

  it('HR adds and removes raters of a draft, nobody sees a request until it opens, and the raters are fixed once open', async () => {
    const cycleId = await drafted();
    const hr = harness.as(viewers.hrOf(agencyId));
    const raterIds = (response: { data?: Record<string, unknown> | null }, field: string) =>
      ((response.data?.[field] as { draftRaters: { employee: { id: string }; group: string }[] | null }).draftRaters ?? []).map(
        (rater) => `${rater.group}:${rater.employee.id}`,
      );
    // Bad input, each answered with its code and the field, and nothing written.
    expect(code(await as(head)(ADD, { input: { cycleId, raterId: stranger.employeeId, group: 'PEER' } }))?.['code']).toBe('FORBIDDEN');
    expect(code(await harness.as(viewers.hrOf(randomUUID()))(ADD, { input: { cycleId, raterId: stranger.employeeId, group: 'PEER' } }))?.['code']).toBe(
      'FORBIDDEN',
    );
    expect(code(await hr(ADD, { input: { cycleId, raterId: peers[0]!.employeeId, group: 'PEER' } }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_A_RATER',
    });
    expect(code(await hr(ADD, { input: { cycleId, raterId: stranger.employeeId, group: 'SELF' } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.group',
    });
    expect(code(await hr(ADD, { input: { cycleId, raterId: randomUUID(), group: 'PEER' } }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.raterId' });
    expect(code(await hr(REMOVE, { input: { cycleId, raterId: stranger.employeeId } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.raterId' });
    expect(code(await as(peers[0]!)(SUBMIT, { input: { cycleId, answers: answersOf(4) } }))).toMatchObject({ code: 'CONFLICT', reason: 'CYCLE_NOT_OPEN' });
    expect(code(await as(head)(CLOSE, { id: cycleId }))).toMatchObject({ code: 'CONFLICT', reason: 'CYCLE_NOT_OPEN' });
    expect(await harness.service.prisma.feedbackRequest.count({ where: { cycleId } })).toBe(7);

    const added = await hr(ADD, { input: { cycleId, raterId: stranger.employeeId, group: 'PEER' } });
    expect(raterIds(added, 'addFeedbackRater')).toContain(`PEER:${stranger.employeeId}`);
    expect((added.data?.['addFeedbackRater'] as { raterGroups: { group: string; invited: number }[] }).raterGroups).toContainEqual({
      group: 'PEER',
      invited: 4,
    });
    const removed = await hr(REMOVE, { input: { cycleId, raterId: subordinates[0]!.employeeId } });
    expect(raterIds(removed, 'removeFeedbackRater')).not.toContain(`SUBORDINATE:${subordinates[0]!.employeeId}`);
    expect(raterIds(removed, 'removeFeedbackRater')).toHaveLength(7);
    // Only HR sees who a draft asks; the supervisor sees the counts.
    expect((await as(head)(`query ($id: ID!) { feedbackCycle(id: $id) { draftRaters { group } } }`, { id: cycleId })).data?.['feedbackCycle']).toEqual({
      draftRaters: null,
    });
    const requestsOfStranger = `{ _entities(representations: [{ __typename: "Employee", id: "${stranger.employeeId}" }]) { ... on Employee { feedbackRequests { cycleId } } } }`;
    const strangerRequests = async () =>
      ((await as(stranger)(requestsOfStranger, {})).data?.['_entities'] as { feedbackRequests: { cycleId: string }[] }[])[0]!.feedbackRequests.filter(
        (request) => request.cycleId === cycleId,
      );
    expect(await strangerRequests()).toHaveLength(0);

    expect(code(await as(peers[0]!)(OPEN, { input: { cycleId } }))?.['code']).toBe('FORBIDDEN');
    expect(code(await as(head)(OPEN, { input: { cycleId, dueDate: '2000-01-01' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueDate' });
    expect((await as(head)(OPEN, { input: { cycleId } })).data?.['openFeedbackCycle']).toMatchObject({ status: 'OPEN' });
    expect(await strangerRequests()).toHaveLength(1);
    expect(code(await hr(ADD, { input: { cycleId, raterId: subordinates[0]!.employeeId, group: 'SUBORDINATE' } }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'CYCLE_NOT_DRAFT',
    });
    expect(code(await hr(REMOVE, { input: { cycleId, raterId: stranger.employeeId } }))).toMatchObject({ code: 'CONFLICT', reason: 'CYCLE_NOT_DRAFT' });
    expect(code(await as(head)(OPEN, { input: { cycleId } }))).toMatchObject({ code: 'CONFLICT', reason: 'CYCLE_NOT_DRAFT' });
    expect(await harness.service.prisma.feedbackRequest.count({ where: { cycleId } })).toBe(7);
    expect((await as(stranger)(SUBMIT, { input: { cycleId, answers: answersOf(4) } })).errors).toBeUndefined();
  });

  it('shows peers, the supervisor and self their open request with the Indonesian questionnaire, and not the subject as someone else’s', async () => {
    const cycleId = await started();
    const requestsOf = async (viewer: { employeeId: string }, of: { employeeId: string }) =>
      (
        (await as(viewer)(REQUESTS, { r: [{ __typename: 'Employee', id: of.employeeId }] })).data?.['_entities'] as {
          feedbackRequests: { cycleId: string; group: string; questionnaire: unknown[] }[] | null;
        }[]
      )[0]?.feedbackRequests;
    const mine = (await requestsOf(peers[0]!, peers[0]!))?.filter((request) => request.cycleId === cycleId);
    expect(mine).toMatchObject([{ group: 'PEER', questionnaire: expect.arrayContaining([{ code: 'KL-1', value: 'KOLABORATIF' }]) }]);
    expect(mine?.[0]?.questionnaire).toHaveLength(14);
    // The subject's supervisor sees the subject's own requests (the dashboard); the subject does not see who is asked about them.
    expect((await requestsOf(head, subject))?.some((request) => request.cycleId === cycleId && request.group === 'SELF')).toBe(true);
    expect((await requestsOf(subject, subordinates[0]!))?.some((request) => request.cycleId === cycleId)).toBe(false);
  });

  it('takes one complete answer per rater, naming a bad item, refusing a non-rater, a second answer, and answers after closing', async () => {
    const cycleId = await started();
    const bad = answersOf(3).map((answer) => (answer.itemCode === 'LO-2' ? { ...answer, score: 6 } : answer));
    expect(code(await as(peers[0]!)(SUBMIT, { input: { cycleId, answers: bad } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.answers.LO-2' });
    expect(code(await as(peers[0]!)(SUBMIT, { input: { cycleId, answers: answersOf(3).slice(1) } }))).toMatchObject({ field: 'input.answers.BP-1' });
    expect(code(await as(stranger)(SUBMIT, { input: { cycleId, answers: answersOf(3) } }))?.['code']).toBe('FORBIDDEN');
    expect(await harness.service.prisma.feedbackScore.count({ where: { cycleId } })).toBe(0);

    expect((await as(peers[0]!)(SUBMIT, { input: { cycleId, answers: answersOf(4) } })).errors).toBeUndefined();
    expect(code(await as(peers[0]!)(SUBMIT, { input: { cycleId, answers: answersOf(4) } }))?.['code']).toBe('CONFLICT');
    await as(head)(CLOSE, { id: cycleId });
    expect(code(await as(peers[1]!)(SUBMIT, { input: { cycleId, answers: answersOf(4) } }))).toMatchObject({ code: 'CONFLICT', reason: 'CYCLE_CLOSED' });
  });

  it('refuses an answer after the due date', async () => {
    const cycleId = await started();
    await harness.service.prisma.feedbackCycle.update({ where: { id: cycleId }, data: { dueDate: new Date('2020-01-01T00:00:00Z') } });
    expect(code(await as(peers[0]!)(SUBMIT, { input: { cycleId, answers: answersOf(4) } }))).toMatchObject({ code: 'CONFLICT', reason: 'PAST_DUE_DATE' });
  });

  it('three peers answered: the peer aggregate shows once closed, two subordinates stay hidden, and the completed event carries it', async () => {
    const cycleId = await started();
    for (const [rater, score] of [
      [peers[0]!, 4],
      [peers[1]!, 4],
      [peers[2]!, 5],
      [head, 3],
      [subordinates[0]!, 1],
      [subordinates[1]!, 2],
      [subject, 5],
    ] as const) {
      expect((await as(rater)(SUBMIT, { input: { cycleId, answers: answersOf(score) } })).errors).toBeUndefined();
    }
    const open = await as(head)<{ feedbackCycle: { aggregate: unknown[]; raterGroups: { group: string; answered: number; shown: boolean }[] } }>(CYCLE, {
      id: cycleId,
    });
    expect(open.data?.feedbackCycle.aggregate).toEqual([]);
    expect(open.data?.feedbackCycle.raterGroups.find((g) => g.group === 'SUBORDINATE')).toMatchObject({ answered: 2, shown: false });

    const closed = await as(head)<{ closeFeedbackCycle: { aggregate: { group: string; value: string; average: number }[] } }>(CLOSE, { id: cycleId });
    const kolaboratif = closed.data?.closeFeedbackCycle.aggregate.filter((a) => a.value === 'KOLABORATIF');
    expect(kolaboratif).toEqual([
      { group: 'SUPERVISOR', value: 'KOLABORATIF', average: 3 },
      { group: 'PEER', value: 'KOLABORATIF', average: 4.33 },
      { group: 'SELF', value: 'KOLABORATIF', average: 5 },
    ]);
    const events = await harness.service.prisma.outboxEvent.findMany({ where: { type: 'feedback.cycle.completed', key: subject.employeeId } });
    const payloads = events.map(
      (event) => (event.envelope as { payload: { cycleId: string; aggregate: { value: string; average: number | null; responses: number }[] } }).payload,
    );
    const payload = payloads.find((candidate) => candidate.cycleId === cycleId)!;
    expect(payload).toBeDefined();
    // Supervisor 3 and peers 4, 4, 5: (6 + 26) / 8 per value; subordinates and self left out.
    expect(payload.aggregate).toContainEqual({ value: 'KOLABORATIF', average: 4, responses: 4 });
    expect(code(await as(head)(CLOSE, { id: cycleId }))?.['code']).toBe('CONFLICT');
  });

  it('two peers answered: no peer aggregate, for anyone', async () => {
    const cycleId = await started();
    for (const rater of [peers[0]!, peers[1]!, head]) await as(rater)(SUBMIT, { input: { cycleId, answers: answersOf(4) } });
    await as(head)(CLOSE, { id: cycleId });
    for (const viewer of [
      viewers.employee(head.employeeId, agencyId),
      viewers.hrOf(agencyId),
      viewers.auditor(),
      viewers.employee(subject.employeeId, agencyId),
    ]) {
      const groups = ((await harness.as(viewer)(CYCLE, { id: cycleId })).data?.['feedbackCycle'] as { aggregate: { group: string }[] }).aggregate.map(
        (a) => a.group,
      );
      expect(new Set(groups)).toEqual(new Set(['SUPERVISOR']));
    }
    expect(code(await as(peers[0]!)(CYCLE, { id: cycleId }))?.['code']).toBe('NOT_FOUND');
  });
});
