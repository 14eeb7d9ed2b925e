import { ApolloServer } from '@apollo/server';
import { ForbiddenError } from '@kinerja/errors';
import { buildSchema } from 'graphql';

import { graphqlMetricsPlugin, type OperationNameLabels } from './graphql-metrics.plugin';
import { createMetrics } from './metrics';

const schema = buildSchema('type Query { hello: String, secret: String } type Mutation { touch: Boolean }');
const rootValue = {
  hello: () => 'halo',
  secret: () => {
    throw new ForbiddenError();
  },
  touch: () => true,
};

async function serverWith(metrics = createMetrics(), labels?: OperationNameLabels) {
  const apollo = new ApolloServer({
    schema,
    rootValue,
    plugins: [graphqlMetricsPlugin(metrics, labels)],
    formatError: (formatted, error) => {
      const code = (error as { originalError?: { code?: string } }).originalError?.code;
      return code ? { ...formatted, extensions: { code } } : formatted;
    },
  });
  await apollo.start();
  return { apollo, metrics };
}

describe('graphqlMetricsPlugin', () => {
  it('times each operation by name and type, and counts errors by the code the client sees', async () => {
    const { apollo, metrics } = await serverWith();
    await apollo.executeOperation({ query: 'query Greet { hello }' });
    await apollo.executeOperation({ query: 'mutation { touch }' });
    await apollo.executeOperation({ query: 'query Peek { secret }' });
    await apollo.executeOperation({ query: '{ nope' });
    await apollo.stop();
    const { body } = await metrics.scrape();
    expect(body).toMatch(/^graphql_operation_duration_seconds_count\{operation_name="Greet",operation_type="query"\} 1$/m);
    expect(body).toMatch(/^graphql_operation_duration_seconds_count\{operation_name="anonymous",operation_type="mutation"\} 1$/m);
    expect(body).toMatch(/^graphql_operation_duration_seconds_count\{operation_name="Peek",operation_type="query"\} 1$/m);
    expect(body).toMatch(/^graphql_operation_duration_seconds_count\{operation_name="invalid",operation_type="invalid"\} 1$/m);
    expect(body).toMatch(/^graphql_errors_total\{code="FORBIDDEN"\} 1$/m);
    expect(body).toMatch(/^graphql_errors_total\{code="GRAPHQL_PARSE_FAILED"\} 1$/m);
  });

  it('counts client-chosen operation names beyond 200 as "other", so the series stay bounded', async () => {
    const { apollo, metrics } = await serverWith();
    for (let n = 0; n < 205; n += 1) await apollo.executeOperation({ query: `query Op${n} { hello }` });
    await apollo.stop();
    const { body } = await metrics.scrape();
    expect(body.match(/^graphql_operation_duration_seconds_count\{operation_name="Op\d+"/gm)).toHaveLength(200);
    expect(body).toMatch(/^graphql_operation_duration_seconds_count\{operation_name="other",operation_type="query"\} 5$/m);
  });

  it('cuts long operation names to 64 characters, so one label value stays small', async () => {
    const { apollo, metrics } = await serverWith();
    const long = `Q${'x'.repeat(10_000)}`;
    await apollo.executeOperation({ query: `query ${long} { hello }` });
    await apollo.executeOperation({ query: `query ${long}y { hello }` });
    await apollo.stop();
    const { body } = await metrics.scrape();
    const names = [...body.matchAll(/^graphql_operation_duration_seconds_count\{operation_name="([^"]*)"/gm)].map((m) => m[1]);
    expect(names).toEqual([long.slice(0, 64)]);
    expect(body).toMatch(new RegExp(`^graphql_operation_duration_seconds_count\\{operation_name="${long.slice(0, 64)}",operation_type="query"\\} 2$`, 'm'));
  });

  it('takes its bounds as options', async () => {
    const { apollo, metrics } = await serverWith(createMetrics(), { maxNames: 2, maxLength: 3 });
    for (const name of ['Alpha', 'Bravo', 'Charlie']) await apollo.executeOperation({ query: `query ${name} { hello }` });
    await apollo.stop();
    const { body } = await metrics.scrape();
    const names = [...body.matchAll(/^graphql_operation_duration_seconds_count\{operation_name="([^"]*)"/gm)].map((m) => m[1]);
    expect(names.sort()).toEqual(['Alp', 'Bra', 'other']);
  });
});
