// Runs the Prisma CLI on its WebAssembly schema engine over an in-memory PGlite, so `migrate diff`
// works offline without the native engine download (ENVIRONMENT.md). Used by scripts/new-migration.mjs
// and the migration drift test; migrations are applied by packages/database, never by the CLI.
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaPGlite(new PGlite()),
});
