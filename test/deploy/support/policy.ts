import type { Deployment } from 'kubernetes-types/apps/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Container, PodSpec, Service } from 'kubernetes-types/core/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';

import { gatewayEnvSchema } from '../../../gateway/src/env';
import { type K8sObject, type Labels, ofKind, selectorMatches } from './manifests';

/** The uid the Dockerfile creates; the workloads must run as it, never as root. */
export const APP_UID = 10001;

/** Names that only ever come from a Secret (valueFrom.secretKeyRef), never as a literal value. */
const SECRET_LIKE = /PASSWORD|SECRET|PRIVATE_KEY|DATABASE_URL|CREDENTIAL/;

type Workload = K8sObject & (Deployment | Job);

export const podLabels = (w: Deployment | Job): Labels => (w.spec?.template.metadata?.labels ?? {}) as Labels;

function containerViolations(where: string, pod: PodSpec, container: Container, isDeployment: boolean): string[] {
  const problems: string[] = [];
  const at = `${where} container ${container.name}`;
  const sc = container.securityContext ?? {};
  const podSc = pod.securityContext ?? {};

  const requests = container.resources?.requests ?? {};
  const limits = container.resources?.limits ?? {};
  for (const [kind, values] of [
    ['requests', requests],
    ['limits', limits],
  ] as const) {
    for (const resource of ['cpu', 'memory']) if (!values[resource]) problems.push(`${at}: resources.${kind}.${resource} is missing`);
  }

  if ((sc.runAsNonRoot ?? podSc.runAsNonRoot) !== true) problems.push(`${at}: runAsNonRoot is not true`);
  const uid = sc.runAsUser ?? podSc.runAsUser;
  if (uid !== APP_UID) problems.push(`${at}: runs as uid ${String(uid)}, not ${APP_UID}`);
  if (sc.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation is not false`);
  if (sc.privileged === true) problems.push(`${at}: privileged`);
  if (sc.readOnlyRootFilesystem !== true) problems.push(`${at}: readOnlyRootFilesystem is not true`);
  if (!(sc.capabilities?.drop ?? []).includes('ALL')) problems.push(`${at}: capabilities do not drop ALL`);
  if ((sc.capabilities?.add ?? []).length > 0) problems.push(`${at}: adds capabilities`);
  if ((sc.seccompProfile ?? podSc.seccompProfile)?.type !== 'RuntimeDefault') problems.push(`${at}: seccompProfile is not RuntimeDefault`);

  // A read-only root needs somewhere to write: /tmp from an emptyDir.
  const tmp = (container.volumeMounts ?? []).find((m) => m.mountPath === '/tmp');
  const tmpVolume = tmp && (pod.volumes ?? []).find((v) => v.name === tmp.name);
  if (!tmpVolume?.emptyDir) problems.push(`${at}: no emptyDir mounted at /tmp`);

  const image = container.image ?? '';
  const tag = /:([^:/@]+)$/.exec(image)?.[1];
  if (!tag && !image.includes('@sha256:')) problems.push(`${at}: image ${image} has no tag`);
  if (tag === 'latest') problems.push(`${at}: image ${image} uses :latest`);

  for (const variable of container.env ?? []) {
    if (SECRET_LIKE.test(variable.name) && !variable.valueFrom?.secretKeyRef) {
      problems.push(`${at}: ${variable.name} must come from a Secret (secretKeyRef)`);
    }
  }

  if (isDeployment) {
    const probes = { livenessProbe: '/healthz', readinessProbe: '/readyz', startupProbe: '/healthz' } as const;
    for (const [probe, path] of Object.entries(probes) as [keyof typeof probes, string][]) {
      const actual = container[probe]?.httpGet?.path;
      if (actual !== path) problems.push(`${at}: ${probe} is not an httpGet on ${path} (got ${String(actual)})`);
    }
    if (!(container.ports ?? []).some((p) => p.name === 'http')) problems.push(`${at}: no port named http`);
    // Metrics on a port of their own: the scraper's NetworkPolicy names that port, never http.
    const http = (container.ports ?? []).find((p) => p.name === 'http');
    const metrics = (container.ports ?? []).find((p) => p.name === 'metrics');
    if (!metrics) problems.push(`${at}: no port named metrics`);
    else if (metrics.containerPort === http?.containerPort) problems.push(`${at}: the metrics port is the http port`);
  }
  return problems;
}

/** Pods of Deployments and Jobs: probes (Deployments), resources, non-root, read-only, no escalation. */
export function workloadViolations(objects: readonly K8sObject[]): string[] {
  const workloads = objects.filter((o): o is Workload => o.kind === 'Deployment' || o.kind === 'Job');
  return workloads.flatMap((workload) => {
    const where = `${workload.kind} ${workload.metadata.name}`;
    const pod = workload.spec?.template.spec;
    if (!pod) return [`${where}: no pod template`];
    const problems: string[] = [];
    if (pod.hostNetwork || pod.hostPID || pod.hostIPC) problems.push(`${where}: shares a host namespace`);
    if (pod.automountServiceAccountToken !== false) problems.push(`${where}: mounts a service account token it does not need`);
    const containers = [...(pod.initContainers ?? []), ...pod.containers];
    return [...problems, ...containers.flatMap((c) => containerViolations(where, pod, c, workload.kind === 'Deployment'))];
  });
}

/** Every Deployment is scaled by an HPA (which owns spec.replicas) and protected by a PDB. */
export function scalingViolations(objects: readonly K8sObject[]): string[] {
  const hpas = ofKind<HorizontalPodAutoscaler>(objects, 'HorizontalPodAutoscaler');
  const pdbs = ofKind<PodDisruptionBudget>(objects, 'PodDisruptionBudget');
  return ofKind<Deployment>(objects, 'Deployment').flatMap((deployment) => {
    const name = deployment.metadata.name;
    const labels = podLabels(deployment);
    const problems: string[] = [];
    const scalers = hpas.filter(({ spec }) => spec?.scaleTargetRef.kind === 'Deployment' && spec.scaleTargetRef.name === name);
    if (scalers.length !== 1) problems.push(`Deployment ${name}: ${scalers.length} HorizontalPodAutoscalers target it (want 1)`);
    for (const { spec } of scalers) {
      if (spec?.scaleTargetRef.apiVersion !== 'apps/v1') problems.push(`Deployment ${name}: HPA scaleTargetRef.apiVersion is not apps/v1`);
      if ((spec?.minReplicas ?? 1) > (spec?.maxReplicas ?? 0)) problems.push(`Deployment ${name}: HPA minReplicas > maxReplicas`);
    }
    if (deployment.spec?.replicas !== undefined) problems.push(`Deployment ${name}: sets spec.replicas, which the HPA owns`);
    const budgets = pdbs.filter(({ spec }) => selectorMatches(spec?.selector as never, labels));
    if (budgets.length !== 1) problems.push(`Deployment ${name}: ${budgets.length} PodDisruptionBudgets select its pods (want 1)`);
    return problems;
  });
}

/** Services select exactly one Deployment's pods and never a migration Job's. */
export function serviceViolations(objects: readonly K8sObject[]): string[] {
  const deployments = ofKind<Deployment>(objects, 'Deployment');
  const jobs = ofKind<Job>(objects, 'Job');
  return ofKind<Service>(objects, 'Service').flatMap((service) => {
    const selector = { matchLabels: service.spec?.selector ?? {} };
    const problems: string[] = [];
    const selected = deployments.filter((d) => selectorMatches(selector, podLabels(d)));
    if (selected.length !== 1) problems.push(`Service ${service.metadata.name}: selects ${selected.length} Deployments (want 1)`);
    if (jobs.some((j) => selectorMatches(selector, podLabels(j)))) problems.push(`Service ${service.metadata.name}: selects migration pods`);
    return problems;
  });
}

/** The pods' component label: gateway, subgraph or migration. */
export const component = (w: Deployment | Job): string | undefined => podLabels(w)['app.kubernetes.io/component'];

/** Only the gateway is exposed: every Ingress backend is a Service whose pods are the gateway's. */
/** The request body the gateway accepts by default (evidence documents come through it, base64). */
const GATEWAY_MAX_BODY_BYTES = gatewayEnvSchema.shape.MAX_BODY_BYTES.parse(undefined);
const NGINX_BODY_SIZE = 'nginx.ingress.kubernetes.io/proxy-body-size';

/** nginx's size syntax (`8m`, `512k`, `1g`, bytes); `0` means unlimited. */
function nginxBytes(size: string): number {
  const match = /^(\d+)([kmg]?)$/i.exec(size.trim());
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  return value === 0 ? Number.POSITIVE_INFINITY : value * ({ '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]!.toLowerCase()] ?? 1);
}

/** ingress-nginx refuses bodies over 1 MiB unless told otherwise, which would cut off evidence uploads at the edge. */
function bodySizeViolations(ingress: Ingress & K8sObject): string[] {
  if (ingress.spec?.ingressClassName !== 'nginx') return [];
  const size = ingress.metadata.annotations?.[NGINX_BODY_SIZE];
  if (size === undefined) return [`Ingress ${ingress.metadata.name}: no ${NGINX_BODY_SIZE} (nginx's 1m default refuses evidence uploads)`];
  return nginxBytes(size) >= GATEWAY_MAX_BODY_BYTES
    ? []
    : [`Ingress ${ingress.metadata.name}: ${NGINX_BODY_SIZE} ${size} is below the gateway's MAX_BODY_BYTES (${GATEWAY_MAX_BODY_BYTES})`];
}

export function ingressViolations(objects: readonly K8sObject[]): string[] {
  const services = ofKind<Service>(objects, 'Service');
  const deployments = ofKind<Deployment>(objects, 'Deployment');
  return ofKind<Ingress>(objects, 'Ingress').flatMap((ingress) => {
    const sizeProblems = bodySizeViolations(ingress as Ingress & K8sObject);
    const backends = [
      ingress.spec?.defaultBackend?.service?.name,
      ...(ingress.spec?.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend.service?.name)),
    ].filter((n): n is string => n !== undefined);
    if (backends.length === 0) return [...sizeProblems, `Ingress ${ingress.metadata.name}: no backends`];
    return [
      ...sizeProblems,
      ...backends.flatMap((name) => {
        const service = services.find((s) => s.metadata.name === name);
        const pods = deployments.filter((d) => selectorMatches({ matchLabels: service?.spec?.selector ?? {} }, podLabels(d)));
        const ok = service && pods.length > 0 && pods.every((d) => component(d) === 'gateway');
        return ok ? [] : [`Ingress ${ingress.metadata.name}: backend ${name} is not the gateway`];
      }),
    ];
  });
}

/** No Secret objects at all (the chart and k8s/ only reference Secrets), no secret-like ConfigMap keys. */
export function secretViolations(objects: readonly K8sObject[]): string[] {
  return objects.flatMap((o) => {
    if (o.kind === 'Secret') return [`Secret ${o.metadata.name} is rendered; Secrets are created outside the chart`];
    if (o.kind === 'ConfigMap') {
      const keys = Object.keys((o.data as Record<string, string> | undefined) ?? {});
      return keys.filter((k) => SECRET_LIKE.test(k)).map((k) => `ConfigMap ${o.metadata.name}: ${k} belongs in a Secret`);
    }
    return [];
  });
}

export function allPolicyViolations(objects: readonly K8sObject[]): string[] {
  return [
    ...workloadViolations(objects),
    ...scalingViolations(objects),
    ...serviceViolations(objects),
    ...ingressViolations(objects),
    ...secretViolations(objects),
  ];
}
