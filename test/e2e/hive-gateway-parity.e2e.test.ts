import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { graphql, login } from '../support/graphql-client';
import { REPO_ROOT } from '../support/processes';
import { type FederatedStack, startFederatedStack, today } from './federated-stack';

/** test/e2e/team-dashboard.e2e.test.ts's query, as bench/gateway.mjs sends it. */
const DASHBOARD = `query TeamDashboard($year: Int!) { me { id name subordinates {
  id name nip employmentType position { title } orgUnit { name }
  performancePlans { id status period { year } } latestAssessment { predikat kind }
  feedbackRequests { cycleId group subject { id name } dueDate } lastDialogue { kind status summary recordedBy { id } }
  trainingAssignments(status: ASSIGNED) { id reason sourceEventId program { code jpHours } } learningHours(year: $year) { completed required remaining }
} } }`;
const SUPERVISORS = ['siulak', 'tanjungpinang', 'sawahlunto'].map((slug) => `supervisor.${slug}@kinerja.demo`);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The benchmark's comparison (npm run bench:gateway) stands only if both gateways answer the same:
 * Hive Gateway as shipped (with bench/hive-gateway.config.mjs passing the token on) and ours, over
 * the same running subgraphs and the committed supergraph.
 */
describe('the team dashboard through Hive Gateway and through ours', () => {
  let stack: FederatedStack;
  let hive: ChildProcess | undefined;
  let hiveUrl = '';
  let hiveOutput = '';
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-hive-parity-'));

  beforeAll(async () => {
    stack = await startFederatedStack('hive');
    await stack.backfill();
    await stack.copiesComplete();
    // The committed supergraph, with this run's subgraph URLs in place of the local defaults.
    let supergraph = readFileSync(join(REPO_ROOT, 'gateway', 'supergraph.graphql'), 'utf8');
    const registry = JSON.parse(readFileSync(join(REPO_ROOT, 'gateway', 'subgraphs.json'), 'utf8')) as { subgraphs: { name: string; port: number }[] };
    for (const { name, port } of registry.subgraphs) {
      supergraph = supergraph.replaceAll(`"http://127.0.0.1:${port}/graphql"`, `"${stack.services[name]!.url}"`);
    }
    writeFileSync(join(dir, 'supergraph.graphql'), supergraph);
    const port = await freePort();
    hive = spawn(
      process.execPath,
      [
        join(REPO_ROOT, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js'),
        'supergraph',
        join(dir, 'supergraph.graphql'),
        '--fork',
        '1',
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
        '--config-path',
        join(REPO_ROOT, 'bench', 'hive-gateway.config.mjs'),
      ],
      { cwd: dir, env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    hive.stdout?.on('data', (chunk) => (hiveOutput += String(chunk)));
    hive.stderr?.on('data', (chunk) => (hiveOutput += String(chunk)));
    hiveUrl = `http://127.0.0.1:${port}/graphql`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const answered = await graphql(hiveUrl, '{ __typename }').then(
        (response) => response.data?.['__typename'] === 'Query',
        () => false,
      );
      if (answered) break;
      if (Date.now() > deadline) throw new Error(`Hive Gateway did not answer within 30 s:\n${hiveOutput}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 300_000);

  afterAll(async () => {
    if (hive && hive.exitCode === null) {
      const exited = new Promise((resolve) => hive!.once('exit', resolve));
      hive.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
    await stack?.stop();
  }, 60_000);

  it("answers each supervisor's dashboard identically, the team's fields of every subgraph included", async () => {
    const year = Number(today().slice(0, 4));
    for (const email of SUPERVISORS) {
      const token = await login(stack.url, { email });
      const ours = await graphql(stack.url, DASHBOARD, { year }, token);
      const theirs = await graphql(hiveUrl, DASHBOARD, { year }, token);
      expect(ours.errors).toBeUndefined();
      const team = (ours.data as { me: { subordinates: { learningHours: unknown }[] } }).me.subordinates;
      expect(team.length).toBeGreaterThan(0);
      // development answered for them (their learning hours), so the token reached the subgraphs through both.
      for (const member of team) expect(member.learningHours).not.toBeNull();
      expect(theirs).toEqual(ours);
    }
  });
});
