import { ConflictError, ValidationError } from '@kinerja/errors';

import { assertFinalizationAllowed, type DistributionEnforcement, finalizationDecision } from './curve-enforcement.rule';

const words = (length: number): string => 'x'.repeat(length);

describe('finalizationDecision', () => {
  it.each<[string, DistributionEnforcement, boolean, string | null, boolean, boolean, boolean]>([
    // case, enforcement, breaks, justification → allowed, warning, requiresJustification
    ['WARN, the curve holds', 'WARN', false, null, true, false, false],
    ['BLOCK, the curve holds', 'BLOCK', false, null, true, false, false],
    ['WARN, breaks, no justification', 'WARN', true, null, false, true, true],
    ['WARN, breaks, 29 characters', 'WARN', true, words(29), false, true, true],
    ['WARN, breaks, 29 characters padded with spaces', 'WARN', true, `  ${words(29)}    `, false, true, true],
    ['WARN, breaks, 30 characters', 'WARN', true, words(30), true, true, true],
    ['BLOCK, breaks, no justification', 'BLOCK', true, null, false, true, false],
    ['BLOCK, breaks, a long justification', 'BLOCK', true, words(300), false, true, false],
  ])('%s', (_case, enforcement, breaks, justification, allowed, warning, requiresJustification) => {
    expect(finalizationDecision({ enforcement, breaks, justification })).toMatchObject({ allowed, warning, requiresJustification });
  });

  it('takes the agency minimum length', () => {
    expect(finalizationDecision({ enforcement: 'WARN', breaks: true, justification: words(10), minJustificationLength: 10 }).allowed).toBe(true);
    expect(finalizationDecision({ enforcement: 'WARN', breaks: true, justification: words(9), minJustificationLength: 10 }).allowed).toBe(false);
  });
});

describe('assertFinalizationAllowed', () => {
  it('refuses a missing justification as bad input on justification', () => {
    const run = () => assertFinalizationAllowed({ enforcement: 'WARN', breaks: true, justification: '' });
    expect(run).toThrow(ValidationError);
    expect(run).toThrow(expect.objectContaining({ field: 'justification' }));
  });

  it('refuses a blocked curve as a conflict', () => {
    expect(() => assertFinalizationAllowed({ enforcement: 'BLOCK', breaks: true, justification: words(100) })).toThrow(ConflictError);
  });

  it('lets a justified finalization through, still flagged', () => {
    expect(assertFinalizationAllowed({ enforcement: 'WARN', breaks: true, justification: words(40) })).toMatchObject({ allowed: true, warning: true });
  });
});
