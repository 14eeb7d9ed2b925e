import { ValidationError } from '@kinerja/errors';

import { new__Entity__, TITLE_MAX_LENGTH } from './__entity-kebab__';

const ids = { newId: () => '00000000-0000-4000-8000-000000000001' };
const clock = { now: () => new Date('2027-01-04T02:00:00Z') };
const agencyId = '00000000-0000-4000-8000-0000000000aa';

describe('new__Entity__', () => {
  it('trims the title and stamps id and time', () => {
    expect(new__Entity__({ agencyId, title: '  Laporan  ' }, ids, clock)).toEqual({ id: ids.newId(), agencyId, title: 'Laporan', createdAt: clock.now() });
  });

  it.each([
    ['an empty title', ''],
    ['a blank title', '   '],
    ['an overlong title', 'x'.repeat(TITLE_MAX_LENGTH + 1)],
  ])('refuses %s, naming the field', (_case, title) => {
    expect(() => new__Entity__({ agencyId, title }, ids, clock)).toThrow(ValidationError);
    try {
      new__Entity__({ agencyId, title }, ids, clock);
    } catch (error) {
      expect((error as ValidationError).field).toBe('title');
    }
  });
});
