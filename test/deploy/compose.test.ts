import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import Ajv from 'ajv';
import addFormats from 'ajv-formats';

import { composeDeployables, type ComposeFile, type ComposeService, dependsOn, isMigration, loadCompose } from './support/compose';
import { finalStages, parseDockerfile } from './support/dockerfile';
import { GATEWAY_ENV, subgraphEnv, subgraphUrlVariable } from './support/env-contract';
import { readYaml } from './support/manifests';
import { repoRoot } from './support/tools';

/** The Compose Specification schema bundled with dclint (its style rules are not used). */
function composeSchemaValidator() {
  const schemaPath = join(dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json');
  // Its $schema is written without the trailing '#', which Ajv does not recognise as draft-07.
  const { $schema: _ignored, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

let compose: ComposeFile;
beforeAll(() => {
  compose = loadCompose();
});

describe('docker-compose.yml', () => {
  it('validates against the Compose Specification schema', () => {
    const validate = composeSchemaValidator();
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check has teeth: a misspelled service key fails', () => {
    const validate = composeSchemaValidator();
    const broken = structuredClone(compose) as ComposeFile & { services: Record<string, Record<string, unknown>> };
    (broken.services.gateway as Record<string, unknown>).healthchek = {};
    expect(validate(broken)).toBe(false);
  });

  it('builds every image from an existing Dockerfile target', () => {
    const targets = finalStages(parseDockerfile());
    const built = Object.entries(compose.services).filter(([, s]) => s.build);
    expect(built.length).toBeGreaterThan(0);
    for (const [, service] of built) {
      expect(service.build?.context).toBe('.');
      expect(targets).toContain(service.build?.target);
    }
  });

  it('publishes the gateway on port 4000 and nothing else of the graph', () => {
    const deployables = composeDeployables(compose);
    const gateways = [...deployables].filter(([, d]) => d.role === 'gateway');
    expect(gateways.map(([name]) => name)).toEqual(['gateway']);
    expect(compose.services.gateway?.ports).toContain('4000:4000');
    for (const [name, d] of deployables) if (d.role === 'subgraph') expect([name, d.service.ports]).toEqual([name, undefined]);
  });

  describe('every subgraph', () => {
    const subgraphs = () => [...composeDeployables(compose)].filter(([, d]) => d.role === 'subgraph');

    it('exists', () => {
      expect(subgraphs().map(([name]) => name)).toContain('identity');
    });

    it('has a healthcheck and starts only after its migration succeeded', () => {
      for (const [name, { service }] of subgraphs()) {
        expect(service.healthcheck?.test).toBeDefined();
        expect(service.healthcheck?.disable).not.toBe(true);
        expect(dependsOn(service)).toMatchObject({ [`migrate-${name}`]: 'service_completed_successfully' });
      }
    });

    it('has a one-shot migration that waits for a healthy PostgreSQL and Kafka', () => {
      for (const [name] of subgraphs()) {
        const migration = compose.services[`migrate-${name}`];
        expect(migration && isMigration(migration)).toBe(true);
        expect(migration?.command).toEqual(['node', `services/${name}/dist/migrate.js`]);
        expect(migration?.restart).toBe('no');
        expect(dependsOn(migration ?? {})).toMatchObject({ postgres: 'service_healthy', kafka: 'service_healthy' });
        // migrate.js creates the event catalogue's topics: with the brokers and the settings its subgraph has.
        const topicSettings = (service: ComposeService | undefined) =>
          ['KAFKA_BROKERS', 'KAFKA_TOPIC_PARTITIONS', 'KAFKA_REPLICATION_FACTOR'].map((key) => service?.environment?.[key]);
        expect(topicSettings(migration).every((value) => value !== undefined && value !== null)).toBe(true);
        expect([name, topicSettings(migration)]).toEqual([name, topicSettings(compose.services[name])]);
      }
    });

    it('is built for itself, listens where its PORT says, and has its own database', () => {
      const databases = String(compose.services.postgres?.environment?.KINERJA_DATABASES ?? '').split(/[\s,]+/);
      for (const [name, { service, port }] of subgraphs()) {
        expect(service.build?.args).toEqual({ SERVICE: name, PORT: String(port) });
        expect(existsSync(join(repoRoot, 'services', name, 'package.json'))).toBe(true);
        expect(String(service.environment?.DATABASE_URL)).toMatch(new RegExp(`@postgres:5432/kinerja_${name}$`));
        expect(databases).toContain(`kinerja_${name}`);
      }
    });

    it('runs with a read-only root filesystem and a /tmp tmpfs, like in Kubernetes', () => {
      for (const [, { service }] of [...composeDeployables(compose)]) {
        expect(service.read_only).toBe(true);
        expect(service.tmpfs).toEqual(['/tmp']);
      }
    });
  });

  // The contract is each service's src/env.ts schema (support/env-contract.ts); migrations load the same config.
  it('sets only variables the processes read (their env.ts), and wires the gateway to every subgraph', () => {
    const deployables = composeDeployables(compose);
    const identityPort = deployables.get('identity')?.port;
    const unread = (name: string, service: ComposeService, allowed: ReadonlySet<string>) =>
      Object.keys(service.environment ?? {})
        .filter((v) => !allowed.has(v))
        .map((v) => `${name}: ${v}`);
    for (const [name, { role, service }] of deployables) {
      if (role === 'gateway') {
        const subgraphs = [...deployables].filter(([, d]) => d.role === 'subgraph');
        expect(unread(name, service, new Set([...GATEWAY_ENV, ...subgraphs.map(([sub]) => subgraphUrlVariable(sub))]))).toEqual([]);
        for (const [sub, d] of subgraphs) expect([sub, service.environment?.[subgraphUrlVariable(sub)]]).toEqual([sub, `http://${sub}:${d.port}/graphql`]);
        expect(Object.keys(dependsOn(service)).sort()).toEqual(expect.arrayContaining(subgraphs.map(([sub]) => sub)));
      } else {
        const allowed = subgraphEnv(name);
        expect(unread(name, service, allowed)).toEqual([]);
        const migration = compose.services[`migrate-${name}`];
        expect(unread(`migrate-${name}`, migration ?? {}, allowed)).toEqual([]);
        expect([name, service.environment?.JWKS_URL]).toEqual([name, `http://identity:${identityPort}/.well-known/jwks.json`]);
        expect([name, service.environment?.OTEL_SERVICE_NAME]).toEqual([name, name]);
      }
    }
  });

  it('runs Kafka 3.9 as a single KRaft node with topics not auto-created', () => {
    const kafka = compose.services.kafka;
    expect(kafka?.image).toMatch(/^apache\/kafka:3\.9\.\d+$/);
    expect(kafka?.environment).toMatchObject({ KAFKA_PROCESS_ROLES: 'broker,controller', KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false' });
    expect(kafka?.healthcheck?.test).toBeDefined();
  });

  it('creates the databases with an init script that exists, on PostgreSQL 15', () => {
    const postgres = compose.services.postgres;
    expect(postgres?.image).toBe('postgres:15');
    expect(postgres?.volumes).toContain('./deploy/postgres/init-databases.sh:/docker-entrypoint-initdb.d/10-init-databases.sh:ro');
  });

  it('gives a healthcheck to every service that others wait on with service_healthy', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [dependency, condition] of Object.entries(dependsOn(service))) {
        expect(compose.services[dependency]).toBeDefined();
        if (condition === 'service_healthy')
          expect([name, dependency, compose.services[dependency]?.healthcheck?.test !== undefined]).toEqual([name, dependency, true]);
      }
    }
  });

  it('mounts only host files that exist', () => {
    for (const service of Object.values(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
        if (source?.startsWith('./')) expect(existsSync(join(repoRoot, source))).toBe(true);
      }
    }
  });

  describe('observability profile', () => {
    it('holds the collector, Jaeger and Prometheus, and only those', () => {
      const inProfile = Object.entries(compose.services).filter(([, s]) => s.profiles?.includes('observability'));
      expect(inProfile.map(([name]) => name).sort()).toEqual(['jaeger', 'otel-collector', 'prometheus']);
    });

    it('has Prometheus scrape /metrics of every process on its METRICS_PORT, not its GraphQL port', () => {
      const config = readYaml('deploy/prometheus.yml') as {
        scrape_configs: { job_name: string; metrics_path?: string; static_configs: { targets: string[] }[] }[];
      };
      const job = config.scrape_configs.find((j) => j.job_name === 'kinerja');
      expect(job?.metrics_path ?? '/metrics').toBe('/metrics');
      const targets = (job?.static_configs ?? []).flatMap((c) => c.targets).sort();
      const deployables = [...composeDeployables(compose)];
      for (const [name, d] of deployables) expect([name, Number(d.service.environment?.METRICS_PORT)]).not.toEqual([name, d.port]);
      expect(targets).toEqual(deployables.map(([name, d]) => `${name}:${Number(d.service.environment?.METRICS_PORT)}`).sort());
    });

    it('has the collector receive OTLP on all interfaces and export traces to Jaeger', () => {
      const config = readYaml('deploy/otel-collector.yaml') as {
        receivers: { otlp: { protocols: Record<string, { endpoint: string }> } };
        exporters: Record<string, { endpoint: string }>;
        service: { pipelines: { traces: { receivers: string[]; exporters: string[] } } };
      };
      expect(config.receivers.otlp.protocols.http?.endpoint).toBe('0.0.0.0:4318');
      expect(config.service.pipelines.traces.receivers).toContain('otlp');
      const exporter = config.service.pipelines.traces.exporters[0] ?? '';
      expect(config.exporters[exporter]?.endpoint).toBe('jaeger:4317');
    });
  });
});
