import { ValidationError } from '@kinerja/errors';

import { decodeAssignmentCursor, encodeAssignmentCursor } from './assignment-cursor';

describe('assignment cursor', () => {
  const position = { createdAt: new Date('2026-03-04T05:06:07.089Z'), id: '0b6f2a4e-5d1c-4c55-9a39-2f8e0c3d7b11' };

  it('gives back the position it was made from, to the millisecond', () => {
    expect(decodeAssignmentCursor(encodeAssignmentCursor(position))).toEqual(position);
  });

  it('is opaque: no raw id or date shows', () => {
    const cursor = encodeAssignmentCursor(position);
    expect(cursor).not.toContain(position.id);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['a pair of the wrong types', Buffer.from(JSON.stringify([1, 2])).toString('base64url')],
    ['no date', Buffer.from(JSON.stringify(['yesterday', position.id])).toString('base64url')],
    ['no id', Buffer.from(JSON.stringify([position.createdAt.toISOString(), "x' OR 1=1"])).toString('base64url')],
  ])('refuses %s as BAD_USER_INPUT on the field', (_case, value) => {
    expect(() => decodeAssignmentCursor(value)).toThrow(ValidationError);
    try {
      decodeAssignmentCursor(value);
    } catch (error) {
      expect((error as ValidationError).field).toBe('after');
    }
  });
});
