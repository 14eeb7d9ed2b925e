import { randomUUID } from 'node:crypto';

import { type FeedbackHarness, startFeedbackOnPostgres, viewers } from './feedback-harness';
import { employeeRegistered, testEmployee } from './support/events';

const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on FeedbackNote { id agencyId text } } }`;
const KEYED = `query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on PerformanceDialogue { id agencyId } ... on FeedbackCycle { id agencyId } ... on Employee { id } } }`;

// The subgraph contract: every @key entity resolves through _entities, scoped to the viewer's agency.
describe('feedback subgraph contract', () => {
  let harness: FeedbackHarness;
  const agencyA = randomUUID();
  const agencyB = randomUUID();
  const head = testEmployee(agencyA);
  const staff = testEmployee(agencyA, { supervisorEmployeeId: head.employeeId });
  let noteId = '';
  let dialogueId = '';
  let cycleId = '';

  beforeAll(async () => {
    harness = await startFeedbackOnPostgres('fb_contract');
    for (const employee of [head, staff]) await harness.deliver(employeeRegistered(employee));
    const recorded = await harness.as(viewers.employee(head.employeeId, agencyA))<{ recordFeedbackNote: { id: string } }>(
      `mutation ($input: RecordFeedbackNoteInput!) { recordFeedbackNote(input: $input) { id } }`,
      { input: { employeeId: staff.employeeId, kind: 'PRAISE', values: [], text: 'Pertama' } },
    );
    noteId = recorded.data!.recordFeedbackNote.id;
    const asHead = harness.as(viewers.employee(head.employeeId, agencyA));
    const dialogue = await asHead<{ recordDialogue: { id: string } }>(`mutation ($input: RecordDialogueInput!) { recordDialogue(input: $input) { id } }`, {
      input: { employeeId: staff.employeeId, kind: 'MONITORING', date: '2026-06-01', summary: 'Pemantauan triwulan II.' },
    });
    dialogueId = dialogue.data!.recordDialogue.id;
    const cycle = await asHead<{ startFeedbackCycle: { id: string } }>(
      `mutation ($input: StartFeedbackCycleInput!) { startFeedbackCycle(input: $input) { id } }`,
      {
        input: { subjectId: staff.employeeId, periodId: randomUUID() },
      },
    );
    cycleId = cycle.data!.startFeedbackCycle.id;
  });
  afterAll(() => harness?.stop());

  const entities = (viewer: Parameters<FeedbackHarness['as']>[0], r: unknown[]) =>
    harness
      .as(viewer)(ENTITIES, { r })
      .then((res) => res.data?.['_entities']);

  it('resolves FeedbackNote for its readers and as null for another agency, a colleague and anonymous', async () => {
    const r = [{ __typename: 'FeedbackNote', id: noteId }];
    expect(await entities(viewers.employee(staff.employeeId, agencyA), r)).toEqual([
      { __typename: 'FeedbackNote', id: noteId, agencyId: agencyA, text: 'Pertama' },
    ]);
    expect(await entities(viewers.auditor(), r)).toEqual([expect.objectContaining({ id: noteId })]);
    expect(await entities(viewers.employee(randomUUID(), agencyA), r)).toEqual([null]);
    expect(await entities(viewers.hrOf(agencyB), r)).toEqual([null]);
    expect(await entities(null, r)).toEqual([null]);
  });

  it('answers a malformed or unknown id as not found, never as an internal error', async () => {
    const single = await harness.as(viewers.auditor())(`query ($id: ID!) { feedbackNote(id: $id) { id } }`, { id: 'not-an-id' });
    expect(single.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(
      await entities(viewers.auditor(), [
        { __typename: 'FeedbackNote', id: 'not-an-id' },
        { __typename: 'FeedbackNote', id: randomUUID() },
      ]),
    ).toEqual([null, null]);
  });

  it('resolves PerformanceDialogue and FeedbackCycle for their readers only, and Employee as a stub whose fields check access', async () => {
    const r = [
      { __typename: 'PerformanceDialogue', id: dialogueId },
      { __typename: 'FeedbackCycle', id: cycleId },
      { __typename: 'Employee', id: staff.employeeId },
    ];
    const keyed = (viewer: Parameters<FeedbackHarness['as']>[0]) =>
      harness
        .as(viewer)(KEYED, { r })
        .then((res) => res.data?.['_entities']);
    const mine = [
      { __typename: 'PerformanceDialogue', id: dialogueId, agencyId: agencyA },
      { __typename: 'FeedbackCycle', id: cycleId, agencyId: agencyA },
      { __typename: 'Employee', id: staff.employeeId },
    ];
    expect(await keyed(viewers.employee(staff.employeeId, agencyA))).toEqual(mine);
    expect(await keyed(viewers.hrOf(agencyA))).toEqual(mine);
    for (const outsider of [viewers.hrOf(agencyB), viewers.employee(randomUUID(), agencyA), null]) {
      expect(await keyed(outsider)).toEqual([null, null, { __typename: 'Employee', id: staff.employeeId }]);
    }
    const notes = await harness.as(viewers.hrOf(agencyB))(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { feedbackNotes { id } dialogues { id } feedbackRequests { cycleId } } } }`,
      {
        r: [{ __typename: 'Employee', id: staff.employeeId }],
      },
    );
    expect(notes.data?.['_entities']).toEqual([{ feedbackNotes: null, dialogues: null, feedbackRequests: null }]);
  });
});
