import type { Deployment } from 'kubernetes-types/apps/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Service } from 'kubernetes-types/core/v1';

import { GATEWAY_ENV, subgraphEnv, subgraphEnvDefaults, subgraphUrlVariable } from './env-contract';
import { schemaErrors } from './kubernetes-schema';
import { type K8sObject, ofKind, selectorMatches } from './manifests';
import { type Endpoint, inNamespace, NetworkModel, type Port } from './network-policy';
import { allPolicyViolations, component, podLabels } from './policy';

/** One way of producing the manifests (a Helm values file, a kustomize overlay) and its surroundings. */
export interface Scenario {
  title: string;
  namespace: string;
  render: () => K8sObject[];
  /** Where PostgreSQL and Kafka are, as configured for this scenario (an IP in the ipBlock, or a pod). */
  postgres: Endpoint;
  kafka: Endpoint;
  /** A production configuration: checked for production-only settings as well. */
  production?: boolean;
}

type Workload = K8sObject & (Deployment | Job);

/**
 * The environment a workload's first container starts with: its envFrom ConfigMaps, then `env`
 * (a value from a Secret counts as set, with no value here). A ConfigMap that is not in the
 * rendering is a problem: the kubelet would refuse to start the pod.
 */
function containerEnv(objects: readonly K8sObject[], workload: Workload): { env: Record<string, string | undefined>; problems: string[] } {
  const container = workload.spec?.template.spec?.containers[0];
  const env: Record<string, string | undefined> = {};
  const problems: string[] = [];
  for (const source of container?.envFrom ?? []) {
    const name = source.configMapRef?.name;
    if (!name) continue;
    const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name);
    if (!configMap && source.configMapRef?.optional !== true) problems.push(`${workload.kind} ${workload.metadata.name}: ConfigMap ${name} is not rendered`);
    Object.assign(env, (configMap?.data as Record<string, string> | undefined) ?? {});
  }
  for (const variable of container?.env ?? []) env[variable.name] = variable.value;
  return { env, problems };
}

/** The Service in front of a Deployment's pods, and its http port. */
function serviceOf(objects: readonly K8sObject[], deployment: Deployment): { name: string; port: number } | undefined {
  const service = ofKind<Service>(objects, 'Service').find((s) => selectorMatches({ matchLabels: s.spec?.selector ?? {} }, podLabels(deployment)));
  const port = service?.spec?.ports?.find((p) => p.name === 'http')?.port;
  return service && port !== undefined ? { name: service.metadata.name, port } : undefined;
}

interface AppPod extends Endpoint {
  name: string;
  port: Port;
  /** The container port named metrics (METRICS_PORT); Jobs have none (number 0). */
  metrics: Port;
}

function appPods(objects: readonly K8sObject[], namespace: string, kind: 'Deployment' | 'Job', role: string): AppPod[] {
  return objects
    .filter((o): o is K8sObject & (Deployment | Job) => o.kind === kind)
    .filter((w) => component(w) === role)
    .map((w) => {
      const ports = w.spec?.template.spec?.containers[0]?.ports ?? [];
      const http = ports.find((p) => p.name === 'http');
      const metrics = ports.find((p) => p.name === 'metrics');
      return {
        name: podLabels(w)['app.kubernetes.io/name'] ?? w.metadata.name,
        description: `${role} ${w.metadata.name}`,
        ...inNamespace(w.metadata.namespace ?? namespace),
        podLabels: podLabels(w),
        port: { number: http?.containerPort ?? 0, name: 'http' },
        metrics: { number: metrics?.containerPort ?? 0, name: 'metrics' },
      };
    });
}

const expectNone = (problems: string[]) => expect(problems).toEqual([]);

