import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface DbPoolStats {
  /** Connections open, idle among them, and callers waiting for one. */
  total: number;
  idle: number;
  waiting: number;
}

/** What a service lets the registry read on each scrape (and only then). */
export interface ServiceMetricSources {
  /** Outbox rows not yet published (`OutboxRelay.backlog()`). */
  outboxBacklog?: () => Promise<number> | number;
  /** Seconds the oldest unpublished outbox row has waited (`OutboxRelay.oldestUnsentAgeSeconds()`). */
  outboxOldestUnsentAge?: () => Promise<number> | number;
  /** The service's event consumer (`EventConsumer`): running or not, and how far behind. */
  consumer?: ConsumerSource;
  /** The database pool; undefined when there is none (embedded PGlite). */
  dbPool?: () => DbPoolStats | undefined;
}

/** What `EventConsumer` offers; structural, so this package needs no messaging dependency. */
export interface ConsumerSource {
  isRunning(): boolean;
  lag?(): number | undefined;
  group?: string;
  lagByPartition?(): Promise<readonly { topic: string; partition: number; lag: number }[]> | undefined;
  /** Dead letters sent since start, per original topic and reason code (cumulative). */
  deadLetterCounts?(): readonly { topic: string; reason: string; count: number }[];
}

export interface ProcessMetrics {
  registry: Registry;
  httpRequestDuration: Histogram<'route' | 'method' | 'status'>;
  graphqlOperationDuration: Histogram<'operation_name' | 'operation_type'>;
  graphqlErrors: Counter<'code'>;
  /** Adds a service's sources under its name (label `service`); returns the function that removes them. */
  addSources(service: string, sources: ServiceMetricSources): () => void;
  /** The exposition text and its content type, for `GET /metrics`. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

export interface MetricsOptions {
  registry?: Registry;
  /** A scrape must answer even when the database does not: a source slower than this is left out. */
  sourceTimeoutMs?: number;
}

/** A source's value, or undefined when it fails or takes longer than `ms`: one bad source never fails a scrape. */
async function read<T>(source: () => Promise<T> | T, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    Promise.resolve().then(source),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('metric source timed out')), ms);
    }),
  ])
    .catch(() => undefined)
    .finally(() => clearTimeout(timer));
}

function readNow<T>(source: () => T): T | undefined {
  try {
    return source();
  } catch {
    return undefined;
  }
}

export function createMetrics({ registry = new Registry(), sourceTimeoutMs = 2000 }: MetricsOptions = {}): ProcessMetrics {
  collectDefaultMetrics({ register: registry });
  const sources = new Map<string, ServiceMetricSources>();
  const registers = [registry];

  const httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests served, by route, method and status code',
    labelNames: ['route', 'method', 'status'] as const,
    registers,
  });
  const graphqlOperationDuration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operations executed, by operation name and type (query, mutation)',
    labelNames: ['operation_name', 'operation_type'] as const,
    registers,
  });
  const graphqlErrors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors in GraphQL responses, by extensions.code as the client sees it',
    labelNames: ['code'] as const,
    registers,
  });
  new Gauge({
    name: 'outbox_backlog',
    help: 'Outbox rows not yet published to the broker',
    labelNames: ['service'] as const,
    registers,
    async collect() {
      this.reset();
      await Promise.all(
        [...sources].map(async ([service, { outboxBacklog }]) => {
          if (!outboxBacklog) return;
          const backlog = await read(outboxBacklog, sourceTimeoutMs);
          if (backlog !== undefined) this.set({ service }, backlog);
        }),
      );
    },
  });
  new Gauge({
    name: 'consumer_running',
    help: '1 while the event consumer is in its group and fetching, 0 otherwise',
    labelNames: ['service'] as const,
    registers,
    collect() {
      this.reset();
      for (const [service, { consumer }] of sources) if (consumer) this.set({ service }, readNow(() => consumer.isRunning()) ? 1 : 0);
    },
  });
  new Gauge({
    name: 'consumer_lag',
    help: 'Messages behind the end of the subscribed partitions, as of the last fetched batch',
    labelNames: ['service'] as const,
    registers,
    collect() {
      this.reset();
      for (const [service, { consumer }] of sources) {
        const lag = consumer?.lag && readNow(() => consumer.lag?.());
        if (lag !== undefined) this.set({ service }, lag);
      }
    },
  });
  new Gauge({
    name: 'outbox_oldest_unsent_age_seconds',
    help: 'Seconds the oldest outbox row not yet published has waited (0 when none waits)',
    labelNames: ['service'] as const,
    registers,
    async collect() {
      this.reset();
      await Promise.all(
        [...sources].map(async ([service, { outboxOldestUnsentAge }]) => {
          const age = outboxOldestUnsentAge && (await read(outboxOldestUnsentAge, sourceTimeoutMs));
          if (age !== undefined) this.set({ service }, age);
        }),
      );
    },
  });
  new Gauge({
    name: 'consumer_group_lag',
    help: 'Messages not yet committed by the consumer group, per partition (high watermark minus committed offset, from the broker)',
    labelNames: ['service', 'group', 'topic', 'partition'] as const,
    registers,
    async collect() {
      this.reset();
      await Promise.all(
        [...sources].map(async ([service, { consumer }]) => {
          if (!consumer?.lagByPartition || !consumer.group) return;
          const group = consumer.group;
          const partitions = await read(async () => (await consumer.lagByPartition?.()) ?? [], sourceTimeoutMs);
          for (const { topic, partition, lag } of partitions ?? []) this.set({ service, group, topic, partition: String(partition) }, lag);
        }),
      );
    },
  });
  new Counter({
    name: 'consumer_dead_letters_total',
    help: 'Events the consumer sent to the dead-letter topic since it started, by original topic and reason code',
    labelNames: ['service', 'topic', 'reason'] as const,
    registers,
    collect() {
      // The consumer keeps the cumulative counts; each scrape copies them.
      this.reset();
      for (const [service, { consumer }] of sources) {
        const counts = consumer?.deadLetterCounts && readNow(() => consumer.deadLetterCounts?.());
        for (const { topic, reason, count } of counts ?? []) this.inc({ service, topic, reason }, count);
      }
    },
  });
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool connections: total open, idle, and callers waiting for one',
    labelNames: ['service', 'state'] as const,
    registers,
    collect() {
      this.reset();
      for (const [service, { dbPool }] of sources) {
        const stats = dbPool && readNow(dbPool);
        if (!stats) continue;
        for (const state of ['total', 'idle', 'waiting'] as const) this.set({ service, state }, stats[state]);
      }
    },
  });

  return {
    registry,
    httpRequestDuration,
    graphqlOperationDuration,
    graphqlErrors,
    addSources(service, added) {
      sources.set(service, added);
      return () => {
        if (sources.get(service) === added) sources.delete(service);
      };
    },
    scrape: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}

let processWide: ProcessMetrics | undefined;

/** The process's one registry (with Node's default metrics), shared by its HTTP server(s) and Apollo servers. */
export function processMetrics(): ProcessMetrics {
  processWide ??= createMetrics();
  return processWide;
}
