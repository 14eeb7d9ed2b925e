import { chartDir } from './support/manifests';
import { runTool } from './support/tools';

const template = (...args: string[]) => runTool('helm', ['template', 'kinerja', chartDir, ...args]);

describe('helm/kinerja/values.schema.json', () => {
  it('accepts a well-typed override', () => {
    expect(template('--set', 'subgraphs.identity.replicas=3', '--set', 'subgraphs.identity.autoscaling.maxReplicas=4').status).toBe(0);
  });

  it('accepts Kubernetes quantities as strings and numbers', () => {
    const quantities = [
      '--set',
      'gateway.resources.limits.memory=1.5Gi',
      '--set',
      'gateway.resources.requests.cpu=0.25',
      '--set-json',
      'gateway.resources.limits.cpu=2',
    ];
    expect(template(...quantities).status).toBe(0);
  });

  it('lets the gateway (no Kafka consumer) scale above the partitions, and a subgraph up to them', () => {
    const result = template('--set', 'gateway.autoscaling.maxReplicas=20', '--set', 'subgraphs.identity.autoscaling.maxReplicas=6');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each([
    ['a wrong type (replicas: "three")', ['--set', 'subgraphs.identity.replicas=three'], /subgraphs\/identity\/replicas.*want integer/],
    ['an unknown top-level key', ['--set', 'replicaCount=3'], /additional properties 'replicaCount' not allowed/],
    ['a misspelled gateway key', ['--set', 'gateway.replica=3'], /\/gateway.*additional properties 'replica' not allowed/],
    ['a misspelled subgraph key', ['--set', 'subgraphs.identity.prot=4001'], /\/subgraphs\/identity.*additional properties 'prot' not allowed/],
    ['a port out of range', ['--set', 'subgraphs.identity.port=70000'], /subgraphs\/identity\/port/],
    ['a :latest image tag', ['--set', 'global.image.tag=latest'], /global\/image\/tag/],
    ['a secret as a plain variable', ['--set', 'gateway.env.DATABASE_URL=postgres://x'], /invalid propertyName 'DATABASE_URL'/],
    ['a subgraph named gateway', ['--set', 'subgraphs.gateway.port=4009'], /invalid propertyName 'gateway'/],
    ['a log level the services do not know', ['--set', 'global.logLevel=verbose'], /global\/logLevel/],
    ['a memory limit that is no Kubernetes quantity', ['--set', 'subgraphs.identity.resources.limits.memory=lots'], /resources\/limits\/memory/],
    ['a CPU request that is no Kubernetes quantity', ['--set', 'gateway.resources.requests.cpu=2 cores'], /resources\/requests\/cpu/],
    ['a negative migration memory request', ['--set', 'subgraphDefaults.migration.resources.requests.memory=-128Mi'], /requests\/memory/],
    ['a metrics port out of range', ['--set', 'global.metricsPort=0'], /global\/metricsPort/],
    [
      "a subgraph's maxReplicas above kafka.topicPartitions (idle consumers)",
      ['--set', 'subgraphs.performance.autoscaling.maxReplicas=7'],
      /performance: autoscaling.maxReplicas \(7\) is above kafka.topicPartitions \(6\)/,
    ],
    [
      'fewer partitions than the subgraph default maxReplicas',
      ['--set', 'kafka.topicPartitions=3'],
      /autoscaling.maxReplicas \(6\) is above kafka.topicPartitions \(3\)/,
    ],
  ])('refuses %s at helm template', (_, args, message) => {
    const result = template(...args);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(message);
  });

  it('makes helm lint fail on a wrong type as well', () => {
    const result = runTool('helm', ['lint', chartDir, '--set', 'subgraphs.identity.replicas=three']);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/replicas/);
  });
});
