import { ValidationError } from '@kinerja/errors';

import { assertEntityId, isEntityId } from './ids';

describe('entity ids', () => {
  it.each([
    ['0b3c2a8e-1d7f-4b4e-9a7c-3f1d2e4a5b6c', true],
    ['0B3C2A8E-1D7F-4B4E-9A7C-3F1D2E4A5B6C', true],
    ['not-an-id', false],
    ['', false],
    ["0b3c2a8e-1d7f-4b4e-9a7c-3f1d2e4a5b6c'--", false],
    [42, false],
  ])('%p is an id: %p', (value, expected) => {
    expect(isEntityId(value)).toBe(expected);
  });

  it('names the field of a malformed id', () => {
    expect(() => assertEntityId('x', 'input.planId')).toThrow(ValidationError);
    try {
      assertEntityId('x', 'input.planId');
    } catch (error) {
      expect((error as ValidationError).field).toBe('input.planId');
    }
  });
});
