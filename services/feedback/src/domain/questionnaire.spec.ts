import { ValidationError } from '@kinerja/errors';

import { DEFAULT_QUESTIONNAIRE, parseQuestionnaire, QUESTIONNAIRE_LIMITS } from './questionnaire';

const base = () => DEFAULT_QUESTIONNAIRE.map((item) => ({ ...item }));

function problemsOf(items: { code: string; value: string; text: string }[]): { field: string; message: string }[] {
  try {
    parseQuestionnaire(items);
  } catch (error) {
    if (error instanceof ValidationError) return error.problems.map(({ field, message }) => ({ field, message }));
    throw error;
  }
  return [];
}

describe('parseQuestionnaire', () => {
  it('takes the default, and one statement per value', () => {
    expect(parseQuestionnaire(base())).toEqual(DEFAULT_QUESTIONNAIRE);
    const one = base().filter((item) => item.code.endsWith('-1'));
    expect(parseQuestionnaire(one)).toHaveLength(7);
  });

  it('trims codes and collapses spaces in the statement', () => {
    const items = base();
    items[0] = { ...items[0]!, code: ' BP-1 ', text: '  Memahami   kebutuhan masyarakat. ' };
    expect(parseQuestionnaire(items)[0]).toEqual({ code: 'BP-1', value: 'BERORIENTASI_PELAYANAN', text: 'Memahami kebutuhan masyarakat.' });
  });

  it.each([
    ['a code of the wrong shape', (items: ReturnType<typeof base>) => (items[2]!.code = 'ak 1'), 'items.2.code', /ak 1/],
    ['an empty code', (items: ReturnType<typeof base>) => (items[2]!.code = ''), 'items.2.code', /item 3/],
    ['a code used twice', (items: ReturnType<typeof base>) => (items[5]!.code = 'BP-1'), 'items.5.code', /BP-1 is also the code of item 1/],
    ['an unknown value', (items: ReturnType<typeof base>) => (items[3]!.value = 'JUJUR' as never), 'items.3.value', /AK-2/],
    ['a statement too short', (items: ReturnType<typeof base>) => (items[4]!.text = 'Baik.'), 'items.4.text', /KO-1/],
    ['a statement too long', (items: ReturnType<typeof base>) => (items[4]!.text = 'a'.repeat(QUESTIONNAIRE_LIMITS.textMax + 1)), 'items.4.text', /KO-1/],
  ])('refuses %s, naming the item', (_case, change, field, message) => {
    const items = base();
    change(items);
    const problems = problemsOf(items);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe(field);
    expect(problems[0]?.message).toMatch(message);
  });

  it('refuses a questionnaire that leaves a value unmeasured, naming the values', () => {
    const problems = problemsOf(base().filter((item) => item.value !== 'LOYAL' && item.value !== 'ADAPTIF'));
    expect(problems).toEqual([{ field: 'items', message: expect.stringMatching(/none measures LOYAL, ADAPTIF/) }]);
    expect(problemsOf([])).toEqual([{ field: 'items', message: expect.stringMatching(/none measures BERORIENTASI_PELAYANAN/) }]);
  });

  it('refuses too many statements, and reports every problem at once', () => {
    const many = Array.from({ length: QUESTIONNAIRE_LIMITS.maxItems + 1 }, (_, index) => ({ ...base()[index % 14]!, code: `Q-${index}` }));
    expect(problemsOf(many).map((problem) => problem.field)).toEqual(['items']);
    const items = base();
    items[0]!.text = '';
    items[1]!.code = 'x';
    expect(problemsOf(items).map((problem) => problem.field)).toEqual(['items.0.text', 'items.1.code']);
  });
});
