/**
 * The checks themselves: each must catch the fault it exists for, or the suites that use them prove
 * nothing. Faults are seeded into a clean rendering of the chart.
 */
import { modelErrors, unknownKeyErrors } from './support/kubernetes-schema';
import { type K8sObject, renderHelm } from './support/manifests';
import { cidrContains, inNamespace, NetworkModel } from './support/network-policy';
import { ingressViolations, scalingViolations, secretViolations, serviceViolations, workloadViolations } from './support/policy';

/** Seeded faults poke anywhere in an object. */
type Json = Record<string, any>;

let clean: K8sObject[] = [];
beforeAll(() => {
  clean = renderHelm('kinerja');
});

/** A deep copy of the clean rendering with one fault applied. */
function seeded(fault: (find: (kind: string, name: string) => Json) => void): K8sObject[] {
  const copy = structuredClone(clean);
  fault((kind, name) => {
    const found = copy.find((o) => o.kind === kind && o.metadata.name === name);
    if (!found) throw new Error(`no ${kind} ${name} in the rendering`);
    return found as Json;
  });
  return copy;
}

const container = (o: Json) => o.spec.template.spec.containers[0];

describe('the deploy checks catch what they are for', () => {
  it('start from a clean rendering', () => {
    expect([...modelErrors(clean), ...unknownKeyErrors(clean), ...workloadViolations(clean), ...scalingViolations(clean)]).toEqual([]);
  });

  it('schema: a wrong type and an unknown apiVersion', () => {
    const objects = seeded((find) => {
      find('HorizontalPodAutoscaler', 'kinerja-identity').spec.minReplicas = 'three';
      find('PodDisruptionBudget', 'kinerja-gateway').apiVersion = 'policy/v1beta1';
    });
    const errors = modelErrors(objects).join('\n');
    expect(errors).toMatch(/HorizontalPodAutoscaler kinerja-identity: .*minReplicas must be integer/);
    expect(errors).toMatch(/policy\/v1beta1\/PodDisruptionBudget kinerja-gateway: no schema/);
  });

  it('unknown keys: a misspelled field deep in a pod template, which kubernetes-models accepts', () => {
    const objects = seeded((find) => {
      container(find('Deployment', 'kinerja-identity')).readinessProbe.httpGet.pathh = '/readyz';
    });
    expect(modelErrors(objects)).toEqual([]);
    expect(unknownKeyErrors(objects).join('\n')).toMatch(/Deployment kinerja-identity: .*pathh.* does not exist in type 'HTTPGetAction'/);
  });

  it.each([
    ['a missing readiness probe', (c: Json) => delete c.readinessProbe, /readinessProbe is not an httpGet on \/readyz/],
    ['privilege escalation', (c: Json) => (c.securityContext.allowPrivilegeEscalation = true), /allowPrivilegeEscalation/],
    ['a writable root filesystem', (c: Json) => (c.securityContext.readOnlyRootFilesystem = false), /readOnlyRootFilesystem/],
    ['running as root', (c: Json) => (c.securityContext.runAsUser = 0), /runs as uid 0/],
    ['no memory limit', (c: Json) => delete c.resources.limits.memory, /resources.limits.memory is missing/],
    ['a :latest image', (c: Json) => (c.image = 'kinerja/identity:latest'), /uses :latest/],
    ['a literal DATABASE_URL', (c: Json) => (c.env[0] = { name: 'DATABASE_URL', value: 'postgresql://u:p@db/x' }), /DATABASE_URL must come from a Secret/],
  ])('workload policy: %s', (_, fault, message) => {
    const objects = seeded((find) => fault(container(find('Deployment', 'kinerja-identity'))));
    expect(workloadViolations(objects).join('\n')).toMatch(message);
  });

  it('scaling policy: a Deployment without an HPA, or without a PDB', () => {
    const withoutHpa = seeded((find) => (find('HorizontalPodAutoscaler', 'kinerja-gateway').spec.scaleTargetRef.name = 'elsewhere'));
    expect(scalingViolations(withoutHpa).join('\n')).toMatch(/kinerja-gateway: 0 HorizontalPodAutoscalers/);
    const withoutPdb = seeded((find) => (find('PodDisruptionBudget', 'kinerja-identity').spec.selector.matchLabels['app.kubernetes.io/name'] = 'x'));
    expect(scalingViolations(withoutPdb).join('\n')).toMatch(/kinerja-identity: 0 PodDisruptionBudgets/);
  });

  it('exposure: an Ingress to a subgraph, a Service that also selects migration pods, a Secret', () => {
    const toSubgraph = seeded((find) => (find('Ingress', 'kinerja-gateway').spec.rules[0].http.paths[0].backend.service.name = 'kinerja-identity'));
    expect(ingressViolations(toSubgraph)).toEqual(['Ingress kinerja-gateway: backend kinerja-identity is not the gateway']);
    const small = seeded((find) => (find('Ingress', 'kinerja-gateway').metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size'] = '1m'));
    expect(ingressViolations(small)).toEqual([
      "Ingress kinerja-gateway: nginx.ingress.kubernetes.io/proxy-body-size 1m is below the gateway's MAX_BODY_BYTES (8388608)",
    ]);
    const unset = seeded((find) => delete find('Ingress', 'kinerja-gateway').metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size']);
    expect(ingressViolations(unset)).toEqual([
      "Ingress kinerja-gateway: no nginx.ingress.kubernetes.io/proxy-body-size (nginx's 1m default refuses evidence uploads)",
    ]);
    const loose = seeded((find) => delete find('Service', 'kinerja-identity').spec.selector['app.kubernetes.io/component']);
    expect(serviceViolations(loose)).toEqual(['Service kinerja-identity: selects migration pods']);
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, stringData: { url: 'x' } };
    expect(secretViolations([...clean, secret])).toEqual(['Secret db is rendered; Secrets are created outside the chart']);
  });

  it('network model: without the default deny, a stranger reaches a subgraph', () => {
    const identity = clean.find((o) => o.kind === 'Deployment' && o.metadata.name === 'kinerja-identity') as Json;
    const pod = { description: 'identity', ...inNamespace('kinerja'), podLabels: identity.spec.template.metadata.labels };
    const stranger = { description: 'stranger', ...inNamespace('kinerja'), podLabels: { app: 'stranger' } };
    const port = { number: 4001, name: 'http' };
    expect(new NetworkModel(clean, 'kinerja').canConnect(stranger, pod, port)).toBe(false);
    const open = clean.filter((o) => o.kind !== 'NetworkPolicy');
    expect(new NetworkModel(open, 'kinerja').canConnect(stranger, pod, port)).toBe(true);
    expect([cidrContains('10.20.0.0/24', '10.20.0.10'), cidrContains('10.20.0.0/24', '10.20.1.10')]).toEqual([true, false]);
  });
});
