import { randomUUID } from 'node:crypto';

import { loadConfig } from '@kinerja/config';
import { createLogger } from '@kinerja/logger';
import {
  type BatchMessageHandler,
  ensureTopics,
  type IncomingMessage,
  KafkaTransport,
  type MessageHandler,
  type OutgoingMessage,
  type SubscribeOptions,
  type Subscription,
  type Transport,
} from '@kinerja/messaging';
import { type RunningService, type ServiceModule, startService } from '@kinerja/service-kit';
import { Client } from 'pg';

import { loadGatewayConfig } from '../../gateway/src/env';
import { startGateway } from '../../gateway/src/gateway';
import type { DevelopmentService } from '../../services/development/src/development.module';
import { publishEmployeeSnapshots } from '../../services/identity/src/application/publish-employee-snapshots.command';
import { type IdentityService, JWKS_PATH } from '../../services/identity/src/identity.module';
import type { PerformanceService } from '../../services/performance/src/performance.module';
import { graphql, type GraphQLResponse } from '../support/graphql-client';
import { kafkaClient, testBrokers, waitFor } from '../support/kafka';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { serviceModules } from '../support/services';

/** The services log nothing unless E2E_LOG_LEVEL asks for it (e.g. E2E_LOG_LEVEL=warn when a run fails). */
const silent = (name: string) => createLogger({ name, level: (process.env['E2E_LOG_LEVEL'] as 'silent' | undefined) ?? 'silent' });

/**
 * Commits, for a consumer group of this run only, the current end of each topic, so the group
 * starts with what is published from now on. The topics outlive test runs (and benchmarks fill
 * them with thousands of events): a new group reading them from the beginning would spend its
 * time on other runs' employees.
 */
async function startGroupAtEnd(groupId: string, topics: readonly string[]): Promise<void> {
  const kafka = kafkaClient();
  const admin = kafka.admin();
  await admin.connect();
  let ends: { topic: string; partition: number; offset: string }[];
  try {
    const perTopic = await Promise.all(
      topics.map(async (topic) => (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({ topic, partition, offset: high }))),
    );
    ends = perTopic.flat();
  } finally {
    await admin.disconnect();
  }
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  let timer: NodeJS.Timeout | undefined;
  try {
    const joined = new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.GROUP_JOIN, () => resolve());
      timer = setTimeout(() => reject(new Error(`consumer group ${groupId} did not form within 30 s`)), 30_000);
    });
    await consumer.subscribe({ topics: [...topics], fromBeginning: false });
    await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
    await joined;
    await consumer.commitOffsets(ends);
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
}

/**
 * The production Kafka transport of one service, scoped to this run: its consumer group is renamed
 * for the run and starts at the topics' current end, and events of agencies this run's identity
 * did not seed are acknowledged without being handed to the service. Everything else (publishing,
 * consuming, committing after the handler) is KafkaTransport's own code.
 *
 * The broker is shared: without the renaming, two stacks (two test files, or two people) would
 * share the fixed group "development" and split its partitions; without the filter, a benchmark
 * publishing tens of thousands of snapshots meanwhile would queue this run's events behind them.
 */
class RunScopedTransport implements Transport {
  readonly kind = 'kafka' as const;
  readonly groups: string[] = [];

  constructor(
    private readonly inner: KafkaTransport,
    private readonly run: string,
    private readonly ours: (message: IncomingMessage) => boolean,
  ) {}

