import { randomUUID } from 'node:crypto';

import { DEFAULT_QUESTIONNAIRE } from '../src/domain/questionnaire';
import { CORE_VALUES } from '../src/domain/vocabulary';
import { type FeedbackHarness, startFeedbackOnPostgres, viewers } from './feedback-harness';
import { employeeRegistered, testEmployee } from './support/events';

const READ = `query ($agencyId: ID!) { feedbackQuestionnaire(agencyId: $agencyId) { agencyId isDefault items { code value text } } }`;
const SET = `mutation ($input: SetFeedbackQuestionnaireInput!) { setFeedbackQuestionnaire(input: $input) { agencyId isDefault items { code value text } } }`;
const START = `mutation ($input: StartFeedbackCycleInput!) { startFeedbackCycle(input: $input) { id } }`;
const OPEN = `mutation ($input: OpenFeedbackCycleInput!) { openFeedbackCycle(input: $input) { id status } }`;
const CYCLE = `query ($id: ID!) { feedbackCycle(id: $id) { id questionnaire { code } } }`;
const SUBMIT = `mutation ($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { cycleId } }`;

/** One statement per value, codes with a prefix of the version. */
const questionnaire = (prefix: string) =>
  CORE_VALUES.map((value, index) => ({ code: `${prefix}-${index + 1}`, value, text: `Pernyataan ${prefix} tentang nilai ${value.toLowerCase()}.` }));

describe("an agency's 360° questionnaire", () => {
  let harness: FeedbackHarness;
  const agencyId = randomUUID();
  const otherAgencyId = randomUUID();
  const head = testEmployee(agencyId);
  const subjects = [1, 2].map(() => testEmployee(agencyId, { supervisorEmployeeId: head.employeeId }));
  const outsider = testEmployee(otherAgencyId);
  const outsiderSubject = testEmployee(otherAgencyId, { supervisorEmployeeId: outsider.employeeId });
  const hr = () => harness.as(viewers.hrOf(agencyId));
  const as = (employee: { employeeId: string; agencyId: string }) => harness.as(viewers.employee(employee.employeeId, employee.agencyId));
  const extensions = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions;

  beforeAll(async () => {
    harness = await startFeedbackOnPostgres('fb_questionnaire');
    for (const employee of [head, ...subjects, outsider, outsiderSubject]) await harness.deliver(employeeRegistered(employee));
  });
  afterAll(() => harness?.stop());

  async function openedCycle(subject: { employeeId: string; agencyId: string }, supervisor: { employeeId: string; agencyId: string }): Promise<string> {
    const started = await as(supervisor)<{ startFeedbackCycle: { id: string } }>(START, { input: { subjectId: subject.employeeId, periodId: randomUUID() } });
    const cycleId = started.data?.startFeedbackCycle.id ?? JSON.stringify(started.errors);
    const opened = await as(supervisor)<{ openFeedbackCycle: { status: string } }>(OPEN, { input: { cycleId } });
    expect(opened.data?.openFeedbackCycle.status).toBe('OPEN');
    return cycleId;
  }
  const codesOf = async (cycleId: string) =>
    (await hr()<{ feedbackCycle: { questionnaire: { code: string }[] } }>(CYCLE, { id: cycleId })).data?.feedbackCycle.questionnaire.map((item) => item.code);

  it('is the seeded default until HR sets one, and is read by the agency only', async () => {
    const response = await as(head)<{ feedbackQuestionnaire: { isDefault: boolean; items: unknown[] } }>(READ, { agencyId });
    expect(response.data?.feedbackQuestionnaire).toEqual({ agencyId, isDefault: true, items: DEFAULT_QUESTIONNAIRE });
    expect(extensions(await as(outsider)(READ, { agencyId }))?.['code']).toBe('FORBIDDEN');
    expect(extensions(await harness.as(null)(READ, { agencyId }))?.['code']).toBe('UNAUTHENTICATED');
  });

  it('is set by HR only, and bad input names the item and writes nothing', async () => {
    const input = { agencyId, items: questionnaire('Q') };
    expect(extensions(await as(head)(SET, { input }))?.['code']).toBe('FORBIDDEN');
    expect(extensions(await harness.as(viewers.hrOf(otherAgencyId))(SET, { input }))?.['code']).toBe('FORBIDDEN');
    const duplicate = { agencyId, items: input.items.map((item, index) => (index === 3 ? { ...item, code: 'Q-1' } : item)) };
    expect(extensions(await hr()(SET, { input: duplicate }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items.3.code' });
    const uncovered = { agencyId, items: input.items.filter((item) => item.value !== 'LOYAL') };
    const refused = await hr()(SET, { input: uncovered });
    expect(extensions(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items' });
    expect(refused.errors?.[0]?.message).toMatch(/LOYAL/);
    const blank = { agencyId, items: input.items.map((item, index) => (index === 6 ? { ...item, text: '   ' } : item)) };
    expect(extensions(await hr()(SET, { input: blank }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items.6.text' });
    expect(await harness.service.prisma.agencyQuestionnaire.count()).toBe(0);
  });

  it('a cycle keeps the questionnaire it opened with; later edits change only cycles opened afterwards, and other agencies keep the default', async () => {
    const first = await hr()<{ setFeedbackQuestionnaire: { isDefault: boolean } }>(SET, { input: { agencyId, items: questionnaire('V1') } });
    expect(first.data?.setFeedbackQuestionnaire.isDefault).toBe(false);
    const cycleOnV1 = await openedCycle(subjects[0]!, head);
    expect(await codesOf(cycleOnV1)).toEqual(questionnaire('V1').map((item) => item.code));

    // A draft started now but opened after the edit takes the questionnaire of its opening.
    const draft = await as(head)<{ startFeedbackCycle: { id: string } }>(START, { input: { subjectId: subjects[1]!.employeeId, periodId: randomUUID() } });
    await hr()(SET, { input: { agencyId, items: questionnaire('V2') } });
    await as(head)(OPEN, { input: { cycleId: draft.data!.startFeedbackCycle.id } });
    expect(await codesOf(draft.data!.startFeedbackCycle.id)).toEqual(questionnaire('V2').map((item) => item.code));
    expect(await codesOf(cycleOnV1)).toEqual(questionnaire('V1').map((item) => item.code));

    // Its raters answer the questionnaire of their cycle, not the agency's current one.
    const answers = (prefix: string) => questionnaire(prefix).map((item) => ({ itemCode: item.code, score: 4 }));
    expect(extensions(await as(head)(SUBMIT, { input: { cycleId: cycleOnV1, answers: answers('V2') } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.answers.0.itemCode',
    });
    expect((await as(head)<{ submitFeedback: { cycleId: string } }>(SUBMIT, { input: { cycleId: cycleOnV1, answers: answers('V1') } })).data).toEqual({
      submitFeedback: { cycleId: cycleOnV1 },
    });

    const elsewhere = await openedCycle(outsiderSubject, outsider);
    expect(
      await harness
        .as(viewers.hrOf(otherAgencyId))(CYCLE, { id: elsewhere })
        .then((r) => (r.data as { feedbackCycle: { questionnaire: { code: string }[] } }).feedbackCycle.questionnaire.map((item) => item.code)),
    ).toEqual(DEFAULT_QUESTIONNAIRE.map((item) => item.code));
  });
});
