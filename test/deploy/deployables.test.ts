/**
 * One list of deployables, four places: services/ (the code), helm values, k8s/base and
 * docker-compose.yml. Adding a service in one place but not the others fails here.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Job } from 'kubernetes-types/batch/v1';

import { composeDeployables, loadCompose } from './support/compose';
import { type K8sObject, ofKind, readYaml, renderKustomize } from './support/manifests';
import { component, podLabels } from './support/policy';
import { repoRoot } from './support/tools';

type Ports = Record<string, number>;

function workspaceSubgraphs(): string[] {
  return readdirSync(join(repoRoot, 'services'))
    .filter((name) => existsSync(join(repoRoot, 'services', name, 'package.json')))
    .sort();
}

function helmPorts(): Ports {
  const values = readYaml('helm/kinerja/values.yaml') as { gateway: { port: number }; subgraphs: Record<string, { port: number }> };
  return { gateway: values.gateway.port, ...Object.fromEntries(Object.entries(values.subgraphs).map(([name, s]) => [name, s.port])) };
}

function kustomizePorts(objects: K8sObject[]): Ports {
  return Object.fromEntries(
    ofKind<Deployment>(objects, 'Deployment').map((d) => [
      d.metadata.name,
      d.spec?.template.spec?.containers[0]?.ports?.find((p) => p.name === 'http')?.containerPort ?? 0,
    ]),
  );
}

const composePorts = (): Ports => Object.fromEntries([...composeDeployables(loadCompose())].map(([name, d]) => [name, d.port]));

const sorted = (ports: Ports): Ports => Object.fromEntries(Object.entries(ports).sort(([a], [b]) => a.localeCompare(b)));

describe('deployables are the same everywhere', () => {
  let base: K8sObject[] = [];
  beforeAll(() => {
    base = renderKustomize('k8s/base');
  });

  it('helm values, k8s/base and docker-compose.yml name the same deployables on the same ports', () => {
    const helm = sorted(helmPorts());
    expect(sorted(kustomizePorts(base))).toEqual(helm);
    expect(sorted(composePorts())).toEqual(helm);
  });

  it('every service under services/ is deployed as a subgraph, and nothing else is', () => {
    const subgraphs = Object.keys(helmPorts())
      .filter((name) => name !== 'gateway')
      .sort();
    expect(subgraphs).toEqual(workspaceSubgraphs());
  });

  it('k8s/base has a migration Job for every subgraph and a gateway URL for each', () => {
    const subgraphs = ofKind<Deployment>(base, 'Deployment').filter((d) => component(d) === 'subgraph');
    const migrated = ofKind<Job>(base, 'Job').map((j) => podLabels(j)['app.kubernetes.io/name']);
    expect(migrated.sort()).toEqual(subgraphs.map((d) => d.metadata.name).sort());
    const gatewayConfig = base.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('gateway-config'));
    const ports = kustomizePorts(base);
    for (const { metadata } of subgraphs) {
      expect(gatewayConfig?.data).toMatchObject({ [`SUBGRAPH_${metadata.name.toUpperCase()}_URL`]: `http://${metadata.name}:${ports[metadata.name]}/graphql` });
    }
  });
});