/** Registers the same checks for every rendering of the manifests. */
export function describeRenderedManifests(scenario: Scenario): void {
  describe(scenario.title, () => {
    let objects: K8sObject[] = [];
    let net: NetworkModel;
    let gateways: AppPod[] = [];
    let subgraphs: AppPod[] = [];
    let migrations: AppPod[] = [];
    const stranger: Endpoint = { description: 'another pod in the namespace', ...inNamespace(scenario.namespace), podLabels: { app: 'stranger' } };
    const outsider: Endpoint = { description: 'a pod in another namespace', ...inNamespace('elsewhere'), podLabels: { app: 'outsider' } };
    const ingressController: Endpoint = {
      description: 'the ingress controller',
      ...inNamespace('ingress-nginx'),
      podLabels: { 'app.kubernetes.io/name': 'ingress-nginx' },
    };
    const prometheus: Endpoint = { description: 'Prometheus', ...inNamespace('monitoring'), podLabels: { app: 'prometheus' } };
    const dns: Endpoint = { description: 'cluster DNS', ...inNamespace('kube-system'), podLabels: { 'k8s-app': 'kube-dns' } };
    const internet: Endpoint = { description: 'the internet', ...inNamespace(''), ip: '93.184.216.34' };

    beforeAll(() => {
      objects = scenario.render();
      net = new NetworkModel(objects, scenario.namespace);
      gateways = appPods(objects, scenario.namespace, 'Deployment', 'gateway');
      subgraphs = appPods(objects, scenario.namespace, 'Deployment', 'subgraph');
      migrations = appPods(objects, scenario.namespace, 'Job', 'migration');
    });

    it('renders one gateway, the subgraphs (identity among them) and a migration Job for each subgraph', () => {
      expect(gateways).toHaveLength(1);
      expect(subgraphs.map((s) => s.name)).toContain('identity');
      expect(migrations.map((m) => m.name).sort()).toEqual(subgraphs.map((s) => s.name).sort());
      for (const job of objects.filter((o): o is K8sObject & Job => o.kind === 'Job')) {
        const name = podLabels(job)['app.kubernetes.io/name'];
        expect(job.spec?.template.spec?.containers[0]?.command).toEqual(['node', `services/${name}/dist/migrate.js`]);
      }
    });

    it('validates every object against the Kubernetes schemas, with no unknown keys', () => {
      expectNone(schemaErrors(objects));
    });

    it('meets the project policy: probes, resources, non-root, read-only root, HPA + PDB, gateway-only Ingress, no Secrets', () => {
      expectNone(allPolicyViolations(objects));
      expect(objects.filter((o) => o.kind === 'Ingress')).toHaveLength(1);
    });

    describe('environment', () => {
      const workloads = () => objects.filter((o): o is Workload => o.kind === 'Deployment' || o.kind === 'Job');
      const nameOf = (w: Workload) => podLabels(w)['app.kubernetes.io/name'] ?? w.metadata.name;
      const subgraphDeployments = () => ofKind<Deployment>(objects, 'Deployment').filter((d) => component(d) === 'subgraph');

      it("sets for every process only the variables it reads (a subgraph's src/env.ts), from ConfigMaps that exist", () => {
        const subgraphNames = subgraphDeployments().map(nameOf);
        const problems = workloads().flatMap((w) => {
          const { env, problems: missing } = containerEnv(objects, w);
          const allowed = component(w) === 'gateway' ? new Set([...GATEWAY_ENV, ...subgraphNames.map(subgraphUrlVariable)]) : subgraphEnv(nameOf(w));
          const unread = Object.keys(env)
            .filter((v) => !allowed.has(v))
            .map((v) => `${w.kind} ${w.metadata.name}: ${v} is read by no env.ts`);
          return [...missing, ...unread];
        });
        expect(problems).toEqual([]);
      });

      it("points the gateway at every subgraph's Service, and every subgraph at identity's JWKS", () => {
        const gateway = ofKind<Deployment>(objects, 'Deployment').find((d) => component(d) === 'gateway');
        const gatewayEnv = gateway ? containerEnv(objects, gateway as Workload).env : {};
        const identity = subgraphDeployments().find((d) => nameOf(d) === 'identity');
        const identityService = identity && serviceOf(objects, identity);
        const jwks = identityService && `http://${identityService.name}:${identityService.port}/.well-known/jwks.json`;
        for (const deployment of subgraphDeployments()) {
          const name = nameOf(deployment);
          const service = serviceOf(objects, deployment);
          const env = containerEnv(objects, deployment as Workload).env;
          expect([name, gatewayEnv[subgraphUrlVariable(name)]]).toEqual([name, service && `http://${service.name}:${service.port}/graphql`]);
          expect([name, env.JWKS_URL, env.OTEL_SERVICE_NAME, env.PORT]).toEqual([name, jwks, name, String(service?.port)]);
        }
      });

      it('serves /metrics on the container port named metrics (METRICS_PORT), never on the http port', () => {
        const deployments = ofKind<Deployment>(objects, 'Deployment');
        expect(deployments.length).toBeGreaterThan(0);
        for (const deployment of deployments) {
          const ports = deployment.spec?.template.spec?.containers[0]?.ports ?? [];
          const env = containerEnv(objects, deployment as Workload).env;
          const metrics = ports.find((p) => p.name === 'metrics')?.containerPort;
          const http = ports.find((p) => p.name === 'http')?.containerPort;
          expect([deployment.metadata.name, env.METRICS_PORT]).toEqual([deployment.metadata.name, metrics === undefined ? undefined : String(metrics)]);
          expect([deployment.metadata.name, metrics !== undefined && metrics !== http]).toEqual([deployment.metadata.name, true]);
        }
      });

      it("gives every migration Job its subgraph's brokers, topic settings and Kafka security (migrate.js creates the topics)", () => {
        // Every KAFKA_* variable: brokers and topic settings by value, the SASL/TLS ones too (those
        // from a Secret count as set with no value: the Job must name the same ones).
        const settings = (env: Record<string, string | undefined>) => ({
          KAFKA_BROKERS: env.KAFKA_BROKERS,
          KAFKA_TOPIC_PARTITIONS: env.KAFKA_TOPIC_PARTITIONS,
          KAFKA_REPLICATION_FACTOR: env.KAFKA_REPLICATION_FACTOR,
          ...Object.fromEntries(Object.entries(env).filter(([key]) => key.startsWith('KAFKA_'))),
        });
        const jobs = ofKind<Job>(objects, 'Job');
        expect(jobs.length).toBeGreaterThan(0);
        for (const job of jobs) {
          const name = podLabels(job)['app.kubernetes.io/name'];
          const deployment = subgraphDeployments().find((d) => nameOf(d) === name);
          const expected = settings(deployment ? containerEnv(objects, deployment as Workload).env : {});
          expect([expected.KAFKA_BROKERS, expected.KAFKA_TOPIC_PARTITIONS, expected.KAFKA_REPLICATION_FACTOR].every((value) => value !== undefined)).toBe(true);
          expect([name, settings(containerEnv(objects, job as Workload).env)]).toEqual([name, expected]);
        }
      });

      it("keeps every subgraph's HPA maxReplicas at or below its topics' partition count", () => {
        const hpas = ofKind<HorizontalPodAutoscaler>(objects, 'HorizontalPodAutoscaler');
        for (const deployment of subgraphDeployments()) {
          const name = nameOf(deployment);
          const env = containerEnv(objects, deployment as Workload).env;
          const partitions = Number(env.KAFKA_TOPIC_PARTITIONS ?? subgraphEnvDefaults(name).KAFKA_TOPIC_PARTITIONS);
          const maxReplicas = hpas.find((h) => h.spec?.scaleTargetRef.name === deployment.metadata.name)?.spec?.maxReplicas ?? Infinity;
          expect([name, maxReplicas <= partitions]).toEqual([name, true]);
        }
      });

      if (scenario.production) {
        it('connects every subgraph and migration Job to Kafka with SASL/SCRAM over TLS, credentials from a Secret', () => {
          const secured = workloads()
            .filter((w) => component(w) !== 'gateway')
            .map((w) => {
              const container = w.spec?.template.spec?.containers[0];
              const fromSecret = (name: string) => container?.env?.find((v) => v.name === name)?.valueFrom?.secretKeyRef?.name !== undefined;
              const { env } = containerEnv(objects, w);
              return {
                workload: `${w.kind} ${w.metadata.name}`,
                tls: env.KAFKA_SSL,
                mechanism: env.KAFKA_SASL_MECHANISM,
                credentialsFromSecret: fromSecret('KAFKA_SASL_USERNAME') && fromSecret('KAFKA_SASL_PASSWORD'),
              };
            });
          expect(secured.length).toBeGreaterThan(0);
          expect(secured).toEqual(secured.map(({ workload }) => ({ workload, tls: 'true', mechanism: 'scram-sha-512', credentialsFromSecret: true })));
        });

        it("never seeds development's default catalogue", () => {
          const development = subgraphDeployments().find((d) => nameOf(d) === 'development');
          const env = development ? containerEnv(objects, development as Workload).env : {};
          expect({ NODE_ENV: env.NODE_ENV, SEED_DEFAULT_CATALOGUE: env.SEED_DEFAULT_CATALOGUE }).toEqual({
            NODE_ENV: 'production',
            SEED_DEFAULT_CATALOGUE: 'never',
          });
        });
      }
    });

    describe('NetworkPolicies', () => {
      const reach = (from: Endpoint, to: Endpoint, port: Port) => `${from.description} → ${to.description}:${port.number}`;
      const verdicts = (pairs: [Endpoint, Endpoint, Port][]) =>
        pairs.map(([from, to, port]) => `${reach(from, to, port)} ${net.canConnect(from, to, port) ? 'allowed' : 'denied'}`);
      const expectAll = (pairs: [Endpoint, Endpoint, Port][], verdict: 'allowed' | 'denied') =>
        expect(verdicts(pairs)).toEqual(pairs.map(([from, to, port]) => `${reach(from, to, port)} ${verdict}`));

      it('deny everything in and out of the namespace by default', () => {
        expect(net.hasDefaultDeny()).toBe(true);
        expectAll([[stranger, internet, { number: 443 }], ...subgraphs.map((s): [Endpoint, Endpoint, Port] => [s, internet, { number: 443 }])], 'denied');
      });

      it('let the ingress controller reach the gateway, and nothing else reach it', () => {
        expectAll(
          gateways.map((g) => [ingressController, g, g.port]),
          'allowed',
        );
        expectAll(
          gateways.flatMap((g) => [stranger, outsider, ...subgraphs].map((from): [Endpoint, Endpoint, Port] => [from, g, g.port])),
          'denied',
        );
      });

      it('let only the gateway (and other subgraphs, for identity JWKS) reach the subgraphs', () => {
        expectAll(
          subgraphs.flatMap((s) => gateways.map((g): [Endpoint, Endpoint, Port] => [g, s, s.port])),
          'allowed',
        );
        const identity = subgraphs.filter((s) => s.name === 'identity');
        expectAll(
          subgraphs.flatMap((from) => identity.map((i): [Endpoint, Endpoint, Port] => [from, i, i.port])),
          'allowed',
        );
        const others = subgraphs.filter((s) => s.name !== 'identity');
        expectAll(
          subgraphs.flatMap((from) => others.filter((o) => o !== from).map((o): [Endpoint, Endpoint, Port] => [from, o, o.port])),
          'denied',
        );
        expectAll(
          subgraphs.flatMap((s) => [stranger, outsider, ingressController, ...migrations].map((from): [Endpoint, Endpoint, Port] => [from, s, s.port])),
          'denied',
        );
      });

      it('let Prometheus scrape every process on its metrics port, and reach no GraphQL port', () => {
        const processes = [...gateways, ...subgraphs];
        expectAll(
          processes.map((p) => [prometheus, p, p.metrics]),
          'allowed',
        );
        expectAll(
          processes.map((p) => [prometheus, p, p.port]),
          'denied',
        );
      });

      it('let nothing but Prometheus reach the metrics ports', () => {
        expectAll(
          [...gateways, ...subgraphs].flatMap((p) =>
            [stranger, outsider, ingressController, ...gateways, ...subgraphs, ...migrations]
              .filter((from) => from !== p)
              .map((from): [Endpoint, Endpoint, Port] => [from, p, p.metrics]),
          ),
          'denied',
        );
      });

      it('let only subgraphs and their migrations reach PostgreSQL and Kafka', () => {
        const data: [Endpoint, Port][] = [
          [scenario.postgres, { number: 5432 }],
          [scenario.kafka, { number: 9092 }],
        ];
        expectAll(
          [...subgraphs, ...migrations].flatMap((from) => data.map(([to, port]): [Endpoint, Endpoint, Port] => [from, to, port])),
          'allowed',
        );
        expectAll(
          [...gateways, stranger].flatMap((from) => data.map(([to, port]): [Endpoint, Endpoint, Port] => [from, to, port])),
          'denied',
        );
      });

      it('let every process resolve names through cluster DNS', () => {
        expectAll(
          [...gateways, ...subgraphs, ...migrations].map((p) => [p, dns, { number: 53, protocol: 'UDP' }]),
          'allowed',
        );
      });
    });
  });
}
