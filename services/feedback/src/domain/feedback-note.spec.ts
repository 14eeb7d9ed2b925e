import { ConflictError, ValidationError } from '@kinerja/errors';

import { newFeedbackNote, type NewNote, NOTE_TEXT_MAX_LENGTH, replyToNote } from './feedback-note';

const ids = { newId: () => '00000000-0000-4000-8000-000000000001' };
const clock = { now: () => new Date('2027-01-04T02:00:00Z') };
const input: NewNote = {
  agencyId: '00000000-0000-4000-8000-0000000000aa',
  employeeId: '00000000-0000-4000-8000-0000000000e1',
  authorEmployeeId: '00000000-0000-4000-8000-0000000000e2',
  kind: 'PRAISE',
  values: ['KOLABORATIF'],
  text: '  Rapat koordinasi dipimpin dengan baik.  ',
};

function fieldOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return error instanceof ValidationError ? error.field : `not a validation error: ${String(error)}`;
  }
  return undefined;
}

describe('newFeedbackNote', () => {
  it('trims the text and stamps id and time', () => {
    expect(newFeedbackNote(input, ids, clock)).toMatchObject({ text: 'Rapat koordinasi dipimpin dengan baik.', values: ['KOLABORATIF'], reply: null });
  });

  it.each([
    ['a blank text', { text: '   ' }, 'text'],
    ['an overlong text', { text: 'x'.repeat(NOTE_TEXT_MAX_LENGTH + 1) }, 'text'],
    ['an unknown kind', { kind: 'BLAME' }, 'kind'],
    ['an unknown value', { values: ['KOLABORATIF', 'JUJUR'] }, 'values.1'],
    ['a value named twice', { values: ['LOYAL', 'LOYAL'] }, 'values.1'],
  ])('refuses %s, naming the field', (_case, change, field) => {
    expect(fieldOf(() => newFeedbackNote({ ...input, ...change }, ids, clock))).toBe(field);
  });
});

describe('replyToNote', () => {
  it('records one reply and refuses a second', () => {
    const replied = replyToNote(newFeedbackNote(input, ids, clock), 'Terima kasih, Pak.', clock);
    expect(replied.reply).toEqual({ text: 'Terima kasih, Pak.', repliedAt: clock.now() });
    expect(() => replyToNote(replied, 'Sekali lagi', clock)).toThrow(ConflictError);
  });
});
