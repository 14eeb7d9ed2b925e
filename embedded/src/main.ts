import 'reflect-metadata';

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { loadConfig } from '@kinerja/config';
import { startDevelopmentService } from '@kinerja/development/dist/development.service';
import { developmentEnvSchema } from '@kinerja/development/dist/env';
import { seedDefaultCatalogue } from '@kinerja/development/dist/seed/seed-default-catalogue';
import { loadGatewayConfig } from '@kinerja/gateway/dist/env';
import { startGateway } from '@kinerja/gateway/dist/gateway';
import { publishEmployeeSnapshots } from '@kinerja/identity/dist/application/publish-employee-snapshots.command';
import { identityEnvSchema } from '@kinerja/identity/dist/env';
import { buildIdentitySchema, startIdentityService } from '@kinerja/identity/dist/identity.service';
import { ScryptPasswordHasher } from '@kinerja/identity/dist/infrastructure/scrypt-password-hasher';
import { type DemoAccount, seedDemoData } from '@kinerja/identity/dist/seed/seed-demo-data';
import { createLogger } from '@kinerja/logger';
import { transportFromConfig } from '@kinerja/messaging';
import { performanceEnvSchema } from '@kinerja/performance/dist/env';
import { startPerformanceService } from '@kinerja/performance/dist/performance.service';

import { printBanner } from './banner';
import { loadEmbeddedConfig } from './env';
import { deleteEmbeddedData } from './fresh-start';
import { seedDemoActivityOnFirstStart } from './seed-demo-activity';

interface Stoppable {
  name: string;
  stop(): Promise<void>;
}

type Starter<T extends { stop(): Promise<void> }> = readonly [name: string, start: () => Promise<T>];

/**
 * Starts services concurrently; each that started is registered in `running` (so a failure of
 * another still stops it in order), then the first failure is thrown.
 */
async function startedTogether<S extends readonly Starter<{ stop(): Promise<void> }>[]>(
  running: Stoppable[],
  starters: S,
): Promise<{ [K in keyof S]: Awaited<ReturnType<S[K][1]>> }> {
  const results = await Promise.allSettled(starters.map(([, start]) => start()));
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') running.push({ name: starters[i]![0], stop: result.value.stop });
  });
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as { [K in keyof S]: Awaited<ReturnType<S[K][1]>> };
}

/**
 * `npm start`: every subgraph and the gateway in one Node process. Each subgraph keeps its own
 * port and its own embedded PostgreSQL (PGlite) under `.data/<service>/`; events travel over one
 * in-process bus through the same outbox, relay and consumers as with Kafka (or over Kafka when
 * KAFKA_BROKERS is set). One process also holds the memory of five PGlite instances at about half
 * of what five processes would take (ENVIRONMENT.md).
 */
async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadEmbeddedConfig();
  if (process.argv.includes('--fresh')) {
    try {
      deleteEmbeddedData(config.KINERJA_DATA_DIR, ['identity', 'performance', 'development']);
    } catch (error) {
      process.stderr.write(`Not starting over: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    }
  }
  mkdirSync(join(config.KINERJA_DATA_DIR, 'logs'), { recursive: true });
  const logFile = join(config.KINERJA_DATA_DIR, 'logs', 'kinerja.log');
  const logger = createLogger({ name: 'kinerja', level: config.LOG_LEVEL, destination: logFile });
  const port = (base: number) => String(base + config.KINERJA_PORT_OFFSET);
  const common = {
    NODE_ENV: config.NODE_ENV,
    LOG_LEVEL: config.LOG_LEVEL,
    DATA_DIR: config.KINERJA_DATA_DIR,
    JWKS_URL: `http://127.0.0.1:${port(4001)}/.well-known/jwks.json`,
  };
  const transport = await transportFromConfig({
    brokers: config.KAFKA_BROKERS,
    clientId: 'kinerja-embedded',
    logger,
    topics: { partitions: 3, replicationFactor: 1 },
  });
  const running: Stoppable[] = [];
  const stopAll = async (exitCode: number) => {
    for (const service of running.reverse()) {
      await service.stop().catch((error: unknown) => logger.error({ err: error, service: service.name }, 'stop failed'));
      process.stdout.write(`stopped ${service.name}\n`);
    }
    await transport.close();
    // The log file opens asynchronously: exiting before it is open (a start that failed at once) would crash pino's exit hook.
    await new Promise<void>((resolve) => logger.flush(() => resolve()));
    process.exit(exitCode);
  };
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void stopAll(0);
    });
  }

  try {
    const identityConfig = loadConfig(identityEnvSchema, { ...common, PORT: port(4001), DATABASE_URL: config.IDENTITY_DATABASE_URL });
    // The three open their databases together (the others fetch identity's keys only at the first
    // request); demo data is seeded once all of them consume events.
    const [identity, performance, development] = await startedTogether(running, [
      ['identity', () => startIdentityService(identityConfig, logger.child({ service: 'identity' }), { transport })],
      [
        'performance',
        () =>
          startPerformanceService(
            loadConfig(performanceEnvSchema, { ...common, PORT: port(4002), DATABASE_URL: config.PERFORMANCE_DATABASE_URL }),
            logger.child({ service: 'performance' }),
            { transport },
          ),
      ],
      [
        'development',
        () =>
          startDevelopmentService(
            loadConfig(developmentEnvSchema, { ...common, PORT: port(4004), DATABASE_URL: config.DEVELOPMENT_DATABASE_URL }),
            logger.child({ service: 'development' }),
            { transport },
          ),
      ],
    ] as const);

    let demoAccounts: DemoAccount[] | null = null;
    if (config.NODE_ENV !== 'production') {
      await seedDefaultCatalogue(development.prisma);
      // Every consumer is subscribed by now: the seeded employees reach the other services' copies.
      demoAccounts = await seedDemoData(identity.prisma, new ScryptPasswordHasher());
      if (demoAccounts) {
        const { organisation, employees } = await buildIdentitySchema(identity.prisma, identityConfig, () => identity.relay.notify());
        await publishEmployeeSnapshots(organisation, employees);
      }
    }

    const gatewayConfig = loadGatewayConfig({
      NODE_ENV: config.NODE_ENV,
      LOG_LEVEL: config.LOG_LEVEL,
      PORT: port(4000),
      SUBGRAPH_IDENTITY_URL: identity.subgraph.graphqlUrl,
      SUBGRAPH_PERFORMANCE_URL: performance.subgraph.graphqlUrl,
      SUBGRAPH_DEVELOPMENT_URL: development.subgraph.graphqlUrl,
    });
    const gateway = await startGateway(gatewayConfig, logger.child({ service: 'gateway' }));
    running.push({ name: 'gateway', stop: gateway.stop });
    printBanner({
      seconds: (Date.now() - startedAt) / 1000,
      gatewayUrl: gateway.url,
      subgraphs: [
        ['identity', identity.subgraph.graphqlUrl],
        ['performance', performance.subgraph.graphqlUrl],
        ['development', development.subgraph.graphqlUrl],
      ],
      dataDir: config.KINERJA_DATA_DIR,
      logFile,
      transport: transport.kind,
    });
    // First start only: last year and this year's work, made through the graph as its users would.
    // The graph already answers meanwhile; the line after the banner says when it is complete.
    if (demoAccounts) {
      process.stdout.write('Recording the demo activity through the graph (last year assessed, this year begun) ...\n');
      await seedDemoActivityOnFirstStart(gateway.url, demoAccounts, logger.child({ service: 'demo-activity' }));
    }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    await stopAll(1);
  }
}

void main();
