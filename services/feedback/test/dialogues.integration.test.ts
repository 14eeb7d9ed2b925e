import { randomUUID } from 'node:crypto';

import { type FeedbackHarness, startFeedbackOnPostgres, viewers } from './feedback-harness';
import { assessmentFinalized, employeeRegistered, testEmployee } from './support/events';

const RECORD = `mutation ($input: RecordDialogueInput!) { recordDialogue(input: $input) { id kind status date summary agreements required recordedBy { id } } }`;
const ACK = `mutation ($id: ID!) { acknowledgeDialogue(dialogueId: $id) { id status acknowledgedAt } }`;
const DIALOGUES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { id dialogues { id kind status required dueBy } lastDialogue { id kind } } } }`;

describe('performance dialogues (dialog kinerja)', () => {
  let harness: FeedbackHarness;
  const agencyId = randomUUID();
  const head = testEmployee(agencyId);
  const staff = testEmployee(agencyId, { supervisorEmployeeId: head.employeeId });
  const peer = testEmployee(agencyId, { supervisorEmployeeId: head.employeeId });
  const as = (employee: { employeeId: string }) => harness.as(viewers.employee(employee.employeeId, agencyId));
  const input = {
    employeeId: staff.employeeId,
    kind: 'PLANNING',
    date: '2026-01-05',
    summary: 'Menyepakati RHK dan indikator tahun 2026.',
    agreements: 'Tiga RHK utama.',
  };

  beforeAll(async () => {
    harness = await startFeedbackOnPostgres('fb_dialogues');
    for (const employee of [head, staff, peer]) await harness.deliver(employeeRegistered(employee));
  });
  afterAll(() => harness?.stop());

  const dialoguesOf = async (viewer: Parameters<FeedbackHarness['as']>[0], employeeId: string) =>
    ((await harness.as(viewer)(DIALOGUES, { r: [{ __typename: 'Employee', id: employeeId }] })).data?.['_entities'] as Record<string, unknown>[])[0];

  it('records a PLANNING dialogue, publishes it through the outbox, and lets the other party acknowledge it once', async () => {
    const recorded = await as(head)<{ recordDialogue: { id: string } }>(RECORD, { input });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.recordDialogue).toMatchObject({ kind: 'PLANNING', status: 'RECORDED', date: '2026-01-05', recordedBy: { id: head.employeeId } });
    const id = recorded.data!.recordDialogue.id;
    const outbox = await harness.service.prisma.outboxEvent.findMany({ where: { type: 'feedback.dialogue.recorded', key: staff.employeeId } });
    expect(outbox.map((row) => (row.envelope as { payload: unknown }).payload)).toEqual([
      { dialogueId: id, employeeId: staff.employeeId, supervisorEmployeeId: head.employeeId, kind: 'PLANNING', date: '2026-01-05', year: 2026 },
    ]);

    expect((await as(head)(ACK, { id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await as(peer)(ACK, { id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await as(staff)(ACK, { id })).data?.['acknowledgeDialogue']).toMatchObject({ status: 'ACKNOWLEDGED' });
    expect((await as(staff)(ACK, { id })).errors?.[0]?.extensions?.code).toBe('CONFLICT');

    expect(await dialoguesOf(viewers.hrOf(agencyId), staff.employeeId)).toMatchObject({ dialogues: [{ id }], lastDialogue: { id } });
    expect(await dialoguesOf(viewers.employee(peer.employeeId, agencyId), staff.employeeId)).toMatchObject({ dialogues: null });
  });

  it('fulfils the FOLLOW_UP made due by a finalized assessment, and publishes only PLANNING', async () => {
    await harness.deliver(assessmentFinalized(staff, { predikat: 'KURANG' }));
    const due = (await dialoguesOf(viewers.employee(staff.employeeId, agencyId), staff.employeeId)) as {
      dialogues: { id: string; status: string; required: boolean }[];
    };
    const dueOne = due.dialogues.find((d) => d.status === 'DUE');
    expect(dueOne).toMatchObject({ required: true });
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const recorded = await as(staff)<{ recordDialogue: { id: string; status: string; required: boolean } }>(RECORD, {
      input: { ...input, kind: 'FOLLOW_UP', date: today, summary: 'Rencana perbaikan kinerja.' },
    });
    expect(recorded.data?.recordDialogue).toMatchObject({ id: dueOne?.id, status: 'RECORDED', required: true });
    expect(await harness.service.prisma.outboxEvent.count({ where: { type: 'feedback.dialogue.recorded' } })).toBe(1);
  });

  it('refuses a stranger, a future day and an empty summary with the field, storing nothing', async () => {
    const before = await harness.service.prisma.performanceDialogue.count();
    expect((await as(peer)(RECORD, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await as(head)(RECORD, { input: { ...input, date: '2999-01-01' } })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.date',
    });
    expect((await as(head)(RECORD, { input: { ...input, summary: ' ' } })).errors?.[0]?.extensions).toMatchObject({ field: 'input.summary' });
    const settings = `mutation ($input: SetFeedbackSettingsInput!) { setFeedbackSettings(input: $input) { followUpDays } }`;
    expect((await harness.as(viewers.hrOf(agencyId))(settings, { input: { agencyId, followUpDays: 0 } })).errors?.[0]?.extensions).toMatchObject({
      field: 'input.followUpDays',
    });
    expect((await harness.as(viewers.hrOf(randomUUID()))(settings, { input: { agencyId, followUpDays: 10 } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await harness.service.prisma.performanceDialogue.count()).toBe(before);
  });
});
