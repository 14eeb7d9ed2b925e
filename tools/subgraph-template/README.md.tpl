# __name__

A subgraph of the Kinerja graph on port __port__, created with `npm run new:subgraph`. Its shape is
every service's: `src/domain/` (entities, rules, repository ports), `src/application/` (one use
case per file), `src/infrastructure/` (Prisma adapters), `src/graphql/` (type-graphql types and
resolvers), and `src/__name__.module.ts`, the descriptor the service kit runs standalone
(`main.ts`, `migrate.ts`), in `npm start` and in the tests. See CONTRIBUTING.md for what comes next.
