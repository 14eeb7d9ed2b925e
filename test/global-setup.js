// @ts-check
// Integration tests need the real PostgreSQL of ENVIRONMENT.md. When it is not there the suite
// fails here, loudly, with the way to start it — it never skips.
const { Client } = require('pg');

module.exports = async function globalSetup() {
  const url = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `Integration tests need PostgreSQL at ${url} (${error instanceof Error ? error.message : error}).\n` +
        'Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n' +
        'or point TEST_POSTGRES_URL at another server (trust or password auth, a role that may CREATE DATABASE).',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
};
