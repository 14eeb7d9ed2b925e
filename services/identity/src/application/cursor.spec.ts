import { ValidationError } from '@kinerja/errors';

import { decodeCursor, encodeCursor } from './cursor';

describe('employee cursor', () => {
  it.each([
    { name: 'Budi Santoso', id: '0b6f3f0e-0000-4000-8000-000000000001' },
    { name: 'Ni Luh Putu Ayu Ṡ — "quoted", with commas', id: 'x' },
    { name: '', id: 'y' },
  ])('round-trips %p', (cursor) => {
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded)).toEqual(cursor);
  });

  it.each(['', 'not-base64!', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1,2]').toString('base64url')])(
    'refuses %p as BAD_USER_INPUT on the field',
    (value) => {
      expect(() => decodeCursor(value)).toThrow(ValidationError);
      try {
        decodeCursor(value);
      } catch (error) {
        expect((error as ValidationError).field).toBe('after');
      }
    },
  );
});
