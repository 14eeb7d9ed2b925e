export { type CountedWork, countingJob, PeriodicJob, type ServiceJob } from './periodic-job';
export { printServiceSchema } from './print-schema';
export { loadServiceModule, moduleFileOf, readRegistry, REGISTRY_PATH, type RegistryEntry } from './registry';
export { runMigrations } from './run-migrations';
export { runStandalone } from './run-standalone';
export {
  dataDirOf,
  defineService,
  type PrismaLike,
  type ResolverClass,
  type RunningService,
  type SeedOutcome,
  type ServiceConfig,
  type ServiceModule,
  type ServiceWiring,
  type WireContext,
} from './service-module';
export { buildServiceSchema, type ServiceDependencies, startService } from './start-service';
