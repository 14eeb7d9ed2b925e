import { IKM_ELEMENTS, type IkmElement, ikmGrade, ikmOf } from './ikm.rule';

const uniform = (responses: number, score: number) =>
  Object.fromEntries(IKM_ELEMENTS.map((element) => [element, responses * score])) as Record<IkmElement, number>;

describe('ikmGrade', () => {
  it.each([
    [100, 'A'],
    [88.31, 'A'],
    [88.3, 'B'],
    [76.61, 'B'],
    [76.6, 'C'],
    [65.0, 'C'],
    [64.99, 'D'],
    [25, 'D'],
  ])('%d → %s', (index, grade) => expect(ikmGrade(index)).toBe(grade));
});

describe('ikmOf', () => {
  it.each([
    ['every answer 4', 10, uniform(10, 4), 100, 'A'],
    ['every answer 1', 3, uniform(3, 1), 25, 'D'],
    ['every answer 3', 5, uniform(5, 3), 75, 'C'],
    // Eight elements at 3.5 and one at 3: mean 3.4444 → 86.11.
    ['one weaker element', 2, { ...uniform(2, 3.5), COST: 6 }, 86.11, 'B'],
  ])('%s', (_case, responses, sums, ikm, grade) => {
    expect(ikmOf(responses, sums)).toMatchObject({ ikm, grade });
  });

  it('answers null without responses, and each element’s mean', () => {
    expect(ikmOf(0, uniform(0, 0))).toBeNull();
    expect(ikmOf(2, { ...uniform(2, 3.5), COST: 6 })?.perElement.find((e) => e.element === 'COST')).toEqual({ element: 'COST', mean: 3 });
  });
});
