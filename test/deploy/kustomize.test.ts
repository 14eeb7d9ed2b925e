import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { renderKustomize } from './support/manifests';
import { inNamespace } from './support/network-policy';
import { describeRenderedManifests } from './support/rendered-suite';
import { repoRoot } from './support/tools';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry) ? [path] : [];
  });
}

describe('k8s/ sources', () => {
  it('commit no Secret and generate none (Secrets are only referenced)', () => {
    const offending = yamlFiles(join(repoRoot, 'k8s'))
      .filter((file) => /^kind:\s*Secret\s*$|^secretGenerator:/m.test(readFileSync(file, 'utf8')))
      .map((file) => relative(repoRoot, file));
    expect(offending).toEqual([]);
  });
});

describeRenderedManifests({
  title: 'kubectl kustomize k8s/overlays/dev',
  namespace: 'kinerja-dev',
  render: () => renderKustomize('k8s/overlays/dev'),
  // In dev, PostgreSQL and Kafka run in the cluster, in the kinerja-data namespace.
  postgres: { description: 'PostgreSQL', ...inNamespace('kinerja-data'), podLabels: { app: 'postgresql' } },
  kafka: { description: 'Kafka', ...inNamespace('kinerja-data'), podLabels: { app: 'kafka' } },
});

describeRenderedManifests({
  title: 'kubectl kustomize k8s/overlays/production',
  namespace: 'kinerja',
  render: () => renderKustomize('k8s/overlays/production'),
  postgres: { description: 'PostgreSQL', ...inNamespace(''), ip: '10.20.0.10' },
  kafka: { description: 'Kafka', ...inNamespace(''), ip: '10.20.1.10' },
  production: true,
});

describe('overlays differ where environments differ', () => {
  it('dev and production set different image tags, HPA bounds and resources', () => {
    const pick = (dir: string) => {
      const objects = renderKustomize(dir);
      const identity = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'identity') as unknown as {
        spec: { template: { spec: { containers: { image: string; resources: unknown }[] } } };
      };
      const hpa = objects.find((o) => o.kind === 'HorizontalPodAutoscaler' && o.metadata.name === 'identity')?.spec;
      const container = identity.spec.template.spec.containers[0];
      return { image: container?.image, resources: container?.resources, hpa };
    };
    const dev = pick('k8s/overlays/dev');
    const production = pick('k8s/overlays/production');
    expect(dev.image).not.toEqual(production.image);
    expect(dev.hpa).not.toEqual(production.hpa);
    expect(dev.resources).not.toEqual(production.resources);
  });
});
