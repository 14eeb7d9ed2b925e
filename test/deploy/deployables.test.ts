/**
 * One list of deployables in every place that names them: services/ (the code, with each one's
 * default PORT in its src/env.ts), gateway/subgraphs.json and the committed supergraph, helm values,
 * k8s/base and docker-compose.yml. Adding a service in one place but not the others fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Job } from 'kubernetes-types/batch/v1';

import { composeDeployables, loadCompose } from './support/compose';
import { subgraphEnvDefaults, workspaceSubgraphs } from './support/env-contract';
import { type K8sObject, ofKind, readYaml, renderKustomize } from './support/manifests';
import { component, podLabels } from './support/policy';
import { repoRoot } from './support/tools';

type Ports = Record<string, number>;

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

function gatewaySubgraphPorts(): Ports {
  const list = readYaml('gateway/subgraphs.json') as { subgraphs: { name: string; port: number; workspace: string }[] };
  for (const { name, workspace } of list.subgraphs) expect([name, workspace]).toEqual([name, `services/${name}`]);
  return Object.fromEntries(list.subgraphs.map(({ name, port }) => [name, port]));
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

  it('deploys each subgraph on the port of gateway/subgraphs.json, which is its env.ts default PORT', () => {
    const { gateway: _gateway, ...helmSubgraphs } = helmPorts();
    expect(sorted(gatewaySubgraphPorts())).toEqual(sorted(helmSubgraphs));
    const defaults = Object.fromEntries(workspaceSubgraphs().map((name) => [name, Number(subgraphEnvDefaults(name).PORT)]));
    expect(sorted(defaults)).toEqual(sorted(helmSubgraphs));
  });

  it('the committed supergraph (what the gateway serves) composes exactly the deployed subgraphs', () => {
    const supergraph = readFileSync(join(repoRoot, 'gateway', 'supergraph.graphql'), 'utf8');
    const graphs = [...supergraph.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]).sort();
    expect(graphs).toEqual(workspaceSubgraphs());
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
