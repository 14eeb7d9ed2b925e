import { ValidationError } from '@kinerja/errors';

import { newFeedbackNote, TITLE_MAX_LENGTH } from './feedback-note';

const ids = { newId: () => '00000000-0000-4000-8000-000000000001' };
const clock = { now: () => new Date('2027-01-04T02:00:00Z') };
const agencyId = '00000000-0000-4000-8000-0000000000aa';

describe('newFeedbackNote', () => {
  it('trims the title and stamps id and time', () => {
    expect(newFeedbackNote({ agencyId, title: '  Laporan  ' }, ids, clock)).toEqual({ id: ids.newId(), agencyId, title: 'Laporan', createdAt: clock.now() });
  });

  it.each([
    ['an empty title', ''],
    ['a blank title', '   '],
    ['an overlong title', 'x'.repeat(TITLE_MAX_LENGTH + 1)],
  ])('refuses %s, naming the field', (_case, title) => {
    expect(() => newFeedbackNote({ agencyId, title }, ids, clock)).toThrow(ValidationError);
    try {
      newFeedbackNote({ agencyId, title }, ids, clock);
    } catch (error) {
      expect((error as ValidationError).field).toBe('title');
    }
  });
});
