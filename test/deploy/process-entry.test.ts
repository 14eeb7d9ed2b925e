/**
 * What the manifests rely on in each deployable's entry (the containers run its dist/main.js):
 * /metrics on METRICS_PORT (the only port the NetworkPolicies open to the scraper), and a shutdown
 * bounded in time (the pods' terminationGracePeriodSeconds ends in SIGKILL). Every subgraph's
 * main.ts hands its module to the service kit's runStandalone, which does both for all of them.
 * Behaviour is tested in packages/http-server (shutdown.spec.ts) and packages/observability
 * (metrics-port.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { workspaceSubgraphs } from './support/env-contract';
import { repoRoot } from './support/tools';

const runners = ['gateway/src/main.ts', 'packages/service-kit/src/run-standalone.ts'];

describe.each(runners)('%s', (entry) => {
  const source = () => readFileSync(join(repoRoot, entry), 'utf8');

  it('serves /metrics on METRICS_PORT when it is set', () => {
    expect(source()).toMatch(/startMetricsServer\(\{[^}]*port: config\.METRICS_PORT/);
  });

  it('shuts down through the bounded shutdownOnSignals, with no signal handler of its own', () => {
    expect(source()).toMatch(/shutdownOnSignals\(\{/);
    expect(source()).not.toMatch(/process\.(on|once)\('SIG/);
  });
});

describe.each(workspaceSubgraphs().map((name) => `services/${name}/src/main.ts`))('%s', (entry) => {
  const source = () => readFileSync(join(repoRoot, entry), 'utf8');

  it('loads tracing first, then runs its module with the kit (and nothing of its own)', () => {
    expect(source().trimStart().startsWith("import '@kinerja/observability/register';")).toBe(true);
    expect(source()).toMatch(/^runStandalone\(\w+Module\);$/m);
    expect(source()).not.toMatch(/process\.(on|once)\('SIG/);
  });
});
