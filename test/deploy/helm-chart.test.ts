import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Job } from 'kubernetes-types/batch/v1';

import { workspaceSubgraphs } from './support/env-contract';
import { schemaErrors } from './support/kubernetes-schema';
import { chartDir, type K8sObject, ofKind, renderHelm } from './support/manifests';
import { inNamespace } from './support/network-policy';
import { allPolicyViolations } from './support/policy';
import { describeRenderedManifests } from './support/rendered-suite';
import { runToolOk } from './support/tools';

const productionExample = join(chartDir, 'values-production.example.yaml');
const dataNamespace = inNamespace('');

describe('helm chart helm/kinerja', () => {
  it('passes helm lint with the default values', () => {
    expect(runToolOk('helm', ['lint', '--strict', chartDir])).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
  });

  it('passes helm lint with the production example values', () => {
    expect(runToolOk('helm', ['lint', '--strict', chartDir, '-f', productionExample])).toMatch(/0 chart\(s\) failed/);
  });

  it('renders NOTES.txt naming the Secrets to create and the endpoint', () => {
    const out = runToolOk('helm', ['install', 'kinerja', chartDir, '--namespace', 'kinerja', '--dry-run=client', '-f', productionExample]);
    const notes = out.slice(out.indexOf('NOTES:'));
    const secretLine = notes.split('\n').find((line) => line.includes('kinerja-postgresql:')) ?? '';
    for (const subgraph of workspaceSubgraphs()) expect(secretLine).toContain(`"${subgraph}-database-url"`);
    expect(notes).toContain('/certificates/<number>.pdf is served by kinerja-development:4004');
    expect(notes).toContain('https://kinerja.example.go.id/graphql');
  });

  it('commits no Secret object in any template', () => {
    const templates = readdirSync(join(chartDir, 'templates'));
    const withSecrets = templates.filter((file) => /^kind:\s*Secret\s*$/m.test(readFileSync(join(chartDir, 'templates', file), 'utf8')));
    expect(withSecrets).toEqual([]);
  });
});

describeRenderedManifests({
  title: 'helm template with the default values',
  namespace: 'kinerja',
  render: () => renderHelm('kinerja'),
  postgres: { description: 'PostgreSQL', ...dataNamespace, ip: '10.255.0.10' },
  kafka: { description: 'Kafka', ...dataNamespace, ip: '10.255.1.10' },
});

describeRenderedManifests({
  title: 'helm template with values-production.example.yaml',
  namespace: 'kinerja',
  render: () => renderHelm('kinerja', ['-f', productionExample]),
  postgres: { description: 'PostgreSQL', ...dataNamespace, ip: '10.20.0.10' },
  kafka: { description: 'Kafka', ...dataNamespace, ip: '10.20.1.10' },
  production: true,
});

describe('helm chart behaviour', () => {
  let objects: K8sObject[] = [];
  beforeAll(() => {
    objects = renderHelm('kinerja');
  });

  it('runs each migration as a pre-install/pre-upgrade hook, replaced on the next run', () => {
    const jobs = ofKind<Job>(objects, 'Job');
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) {
      expect(job.metadata.annotations).toMatchObject({
        'helm.sh/hook': 'pre-install,pre-upgrade',
        'helm.sh/hook-delete-policy': expect.stringContaining('before-hook-creation'),
      });
    }
  });

  // A subgraph that does not exist (yet): the chart alone must not need anything else.
  it('adds a whole subgraph from one values entry (Deployment, Service, HPA, PDB, migration, gateway URL)', () => {
    const added = renderHelm('kinerja', ['--set', 'subgraphs.reporting.port=4005']);
    const named = (kind: string) => added.filter((o) => o.kind === kind && o.metadata.name === 'kinerja-reporting');
    for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'ConfigMap']) expect(named(kind)).toHaveLength(1);
    expect(added.filter((o) => o.kind === 'Job' && o.metadata.name === 'kinerja-reporting-migrate')).toHaveLength(1);
    const gatewayConfig = added.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'kinerja-gateway');
    expect(gatewayConfig?.data).toMatchObject({ SUBGRAPH_REPORTING_URL: 'http://kinerja-reporting:4005/graphql' });
    expect([...schemaErrors(added), ...allPolicyViolations(added)]).toEqual([]);
  });

  it.each([
    ['identity', '4001'],
    ['performance', '4002'],
    ['development', '4004'],
  ])('points %s at identity JWKS, the configured brokers and topic settings', (name, port) => {
    const config = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === `kinerja-${name}`);
    expect(config?.data).toMatchObject({
      JWKS_URL: 'http://kinerja-identity:4001/.well-known/jwks.json',
      KAFKA_BROKERS: 'kafka.example.internal:9092',
      KAFKA_TOPIC_PARTITIONS: '6',
      KAFKA_REPLICATION_FACTOR: '1',
      TOKEN_AUDIENCE: 'kinerja',
      PORT: port,
    });
  });
});
