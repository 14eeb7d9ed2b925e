import { ValidationError } from '@kinerja/errors';

import { behaviourGaps, type CoreValueRating, proposeBehaviourRating, toBehaviourRatings } from './behaviour-rating.rule';
import { CORE_VALUES, type ExpectationRating } from './vocabulary';

const LETTER: Record<string, ExpectationRating> = { A: 'ABOVE', M: 'MEETS', B: 'BELOW' };

/** `'AMMMMMB'`: one letter per BerAKHLAK value, in regulation order. */
function rated(pattern: string): CoreValueRating[] {
  return CORE_VALUES.map((value, i) => ({ value, rating: LETTER[pattern.charAt(i)]! }));
}

function problemsOf(entries: CoreValueRating[]): string[] {
  try {
    toBehaviourRatings(entries);
  } catch (error) {
    if (error instanceof ValidationError) return error.problems.map((p) => `${p.field}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('proposeBehaviourRating', () => {
  it.each([
    ['AAAAAAA', 'ABOVE', 'all above'],
    ['AAAAMMM', 'ABOVE', 'four of seven above, none below'],
    ['AAAMMMM', 'MEETS', 'three above is not most'],
    ['AAAAAAB', 'MEETS', 'one below stops ABOVE'],
    ['MMMMMMM', 'MEETS', 'all meet'],
    ['BMMMMMM', 'MEETS', 'one below is a gap, not misconduct'],
    ['BBBMMMM', 'MEETS', 'three below is not most'],
    ['BBBAAAA', 'MEETS', 'four above but three below'],
    ['BBBBMMM', 'BELOW', 'four of seven below'],
    ['BBBBAAA', 'BELOW', 'four below outweigh three above'],
    ['BBBBBBB', 'BELOW', 'all below'],
  ])('%s → %s (%s)', (pattern, expected) => {
    expect(proposeBehaviourRating(rated(pattern))).toBe(expected);
  });

  it('does not depend on the order the values are entered in', () => {
    expect(proposeBehaviourRating(rated('AAAAMMM').reverse())).toBe('ABOVE');
  });
});

describe('behaviourGaps', () => {
  it.each([
    ['AAAAAAA', []],
    ['BMMMMMA', ['BERORIENTASI_PELAYANAN']],
    ['MMBMMMB', ['KOMPETEN', 'KOLABORATIF']],
    ['BBBBBBB', [...CORE_VALUES]],
  ])('%s → %j', (pattern, gaps) => {
    expect(behaviourGaps(rated(pattern))).toEqual(gaps);
  });
});

describe('toBehaviourRatings', () => {
  it('keys the seven ratings by value', () => {
    expect(toBehaviourRatings(rated('ABMMMMM'))).toMatchObject({ BERORIENTASI_PELAYANAN: 'ABOVE', AKUNTABEL: 'BELOW', KOLABORATIF: 'MEETS' });
  });

  it.each([
    ['a value left out', rated('MMMMMMM').slice(1), ['behaviour.BERORIENTASI_PELAYANAN: must be rated']],
    ['a value rated twice', [...rated('MMMMMMM'), { value: 'LOYAL', rating: 'ABOVE' }], ['behaviour.LOYAL: is rated more than once']],
    ['a value that is not BerAKHLAK', [...rated('MMMMMMM'), { value: 'JUJUR', rating: 'ABOVE' }], ['behaviour.JUJUR: is not a BerAKHLAK core value']],
    ['nothing rated', [], CORE_VALUES.map((value) => `behaviour.${value}: must be rated`)],
  ])('refuses %s, naming each value', (_case, entries, problems) => {
    expect(problemsOf(entries as CoreValueRating[])).toEqual(problems);
  });

  it('validates before proposing or listing gaps', () => {
    expect(() => proposeBehaviourRating(rated('MMMMMMM').slice(2))).toThrow(ValidationError);
    expect(() => behaviourGaps(rated('MMMMMMM').slice(2))).toThrow(ValidationError);
  });
});
