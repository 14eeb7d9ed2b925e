// @ts-check
// Integration tests need the real PostgreSQL and a real Kafka broker. PostgreSQL must be running
// (ENVIRONMENT.md); the broker is started here when it is not (scripts/kafka.mjs). When either
// cannot be reached the suite fails here, loudly, with the way to fix it — it never skips.
const { Client } = require('pg');

async function checkPostgres() {
  const url = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `Integration tests need PostgreSQL at ${url} (${error instanceof Error ? error.message : error}).\n` +
        'Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n' +
        'or point TEST_POSTGRES_URL at another server (a role that may CREATE DATABASE).',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function startKafka() {
  const { ensureKafka } = await import('../scripts/kafka.mjs');
  try {
    const { brokers } = await ensureKafka();
    process.env.TEST_KAFKA_BROKERS = brokers.join(',');
  } catch (error) {
    throw new Error(`Integration tests need a Kafka broker; "npm run kafka:start" could not start one: ${error instanceof Error ? error.message : error}`);
  }
}

module.exports = async function globalSetup() {
  await Promise.all([checkPostgres(), startKafka()]);
};
