import { createServer } from 'node:net';

import { Client } from 'pg';

import { graphql, login } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { type RunningProcess, startProcess } from '../support/processes';

// End to end: the compiled identity subgraph and gateway as separate processes on a real PostgreSQL,
// queried through the gateway the way a frontend does.
describe('the graph through the gateway', () => {
  let database: TestDatabase;
  let identity: RunningProcess;
  let gateway: RunningProcess;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase('e2e');
    identity = await startProcess('services/identity/dist/main.js', { DATABASE_URL: database.url, PORT: '0', NODE_ENV: 'development', SEED_DEMO_DATA: 'auto' });
    gateway = await startProcess('gateway/dist/main.js', { PORT: '0', SUBGRAPH_IDENTITY_URL: identity.url });
    url = `${gateway.url}/graphql`;
  });
  afterAll(async () => {
    await gateway?.stop();
    await identity?.stop();
    await database?.drop();
  });

  it("answers a supervisor's me { agency supervisor subordinates } after login", async () => {
    const token = await login(url, { email: 'supervisor.siulak@kinerja.demo' });
    const result = await graphql(
      url,
      `
        {
          me {
            name
            agency {
              name
            }
            supervisor {
              name
            }
            subordinates {
              name
              position {
                title
              }
            }
          }
        }
      `,
      {},
      token,
    );
    expect(result.errors).toBeUndefined();
    const me = result.data?.['me'];
    expect(me.agency.name).toBe('Pemerintah Kabupaten Siulak');
    expect(me.supervisor.name).toEqual(expect.any(String));
    expect(me.subordinates.length).toBeGreaterThanOrEqual(2);
  });

  describe('agency isolation', () => {
    let hrSiulak: string;
    let foreign: { id: string; nip: string; agencyId: string };

    beforeAll(async () => {
      hrSiulak = await login(url, { email: 'hr.siulak@kinerja.demo' });
      const admin = await login(url, { email: 'admin@kinerja.demo' });
      const agencies = await graphql(
        url,
        `
          {
            agencies {
              id
              code
            }
          }
        `,
        {},
        admin,
      );
      const sawahlunto = agencies.data?.['agencies'].find((a: { code: string }) => a.code === 'KOTA-SAWAHLUNTO');
      const page = await graphql(
        url,
        `
          query ($a: ID!) {
            employees(filter: { agencyId: $a }, first: 1) {
              edges {
                node {
                  id
                  nip
                }
              }
            }
          }
        `,
        { a: sawahlunto.id },
        admin,
      );
      foreign = { ...page.data?.['employees'].edges[0].node, agencyId: sawahlunto.id };
    });

    it('answers employee(id) of another agency like an unknown id', async () => {
      const result = await graphql(
        url,
        `
          query ($id: ID!) {
            employee(id: $id) {
              name
            }
          }
        `,
        { id: foreign.id },
        hrSiulak,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(JSON.stringify(result.data ?? {})).not.toContain(foreign.nip);
    });

    it('answers employeeByNip of another agency like an unknown NIP', async () => {
      const result = await graphql(
        url,
        `
          query ($nip: String!) {
            employeeByNip(nip: $nip) {
              name
            }
          }
        `,
        { nip: foreign.nip },
        hrSiulak,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('forbids employees(filter: { agencyId }) of another agency and never lists them unfiltered', async () => {
      const filtered = await graphql(
        url,
        `
          query ($a: ID!) {
            employees(filter: { agencyId: $a }) {
              totalCount
            }
          }
        `,
        { a: foreign.agencyId },
        hrSiulak,
      );
      expect(filtered.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const all = await graphql(
        url,
        `
          {
            employees(first: 100) {
              totalCount
              edges {
                node {
                  id
                  agency {
                    code
                  }
                }
              }
            }
          }
        `,
        {},
        hrSiulak,
      );
      const codes = new Set(all.data?.['employees'].edges.map((edge: { node: { agency: { code: string } } }) => edge.node.agency.code));
      expect([...codes]).toEqual(['KAB-SIULAK']);
    });

    it("answers null from _entities of the subgraph for another agency's employee", async () => {
      const result = await graphql(
        identity.url,
        `
          query ($r: [_Any!]!) {
            _entities(representations: $r) {
              ... on Employee {
                id
                nip
              }
            }
          }
        `,
        { r: [{ __typename: 'Employee', id: foreign.id }] },
        hrSiulak,
      );
      expect(result.data?.['_entities']).toEqual([null]);
    });
  });

  describe('bad input and errors', () => {
    it('names the wrong part of an invalid NIP', async () => {
      const hr = await login(url, { email: 'hr.siulak@kinerja.demo' });
      const units = await graphql(
        url,
        `
          {
            me {
              orgUnit {
                id
              }
            }
          }
        `,
        {},
        hr,
      );
      const REGISTER = `mutation ($unit: ID!) { registerEmployee(input: { nip: "198609262015053001", name: "Uji Coba", employmentType: PNS, orgUnitId: $unit }) { id } }`;
      const result = await graphql(url, REGISTER, { unit: units.data?.['me'].orgUnit.id }, hr);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.nip.sex' });
      const unknown = await graphql(url, REGISTER, { unit: '00000000-0000-4000-8000-000000000000' }, hr);
      expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.orgUnitId' });
    });

    it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
      const result = await graphql(
        url,
        `
          {
            employees {
              totalCount
            }
          }
        `,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('serves a self-contained GraphiQL page and health endpoints', async () => {
      const page = await (await fetch(`${gateway.url}/`)).text();
      expect(page).toContain('GraphiQL');
      expect(page).not.toMatch(/<script[^>]+src="https?:/);
      expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
    });

    it('stops a process whose configuration is wrong, listing every problem', async () => {
      const failure = startProcess('gateway/dist/main.js', { PORT: 'eighty', LOG_LEVEL: 'loud' }, 10_000);
      await expect(failure).rejects.toThrow(/exited with 78[\s\S]*- PORT: /);
      await expect(failure).rejects.toThrow(/- LOG_LEVEL: .*"loud"/);
    });
  });
  describe('through the gateway as on the subgraph', () => {
    let hr: string;
    let db: Client;
    beforeAll(async () => {
      hr = await login(url, { email: 'hr.siulak@kinerja.demo' });
      db = new Client({ connectionString: database.url });
      await db.connect();
    });
    afterAll(() => db?.end());

    const siulakRow = async (sql: string, ...values: unknown[]) => (await db.query(`${sql}`, ['KAB-SIULAK', ...values])).rows[0] as Record<string, string>;

    it('answers CONFLICT naming input.nip for a NIP that is already registered', async () => {
      const existing = await siulakRow(`SELECT e.nip, e.org_unit_id AS "unitId" FROM employee e JOIN agency a ON a.id = e.agency_id WHERE a.code = $1 LIMIT 1`);
      const result = await graphql(
        url,
        `
          mutation ($input: RegisterEmployeeInput!) {
            registerEmployee(input: $input) {
              id
            }
          }
        `,
        { input: { nip: existing['nip'], name: 'Nama Kembar', employmentType: 'PNS', orgUnitId: existing['unitId'] } },
        hr,
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.nip' });
    });

    it('answers BAD_USER_INPUT naming supervisorPositionId for a reporting line that would be a cycle', async () => {
      const position = (title: string) =>
        siulakRow(`SELECT p.id FROM position p JOIN agency a ON a.id = p.agency_id WHERE a.code = $1 AND p.title = $2`, title);
      const sekda = await position('Sekretaris Daerah');
      const staff = await position('Analis SDM Aparatur');
      const result = await graphql(
        url,
        `
          mutation ($p: ID!, $s: ID) {
            setPositionSupervisor(positionId: $p, supervisorPositionId: $s) {
              id
            }
          }
        `,
        { p: sekda['id'], s: staff['id'] },
        hr,
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'supervisorPositionId' });
    });

    it("issues its own request id (the caller's comes back as client-request-id) and forwards it to the subgraph, whose audit trail records it", async () => {
      const unit = await siulakRow(`SELECT u.id FROM org_unit u JOIN agency a ON a.id = u.agency_id WHERE a.code = $1 AND u.code = 'BKPSDM'`);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${hr}`, 'x-request-id': 'e2e-forwarded-1' },
        body: JSON.stringify({
          query: `mutation ($input: CreatePositionInput!) { createPosition(input: $input) { id } }`,
          variables: { input: { orgUnitId: unit['id'], title: 'Analis Jabatan' } },
        }),
      });
      const body = (await response.json()) as { data?: { createPosition: { id: string } }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get('client-request-id')).toBe('e2e-forwarded-1');
      const audit = await db.query(`SELECT request_id FROM audit_log WHERE action = 'position.created' AND entity_id = $1`, [body.data?.createPosition.id]);
      expect(audit.rows).toEqual([{ request_id: requestId }]);
    });

    it('masks an unexpected error (a subgraph that does not answer) as INTERNAL_SERVER_ERROR with the request id', async () => {
      // A port nobody listens on: the gateway cannot reach identity, which it did not expect.
      const closedPort = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const { port } = probe.address() as { port: number };
          probe.close(() => resolve(port));
        });
      });
      const orphan = await startProcess('gateway/dist/main.js', { PORT: '0', SUBGRAPH_IDENTITY_URL: `http://127.0.0.1:${closedPort}/graphql` });
      try {
        const response = await fetch(`${orphan.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${hr}`, 'x-request-id': 'e2e-masked-1' },
          body: JSON.stringify({ query: '{ agencies { id name } }' }),
        });
        const body = (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
        const requestId = response.headers.get('x-request-id');
        expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
        expect(response.headers.get('client-request-id')).toBe('e2e-masked-1');
        expect(body.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
        // Indonesian by default (no Accept-Language): the gateway's catalogue, the request id kept.
        expect(body.errors?.[0]?.message).toBe(`Terjadi kesalahan pada server (request id ${requestId})`);
        expect(JSON.stringify(body)).not.toContain(String(closedPort));
      } finally {
        await orphan.stop();
      }
    });
  });
});