  publish(messages: readonly OutgoingMessage[]): Promise<void> {
    return this.inner.publish(messages);
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const groupId = `${options.groupId}.e2e-${this.run}`;
    await startGroupAtEnd(groupId, options.topics);
    this.groups.push(groupId);
    const handle: MessageHandler = async (message) => {
      if (this.ours(message)) await options.handle(message);
    };
    const inner = options.handleBatch;
    const handleBatch: BatchMessageHandler | undefined = inner
      ? async (messages, heartbeat) => {
          const ours = messages.filter(this.ours);
          if (ours.length > 0) await inner(ours, heartbeat);
        }
      : undefined;
    return this.inner.subscribe({ ...options, groupId, handle, ...(handleBatch ? { handleBatch } : {}) });
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Waits until PostgreSQL has let every connection of the database go, so a forced drop kills no closing socket. */
async function untilDisconnected(database: TestDatabase): Promise<void> {
  const admin = new Client({ connectionString: process.env['TEST_POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  try {
    for (let attempt = 0; attempt < 250; attempt += 1) {
      const { rows } = await admin.query<{ count: string }>('SELECT count(*) AS count FROM pg_stat_activity WHERE datname = $1', [database.name]);
      if (Number(rows[0]?.count ?? 0) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await admin.end();
  }
}

/** A running service of the stack with its own database. */
export interface StackService<S extends RunningService = RunningService> {
  url: string;
  service: S;
  database: TestDatabase;
}

export interface FederatedStack {
  /** The gateway's GraphQL endpoint: what a frontend talks to. */
  url: string;
  /** Every service of `gateway/subgraphs.json`, by name. */
  services: Record<string, StackService>;
  identity: StackService<IdentityService>;
  performance: StackService<PerformanceService>;
  development: StackService<DevelopmentService>;
  /** The (run-unique) Kafka consumer group a service consumes with. */
  groupOf(service: string): string;
  /** identity's backfill path: every employee republished as `identity.employee.snapshot`; how many. */
  backfill(): Promise<number>;
  /** Until performance's and development's local copies hold every employee identity has. */
  copiesComplete(timeoutMs?: number): Promise<number>;
  /** A GraphQL request through the gateway. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/**
 * Every service of the registry, each on its own fresh PostgreSQL database and its own
 * KafkaTransport on the real broker, with the gateway in front of them serving the committed
 * supergraph. identity starts first and seeds the demo province; the others verify its tokens
 * through its JWKS URL and start together.
 */
export async function startFederatedStack(prefix: string): Promise<FederatedStack> {
  const run = randomUUID().slice(0, 8);
  // What stop() undoes, stage by stage; the steps of one stage run in parallel.
  const stages: Record<'gateway' | 'services' | 'connections' | 'databases' | 'groups', (() => Promise<void>)[]> = {
    gateway: [],
    services: [],
    connections: [],
    databases: [],
    groups: [],
  };
  const stop = async () => {
    const failures: unknown[] = [];
    for (const steps of Object.values(stages)) {
      const results = await Promise.allSettled(steps.splice(0).map((step) => step()));
      for (const result of results) if (result.status === 'rejected') failures.push(result.reason);
    }
    if (failures.length > 0) throw failures[0];
  };
  const transports: Record<string, RunScopedTransport> = {};
  // The agencies identity seeded for this run (random ids): only their events reach the services.
  const agencies = new Set<string>();
  const ours = (message: IncomingMessage) => agencies.has(message.headers['agency-id'] ?? '');
  const transportOf = (service: string) => {
    const kafka = new KafkaTransport({ brokers: testBrokers(), clientId: `${service}-e2e-${run}`, logger: silent(service) });
    const transport = new RunScopedTransport(kafka, run, ours);
    transports[service] = transport;
    stages.connections.push(() => transport.close());
    return transport;
  };
  // Once every transport has left them.
  stages.groups.push(async () => {
    const groups = Object.values(transports).flatMap((transport) => transport.groups);
    if (groups.length === 0) return;
    const admin = kafkaClient().admin();
    await admin.connect();
    await admin.deleteGroups(groups).catch(() => undefined);
    await admin.disconnect();
  });

  const startOne = async (module: ServiceModule, env: Record<string, string>): Promise<StackService> => {
    const database = await createTestDatabase(`${prefix}_${module.name.slice(0, 4)}`);
    stages.databases.push(async () => {
      await untilDisconnected(database);
      await database.drop();
    });
    const config = loadConfig(module.envSchema, { DATABASE_URL: database.url, PORT: '0', NODE_ENV: 'test', SEED_DEMO_DATA: 'auto', ...env });
    const service = await startService(module, config, silent(module.name), { transport: transportOf(module.name) });
    stages.services.push(() => service.stop());
    await module.seed?.(service, silent(module.name));
    return { url: service.subgraph.graphqlUrl, service, database };
  };

  try {
    await ensureTopics(kafkaClient().admin(), { partitions: 3, replicationFactor: 1 });
    const [identityModule, ...others] = serviceModules();
    if (identityModule?.name !== 'identity') throw new Error('gateway/subgraphs.json must list identity first: it issues the tokens');
    // Scenarios hold one login for minutes on a busy machine; production keeps the 60 s default.
    const identity = (await startOne(identityModule, { ACCESS_TOKEN_TTL_SECONDS: '900' })) as StackService<IdentityService>;
    for (const agency of await identity.service.prisma.agency.findMany({ select: { id: true } })) agencies.add(agency.id);
    const jwksUrl = new URL(JWKS_PATH, identity.service.subgraph.url).toString();

    const started = await Promise.allSettled(others.map((module) => startOne(module, { JWKS_URL: jwksUrl })));
    const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
    const services: Record<string, StackService> = { identity };
    others.forEach((module, i) => (services[module.name] = (started[i] as PromiseFulfilledResult<StackService>).value));
    const performance = services['performance'] as StackService<PerformanceService>;
    const development = services['development'] as StackService<DevelopmentService>;

    const gateway = await startGateway(
      loadGatewayConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        PORT: '0',
        ...Object.fromEntries(Object.entries(services).map(([name, service]) => [`SUBGRAPH_${name.toUpperCase()}_URL`, service.url])),
      }),
      silent('gateway'),
    );
    stages.gateway.push(() => gateway.stop());
    const url = `${gateway.url}/graphql`;

    return {
      url,
      services,
      identity,
      performance,
      development,
      groupOf: (service) => {
        const group = transports[service]?.groups[0];
        if (!group) throw new Error(`${service} has no consumer group`);
        return group;
      },
      backfill: () => publishEmployeeSnapshots(identity.service.wiring.organisation, identity.service.wiring.employees),
      copiesComplete: async (timeoutMs = 30_000) => {
        const ids = (await identity.service.prisma.employee.findMany({ select: { id: true } })).map((employee) => employee.id);
        const where = { employeeId: { in: ids } };
        await waitFor(
          async () =>
            (await performance.service.prisma.employeeCopy.count({ where })) === ids.length &&
            (await development.service.prisma.employeeCopy.count({ where })) === ids.length,
          timeoutMs,
          `performance's and development's copies of ${ids.length} employees`,
        );
        return ids.length;
      },
      gql: (query, variables = {}, token) => graphql(url, query, variables, token),
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/** The data of a response, failing with the errors when there are any. */
export function ok<T = any>(response: GraphQLResponse, field: string): T {
  if (response.errors) throw new Error(`${field}: ${JSON.stringify(response.errors)}`);
  return (response.data as Record<string, T>)[field] as T;
}

export const CORE_VALUES = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'] as const;

/** All seven BerAKHLAK values MEETS, except those given. */
export function behaviourRatings(below: readonly string[] = []) {
  return CORE_VALUES.map((value) => ({
    value,
    rating: below.includes(value) ? 'BELOW' : 'MEETS',
    note: below.includes(value) ? 'Jarang berbagi informasi dengan tim dan sulit diajak bekerja sama.' : null,
  }));
}

export const today = () => new Date().toISOString().slice(0, 10);

/** HR opens the agency's year with quarterly sub-periods. */
export async function openPeriod(stack: FederatedStack, hrToken: string, agencyId: string, year: number) {
  return ok<{ id: string; subPeriods: { id: string; index: number }[] }>(
    await stack.gql(
      `mutation ($input: CreatePerformancePeriodInput!) { createPerformancePeriod(input: $input) { id year status subPeriods { id index } } }`,
      { input: { agencyId, year, cadence: 'QUARTERLY' } },
      hrToken,
    ),
    'createPerformancePeriod',
  );
}

export interface PlanFixture {
  planId: string;
  workResultId: string;
  indicatorId: string;
}

/** The employee drafts an SKP with one MAIN result and one QUANTITY indicator (target 12) and submits it. */
export async function submittedPlan(stack: FederatedStack, employeeToken: string, periodId: string, title: string): Promise<PlanFixture> {
  const plan = ok<{ id: string; status: string }>(
    await stack.gql(
      `mutation ($input: CreatePerformancePlanInput!) { createPerformancePlan(input: $input) { id status } }`,
      { input: { periodId } },
      employeeToken,
    ),
    'createPerformancePlan',
  );
  const workResult = ok<{ id: string }>(
    await stack.gql(
      `mutation ($input: AddWorkResultInput!) { addWorkResult(input: $input) { id kind } }`,
      { input: { planId: plan.id, kind: 'MAIN', title } },
      employeeToken,
    ),
    'addWorkResult',
  );
  const indicator = ok<{ id: string }>(
    await stack.gql(
      `mutation ($input: AddIndicatorInput!) { addIndicator(input: $input) { id } }`,
      { input: { workResultId: workResult.id, aspect: 'QUANTITY', description: `Jumlah dokumen: ${title}`, target: 12, unit: 'dokumen' } },
      employeeToken,
    ),
    'addIndicator',
  );
  const submitted = ok<{ status: string }>(
    await stack.gql(`mutation ($id: ID!) { submitPerformancePlan(planId: $id) { id status } }`, { id: plan.id }, employeeToken),
    'submitPerformancePlan',
  );
  if (submitted.status !== 'SUBMITTED') throw new Error(`plan is ${submitted.status} after submitting`);
  return { planId: plan.id, workResultId: workResult.id, indicatorId: indicator.id };
}

export async function approvePlan(stack: FederatedStack, supervisorToken: string, planId: string): Promise<string> {
  return ok<{ status: string }>(
    await stack.gql(`mutation ($id: ID!) { approvePerformancePlan(planId: $id) { id status } }`, { id: planId }, supervisorToken),
    'approvePerformancePlan',
  ).status;
}

/** The employee reports one realization with evidence for each of the given sub-periods. */
export async function reportRealizations(stack: FederatedStack, employeeToken: string, indicatorId: string, subPeriodIds: readonly string[], value: number) {
  for (const periodId of subPeriodIds) {
    ok(
      await stack.gql(
        `mutation ($input: ReportRealizationInput!) { reportRealization(input: $input) { id value late } }`,
        { input: { indicatorId, periodId, value, evidenceUrl: `https://dokumen.example.go.id/bukti/${randomUUID()}.pdf`, note: null } },
        employeeToken,
      ),
      'reportRealization',
    );
  }
}

export const FINALIZE = `mutation ($input: FinalizeAssessmentInput!) { finalizeAssessment(input: $input) {
  id kind predikat proposedWorkResultRating workResultRating behaviourRating behaviourGaps workResultGaps { workResultId title } } }`;
