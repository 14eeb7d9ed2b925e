import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadCompose } from './support/compose';
import { type Dockerfile, dockerignore, effective, finalStages, lineage, parseDockerfile } from './support/dockerfile';
import { workspaceSubgraphs } from './support/env-contract';
import { type K8sObject, renderHelm, renderKustomize } from './support/manifests';
import { APP_UID } from './support/policy';
import { repoRoot } from './support/tools';

const RUNTIME_TARGETS = ['gateway', 'subgraph'];

let dockerfile: Dockerfile;
beforeAll(() => {
  dockerfile = parseDockerfile();
});

const runLines = (stage: string) => (dockerfile.stages.find((s) => s.name === stage)?.instructions ?? []).filter((i) => i.keyword === 'RUN').map((i) => i.args);

describe('Dockerfile', () => {
  it('has exactly the runtime targets gateway and subgraph', () => {
    expect(finalStages(dockerfile).sort()).toEqual(RUNTIME_TARGETS);
  });

  it('builds on Node 20 slim images', () => {
    for (const stage of dockerfile.stages.filter((s) => !dockerfile.stages.some((other) => other.name === s.from))) {
      expect(stage.from).toMatch(/^node:20(\.\d+)*-bookworm-slim$/);
    }
  });

  it('builds the whole workspace with npm ci and npm run build', () => {
    const build = runLines('build').join('\n');
    // node:20 images ship npm 10, which would run install scripts (Prisma's engine download) that npm 11 skips.
    expect(build).toMatch(/\bnpm ci --ignore-scripts\b/);
    expect(build).toMatch(/\bnpm run build\b/);
  });

  it('installs production dependencies only, per deployable', () => {
    for (const stage of ['gateway-deps', 'subgraph-deps']) {
      const install = runLines(stage).find((line) => /\bnpm ci\b/.test(line)) ?? '';
      expect(install).toMatch(/--omit=dev/);
      expect(install).toMatch(/--ignore-scripts/);
      expect(install).toMatch(/--workspace/);
    }
  });

  describe.each(RUNTIME_TARGETS)('runtime target %s', (target) => {
    it('runs as the non-root uid the manifests expect', () => {
      const user = effective(dockerfile, target, 'USER')?.args ?? '';
      expect(user.split(':')[0]).toBe(String(APP_UID));
    });

    it('declares a HEALTHCHECK on /healthz (with node: slim images have no curl) and EXPOSEs its port and the metrics port', () => {
      const healthcheck = effective(dockerfile, target, 'HEALTHCHECK')?.args ?? '';
      expect(healthcheck).toMatch(/CMD \["node".*\/healthz/);
      expect(effective(dockerfile, target, 'EXPOSE')?.args).toMatch(/^(\d+|\$\{PORT\}) 9464$/);
    });

    it('sets NODE_ENV=production and binds all interfaces (the processes default to 127.0.0.1)', () => {
      const env = lineage(dockerfile, target)
        .flatMap((s) => s.instructions)
        .filter((i) => i.keyword === 'ENV')
        .map((i) => i.args)
        .join(' ');
      expect(env).toMatch(/\bNODE_ENV=production\b/);
      expect(env).toMatch(/\bHOST=0\.0\.0\.0\b/);
      // /metrics on a port of its own (the one the NetworkPolicies let the scraper reach).
      expect(env).toMatch(/\bMETRICS_PORT=9464\b/);
    });

    it('holds compiled output only: nothing copied from the build context, nothing installed at run time', () => {
      for (const stage of lineage(dockerfile, target)) {
        for (const i of stage.instructions.filter((x) => x.keyword === 'COPY')) expect(i.flags.from).toBeDefined();
        for (const run of stage.instructions.filter((x) => x.keyword === 'RUN')) expect(run.args).not.toMatch(/\bnp[mx]\b/);
      }
    });
  });

  it('starts each process at the entry point its package.json declares', () => {
    const gatewayMain = (JSON.parse(readFileSync(join(repoRoot, 'gateway', 'package.json'), 'utf8')) as { main: string }).main;
    expect(effective(dockerfile, 'gateway', 'CMD')?.args).toBe(`["node", "gateway/${gatewayMain}"]`);
    const subgraphCmd = effective(dockerfile, 'subgraph', 'CMD')?.args ?? '';
    for (const service of readdirSync(join(repoRoot, 'services'))) {
      const pkg = join(repoRoot, 'services', service, 'package.json');
      if (!existsSync(pkg)) continue;
      const main = (JSON.parse(readFileSync(pkg, 'utf8')) as { main: string }).main;
      expect(subgraphCmd.replace('${SERVICE}', service)).toContain(`services/${service}/${main}`);
    }
  });

  it("gives the gateway a heap budget that leaves room within its container's memory limit (k8s/, Helm)", () => {
    const env = lineage(dockerfile, 'gateway')
      .flatMap((s) => s.instructions)
      .filter((i) => i.keyword === 'ENV')
      .map((i) => i.args)
      .join(' ');
    const heapMiB = Number(/NODE_OPTIONS=\S*--max-old-space-size=(\d+)/.exec(env)?.[1]);
    expect(heapMiB).toBeGreaterThan(0);
    const mebibytes = (quantity: string) => Number(/^(\d+)Mi$/.exec(quantity)?.[1] ?? /^(\d+)Gi$/.exec(quantity)?.[1]) * (quantity.endsWith('Gi') ? 1024 : 1);
    const limits = [...renderKustomize('k8s/base'), ...renderHelm('kinerja')]
      .filter((o) => o.kind === 'Deployment' && /gateway/.test(o.metadata.name))
      .flatMap((o) => (o.spec as { template: { spec: { containers: { resources?: { limits?: { memory?: string } } }[] } } }).template.spec.containers)
      .map((c) => mebibytes(c.resources?.limits?.memory ?? ''));
    expect(limits.length).toBeGreaterThanOrEqual(2);
    // Young generation, code, buffers and sockets live outside the old space: at least half as much again.
    for (const limit of limits) expect(limit).toBeGreaterThanOrEqual(heapMiB * 1.5);
  });

  it('runs only compiled entry points whose sources exist (Dockerfile, compose, k8s/, Helm)', () => {
    const commands: [string, string][] = [];
    const add = (where: string, command: unknown) => {
      const text = Array.isArray(command) ? command.join(' ') : String(command ?? '');
      for (const [script] of text.matchAll(/[\w.${}/-]+\/dist\/[\w./-]+\.js/g)) {
        const expanded = script.includes('${SERVICE}') ? workspaceSubgraphs().map((name) => script.replace('${SERVICE}', name)) : [script];
        for (const one of expanded) commands.push([where, one]);
      }
    };
    for (const target of RUNTIME_TARGETS) add(`Dockerfile ${target}`, effective(dockerfile, target, 'CMD')?.args);
    for (const [name, service] of Object.entries(loadCompose().services)) add(`compose ${name}`, service.command);
    const containers = (objects: K8sObject[]) =>
      objects.flatMap((o) => {
        const pod = (o.spec as { template?: { spec?: { containers?: { name: string; command?: string[] }[] } } } | undefined)?.template?.spec;
        return (pod?.containers ?? []).map((c): [string, string[] | undefined] => [`${o.kind} ${o.metadata.name}`, c.command]);
      });
    for (const [where, command] of containers(renderKustomize('k8s/base'))) add(`k8s ${where}`, command);
    for (const [where, command] of containers(renderHelm('kinerja'))) add(`helm ${where}`, command);

    const scripts = new Set(commands.map(([, script]) => script));
    // Every deployable's process and its migration are among them (the check has something to check).
    expect([...scripts]).toEqual(
      expect.arrayContaining(['gateway/dist/main.js', ...workspaceSubgraphs().flatMap((n) => [`services/${n}/dist/main.js`, `services/${n}/dist/migrate.js`])]),
    );
    const missing = commands
      .map(([where, script]): [string, string] => [where, script.replace(/\/dist\/(.+)\.js$/, '/src/$1.ts')])
      .filter(([, source]) => !existsSync(join(repoRoot, source)))
      .map(([where, source]) => `${where}: ${source} does not exist`);
    expect(missing).toEqual([]);
  });

  it('copies from the build context only paths that exist and are not ignored', () => {
    const ignored = dockerignore();
    const sources = dockerfile.stages
      .flatMap((s) => s.instructions)
      .filter((i) => i.keyword === 'COPY' && !i.flags.from)
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(existsSync(join(repoRoot, source))).toBe(true);
      if (source !== '.') expect(ignored(source)).toBe(false);
    }
  });
});

describe('.dockerignore', () => {
  it('keeps host installs, build output and local data out of the build context', () => {
    const ignored = dockerignore();
    const mustIgnore = [
      'node_modules',
      'node_modules/jest/package.json',
      'services/identity/node_modules',
      'gateway/dist/main.js',
      'packages/config/dist',
      '.data',
      'services/identity/.data/pg',
      '.tools/bin/helm',
      '.git',
    ];
    expect(mustIgnore.filter((path) => !ignored(path))).toEqual([]);
  });

  it('keeps everything the build needs', () => {
    const ignored = dockerignore();
    const mustKeep = [
      'package.json',
      'package-lock.json',
      'tsconfig.base.json',
      'tsconfig.build.json',
      'scripts/generate-prisma.mjs',
      'packages/config/src/index.ts',
      'services/identity/prisma/schema.prisma',
      'services/identity/prisma/migrations/20260101000000_init/migration.sql',
      'services/performance/prisma/schema.prisma',
      'services/performance/src/env.ts',
      'services/development/prisma/schema.prisma',
      'services/development/src/env.ts',
      'gateway/supergraph.graphql',
      'gateway/src/main.ts',
    ];
    expect(mustKeep.filter((path) => ignored(path))).toEqual([]);
  });
});
