import { randomUUID } from 'node:crypto';

import { type FeedbackHarness, startFeedbackOnPostgres, viewers } from './feedback-harness';
import { employeeRegistered, testEmployee } from './support/events';

const RECORD = `mutation ($input: RecordFeedbackNoteInput!) { recordFeedbackNote(input: $input) { id kind values text author { id } employee { id } reply { text } } }`;
const REPLY = `mutation ($input: ReplyToFeedbackNoteInput!) { replyToFeedbackNote(input: $input) { id reply { text } } }`;
const NOTES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { id feedbackNotes { id text kind reply { text } } } } }`;

describe('continuous feedback notes', () => {
  let harness: FeedbackHarness;
  const agencyId = randomUUID();
  const director = testEmployee(agencyId);
  const head = testEmployee(agencyId, { supervisorEmployeeId: director.employeeId });
  const staff = testEmployee(agencyId, { supervisorEmployeeId: head.employeeId });
  const peer = testEmployee(agencyId, { supervisorEmployeeId: head.employeeId });
  const as = (employee: { employeeId: string }) => harness.as(viewers.employee(employee.employeeId, agencyId));

  beforeAll(async () => {
    harness = await startFeedbackOnPostgres('fb_notes');
    for (const employee of [director, head, staff, peer]) await harness.deliver(employeeRegistered(employee));
  });
  afterAll(() => harness?.stop());

  const notesOf = async (viewer: Parameters<FeedbackHarness['as']>[0], employeeId: string) =>
    ((await harness.as(viewer)(NOTES, { r: [{ __typename: 'Employee', id: employeeId }] })).data?.['_entities'] as { feedbackNotes: unknown[] | null }[])[0]
      ?.feedbackNotes;

  it('lets the direct supervisor record a tagged note that the employee and the chain see, and the employee reply once', async () => {
    const input = { employeeId: staff.employeeId, kind: 'PRAISE', values: ['KOLABORATIF', 'BERORIENTASI_PELAYANAN'], text: 'Pelayanan loket cepat dan ramah.' };
    const recorded = await as(head)<{ recordFeedbackNote: { id: string } }>(RECORD, { input });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.recordFeedbackNote).toMatchObject({ kind: 'PRAISE', values: input.values, author: { id: head.employeeId }, reply: null });
    const noteId = recorded.data!.recordFeedbackNote.id;

    for (const reader of [staff, head, director]) expect(await notesOf(viewers.employee(reader.employeeId, agencyId), staff.employeeId)).toHaveLength(1);
    expect(await notesOf(viewers.employee(peer.employeeId, agencyId), staff.employeeId)).toBeNull();
    expect(await notesOf(viewers.hrOf(randomUUID()), staff.employeeId)).toBeNull();

    const replied = await as(staff)(REPLY, { input: { noteId, text: 'Terima kasih, Bu.' } });
    expect(replied.data?.['replyToFeedbackNote']).toMatchObject({ reply: { text: 'Terima kasih, Bu.' } });
    const again = await as(staff)(REPLY, { input: { noteId, text: 'Lagi' } });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const byHead = await as(head)(REPLY, { input: { noteId, text: 'Bukan saya' } });
    expect(byHead.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await harness.service.prisma.auditLog.count({ where: { entityId: noteId } })).toBe(2);
  });

  it('refuses a note from anyone but the direct supervisor, and bad input with the field, storing nothing', async () => {
    const before = await harness.service.prisma.feedbackNote.count();
    const input = { employeeId: staff.employeeId, kind: 'IMPROVEMENT', values: [], text: 'Laporan terlambat.' };
    expect((await as(director)(RECORD, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await as(peer)(RECORD, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await as(head)(RECORD, { input: { ...input, text: '   ' } })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.text',
    });
    expect((await as(head)(RECORD, { input: { ...input, values: ['LOYAL', 'LOYAL'] } })).errors?.[0]?.extensions).toMatchObject({ field: 'input.values.1' });
    expect((await as(head)(RECORD, { input: { ...input, employeeId: 'x' } })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.employeeId',
    });
    expect((await as(head)(RECORD, { input: { ...input, employeeId: randomUUID() } })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await harness.service.prisma.feedbackNote.count()).toBe(before);
  });
});
