import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { signGatewayRequest } from '@kinerja/http-server';

import { startEmbedded, stopEmbedded as stop } from '../support/embedded';
import { graphql, type GraphQLResponse, LOGIN, login } from '../support/graphql-client';
import { createTestDatabase } from '../support/postgres';
import { startProcess } from '../support/processes';

const PORT_OFFSET = 300;
const GATEWAY_SECRET = 'e2e-gateway-signing-secret-of-32-characters';
const URL = `http://127.0.0.1:${4000 + PORT_OFFSET}/graphql`;

const start = (dataDir: string, args: string[] = [], portOffset = PORT_OFFSET) => startEmbedded(dataDir, { portOffset, args });

describe('npm start (embedded mode)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the demo graph, keeps its data across a restart, and starts over with --fresh', async () => {
    const first = await start(dataDir);
    expect(first.output()).toContain('admin@kinerja.demo');
    const admin = await login(URL, { email: 'admin@kinerja.demo' });
    const supervisor = await login(URL, { email: 'supervisor.tanjungpinang@kinerja.demo' });
    const team = await graphql(URL, '{ me { subordinates { name } } }', {}, supervisor);
    expect(team.data?.['me'].subordinates.length).toBeGreaterThan(0);
    const hr = await login(URL, { email: 'hr.tanjungpinang@kinerja.demo' });
    const unit = (await graphql(URL, '{ me { orgUnit { id } } }', {}, hr)).data?.['me'].orgUnit.id;
    const created = await graphql(
      URL,
      `
        mutation ($u: ID!) {
          registerEmployee(input: { nip: "199502102021012001", name: "Pegawai Baru", employmentType: CPNS, orgUnitId: $u }) {
            id
          }
        }
      `,
      { u: unit },
      hr,
    );
    expect(created.errors).toBeUndefined();
    expect(await stop(first)).toBe(0);
    expect(first.output()).toMatch(/stopped gateway[\s\S]*stopped identity/);

    const second = await start(dataDir);
    const found = await graphql(URL, '{ employeeByNip(nip: "199502102021012001") { name } }', {}, admin);
    expect(found.data?.['employeeByNip'].name).toBe('Pegawai Baru');

    // --fresh beside a running instance deletes nothing: it names the holder and stops.
    const refused = await start(dataDir, ['--fresh'], PORT_OFFSET + 50).then(
      () => '',
      (error: { output: string }) => error.output,
    );
    expect(refused).toMatch(/Not starting over: The data directory .* is in use by process \d+/);
    const stillThere = await graphql(URL, '{ employeeByNip(nip: "199502102021012001") { name } }', {}, admin);
    expect(stillThere.data?.['employeeByNip'].name).toBe('Pegawai Baru');
    await stop(second);

    const fresh = await start(dataDir, ['--fresh']);
    const gone = await graphql(URL, '{ employeeByNip(nip: "199502102021012001") { name } }', {}, await login(URL, { email: 'admin@kinerja.demo' }));
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await stop(fresh);
    // Four starts, the first and the last seeding the demo province and its activity.
  }, 150_000);

  it('names the fix when a data directory is damaged, without a WebAssembly stack trace', async () => {
    const pgdata = join(dataDir, 'identity', 'pgdata');
    for (const file of readdirSync(join(pgdata, 'global'))) writeFileSync(join(pgdata, 'global', file), 'damaged');
    const failure = await start(dataDir).then(
      () => '',
      (error: { output: string }) => error.output,
    );
    expect(failure).toContain('npm start -- --fresh');
    expect(failure).not.toMatch(/RuntimeError|wasm-function|Aborted\(\)/);
  });

  it('in production never seeds demo data, and answers only requests the gateway signed', async () => {
    const database = await createTestDatabase('prod');
    try {
      // A single-host trial's key setting, so that production starts without a key Secret.
      const identity = await startProcess('services/identity/dist/main.js', {
        DATABASE_URL: database.url,
        PORT: '0',
        NODE_ENV: 'production',
        JWT_KEY_IN_DATABASE: 'allow',
        GATEWAY_SIGNING_SECRET: GATEWAY_SECRET,
      });
      const demoLogin = JSON.stringify({ query: LOGIN, variables: { input: { email: 'admin@kinerja.demo', password: 'kinerja-demo' } } });
      const send = (signature?: string) =>
        fetch(identity.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(signature ? { 'x-kinerja-gateway-signature': signature } : {}) },
          body: demoLogin,
        }).then(async (response) => ({ status: response.status, body: (await response.json()) as GraphQLResponse }));

      const direct = await send();
      expect(direct.status).toBe(401);
      expect(direct.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'GATEWAY_SIGNATURE_REQUIRED' });

      const signed = await send(signGatewayRequest(GATEWAY_SECRET, demoLogin));
      expect(signed.status).toBe(200);
      // Reached the resolver, and the demo admin does not exist: nothing was seeded.
      expect(signed.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
      await identity.stop();
    } finally {
      await database.drop();
    }
  });

  it('in production refuses to start a subgraph without the gateway signing secret', async () => {
    const started = startProcess('services/identity/dist/main.js', { PORT: '0', NODE_ENV: 'production', JWT_KEY_IN_DATABASE: 'allow' });
    await expect(started).rejects.toThrow('GATEWAY_SIGNING_SECRET is required in production');
  });
});
