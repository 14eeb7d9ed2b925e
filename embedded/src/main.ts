import 'reflect-metadata';

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { kafkaSecurityOf, loadConfig } from '@kinerja/config';
import { loadGatewayConfig } from '@kinerja/gateway/dist/env';
import { startGateway } from '@kinerja/gateway/dist/gateway';
import { createLogger } from '@kinerja/logger';
import { transportFromConfig } from '@kinerja/messaging';
import { loadServiceModule, readRegistry, type RunningService, type SeedOutcome, startService } from '@kinerja/service-kit';

import { printBanner } from './banner';
import { loadEmbeddedConfig } from './env';
import { deleteEmbeddedData } from './fresh-start';
import { startEmbeddedMail } from './mail';
import { seedDemoActivityOnFirstStart } from './seed-demo-activity';

const REPO_ROOT = join(__dirname, '..', '..');

interface Stoppable {
  name: string;
  stop(): Promise<void>;
}

/**
 * Starts services concurrently; each that started is registered in `running` (so a failure of
 * another still stops it in order), then the first failure is thrown.
 */
async function startedTogether(running: Stoppable[], starters: readonly (readonly [string, () => Promise<RunningService>])[]): Promise<RunningService[]> {
  const results = await Promise.allSettled(starters.map(([, start]) => start()));
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') running.push({ name: starters[i]![0], stop: result.value.stop });
  });
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<RunningService>).value);
}

/**
 * `npm start`: every subgraph of `gateway/subgraphs.json` and the gateway in one Node process.
 * Each subgraph keeps its own port and its own embedded PostgreSQL (PGlite) under
 * `.data/<service>/`; events travel over one in-process bus through the same outbox, relay and
 * consumers as with Kafka (or over Kafka when KAFKA_BROKERS is set). One process also holds the
 * memory of five PGlite instances at about half of what five processes would take (ENVIRONMENT.md).
 */
async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadEmbeddedConfig();
  const registry = readRegistry(REPO_ROOT);
  if (process.argv.includes('--fresh')) {
    try {
      deleteEmbeddedData(
        config.KINERJA_DATA_DIR,
        registry.map((entry) => entry.name),
      );
    } catch (error) {
      process.stderr.write(`Not starting over: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    }
  }
  mkdirSync(join(config.KINERJA_DATA_DIR, 'logs'), { recursive: true });
  const logFile = join(config.KINERJA_DATA_DIR, 'logs', 'kinerja.log');
  const logger = createLogger({ name: 'kinerja', level: config.LOG_LEVEL, destination: logFile });
  const port = (base: number) => String(base + config.KINERJA_PORT_OFFSET);
  const identityPort = registry.find((entry) => entry.name === 'identity')?.port ?? 4001;
  const common = {
    NODE_ENV: config.NODE_ENV,
    LOG_LEVEL: config.LOG_LEVEL,
    DATA_DIR: config.KINERJA_DATA_DIR,
    JWKS_URL: `http://127.0.0.1:${port(identityPort)}/.well-known/jwks.json`,
    // The embedded mode is the demo: it asks for the demo data that services never seed by default.
    SEED_DEMO_DATA: 'auto',
  };
  const transport = await transportFromConfig({
    brokers: config.KAFKA_BROKERS,
    clientId: 'kinerja-embedded',
    logger,
    security: kafkaSecurityOf(config),
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
    const mail = await startEmbeddedMail();
    running.push({ name: 'mail catcher', stop: mail.catcher.close });
    const modules = registry.map((entry) => loadServiceModule(REPO_ROOT, entry));
    // They open their databases together (the others fetch identity's keys only at the first request).
    const services = await startedTogether(
      running,
      modules.map((module) => {
        const env = {
          ...common,
          ...(module.name === 'identity' ? mail.identityEnv : {}),
          PORT: port(module.defaultPort),
          DATABASE_URL: config.databaseUrls[module.name],
        };
        return [module.name, () => startService(module, loadConfig(module.envSchema, env), logger.child({ service: module.name }), { transport })] as const;
      }),
    );

    // Once every consumer is subscribed, so that what one seed publishes reaches the others.
    let demoAccounts: SeedOutcome['demoAccounts'] = undefined;
    if (config.NODE_ENV !== 'production') {
      for (const [i, module] of modules.entries()) {
        const seeded = await module.seed?.(services[i]!, logger.child({ service: module.name }));
        if (seeded) logger.info({ service: module.name, ...seeded.summary }, 'seeded');
        demoAccounts ??= seeded?.demoAccounts;
      }
    }

    const gatewayConfig = loadGatewayConfig({
      NODE_ENV: config.NODE_ENV,
      LOG_LEVEL: config.LOG_LEVEL,
      PORT: port(4000),
      ...Object.fromEntries(services.map((service) => [`SUBGRAPH_${service.name.toUpperCase()}_URL`, service.subgraph.graphqlUrl])),
    });
    const gateway = await startGateway(gatewayConfig, logger.child({ service: 'gateway' }));
    running.push({ name: 'gateway', stop: gateway.stop });
    printBanner({
      seconds: (Date.now() - startedAt) / 1000,
      gatewayUrl: gateway.url,
      subgraphs: services.map((service) => [service.name, service.subgraph.graphqlUrl]),
      dataDir: config.KINERJA_DATA_DIR,
      logFile,
      transport: transport.kind,
      extraLines: [mail.bannerLine],
    });
    // First start only: last year and this year's work, made through the graph as its users would.
    // The graph already answers meanwhile; the line after the banner says when it is complete.
    if (demoAccounts) {
      process.stdout.write('Recording the demo activity through the graph (last year assessed, this year begun) ...\n');
      await seedDemoActivityOnFirstStart(gateway.url, demoAccounts, logger.child({ service: 'demo-activity' }), config.KINERJA_DEMO_AGENCIES);
    }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    await stopAll(1);
  }
}

void main();
