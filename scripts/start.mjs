// @ts-check
// npm start: the whole graph on embedded defaults, in one process (embedded/src/main.ts).
//   npm start -- --fresh        start over with new demo data
//   IDENTITY_DATABASE_URL=...   run that subgraph on a real PostgreSQL instead (same for the others)
//   KAFKA_BROKERS=127.0.0.1:9092 npm start   events over a local broker (npm run kafka:start)
import '../embedded/dist/main.js';
