import { z } from 'zod';

import { ConfigError, loadConfig } from './load-config';
import { booleanFromString, port } from './schemas';

const schema = z.object({ PORT: port(4001), FLAG: booleanFromString(false), NAME: z.string() });

describe('loadConfig', () => {
  it('applies defaults and coerces values', () => {
    expect(loadConfig(schema, { NAME: 'identity', FLAG: 'true' })).toEqual({ PORT: 4001, FLAG: true, NAME: 'identity' });
  });

  it('treats a blank value as unset', () => {
    expect(loadConfig(schema, { NAME: 'x', PORT: '' }).PORT).toBe(4001);
  });

  it('reports every problem at once, naming the variable and the value given', () => {
    let caught: unknown;
    try {
      loadConfig(schema, { PORT: 'eighty', FLAG: 'yes' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/PORT: .*"eighty"/);
    expect(problems.join('\n')).toMatch(/FLAG: .*"yes"/);
    expect(problems.join('\n')).toMatch(/NAME: /);
  });
});
