/**
 * Starts tracing for this process. It must run before http, kafkajs and the Prisma client are
 * loaded, so every deployable's main.ts imports it first (a side-effect import, which the import
 * sorter keeps on top): `import '@kinerja/observability/register';`. `node --require
 * @kinerja/observability/register dist/main.js` does the same for a script without that import.
 * main.ts calls `shutdownTelemetry()` last on SIGTERM, to flush what is not exported yet.
 *
 * This is the one module of the project besides each deployable's env.ts that reads process.env:
 * it must run before main.ts loads its configuration (that is its point), and it reads only the
 * standard OpenTelemetry variables (see telemetryOptionsFromEnv).
 */
import { telemetryOptionsFromEnv } from './env';
import { startTelemetry } from './telemetry';

const options = telemetryOptionsFromEnv(process.env, process.argv[1]);
if (options) startTelemetry(options);
