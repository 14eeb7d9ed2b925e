// @ts-check
// npm run new:subgraph -- <name> <port> [Entity] [--no-install]
//
// Creates services/<name>/ from tools/subgraph-template/ — a service that builds, migrates, serves
// one entity keyed by `id` with agency scoping and has a contract test — and registers it
// everywhere the graph lists its services: gateway/subgraphs.json (which drives npm start, the e2e
// stack, composition, schema printing and the deploy checks), tsconfig.build.json,
// docker-compose.yml, deploy/prometheus.yml, k8s/ (base, gateway, overlays), the Helm values and
// the README's configuration table. Then it writes the first migration, generates the Prisma
// client, builds, prints the schema and composes the supergraph. What is left is domain code.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

import { repoRoot } from './lib/paths.mjs';

const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const install = !process.argv.includes('--no-install');
const [name, portArg, entityArg] = args;
const port = Number(portArg);
if (!name || !/^[a-z]{3,20}$/.test(name) || !Number.isInteger(port) || port < 1024 || port > 65535) {
  process.stderr.write('usage: npm run new:subgraph -- <name: lower-case letters> <port> [Entity: PascalCase]\n');
  process.exit(2);
}
const pascal = (/** @type {string} */ word) => word[0]?.toUpperCase() + word.slice(1);
const Name = pascal(name);
const Entity = entityArg ?? `${Name}Record`;
if (!/^[A-Z][A-Za-z]{2,40}$/.test(Entity)) {
  process.stderr.write('the entity name must be PascalCase letters, e.g. FeedbackNote\n');
  process.exit(2);
}
const kebab = Entity.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
const replacements = /** @type {[string, string][]} */ ([
  ['__entity-kebab__', kebab],
  ['__entity_snake__', kebab.replaceAll('-', '_')],
  ['__Entity__', Entity],
  ['__entity__', Entity[0]?.toLowerCase() + Entity.slice(1)],
  ['__NAME__', name.toUpperCase()],
  ['__Name__', Name],
  ['__name__', name],
  ['__port__', String(port)],
]);
const fill = (/** @type {string} */ text) => replacements.reduce((out, [from, to]) => out.replaceAll(from, to), text);

const registryPath = join(repoRoot, 'gateway', 'subgraphs.json');
const registry = JSON.parse(readFileSync(registryPath, 'utf8'));
const serviceDir = join(repoRoot, 'services', name);
if (existsSync(serviceDir) || registry.subgraphs.some((/** @type {{ name: string }} */ entry) => entry.name === name)) {
  process.stderr.write(`services/${name} exists already\n`);
  process.exit(1);
}
if (port === 4000 || registry.subgraphs.some((/** @type {{ port: number }} */ entry) => entry.port === port)) {
  process.stderr.write(`port ${port} is taken\n`);
  process.exit(1);
}

/** @type {string[]} */
const edited = [];
/** @type {string[]} */
const created = [];
const edit = (/** @type {string} */ path, /** @type {(text: string) => string} */ change) => {
  const file = join(repoRoot, path);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`${path}: the generator found nothing to change (was it restructured?)`);
  writeFileSync(file, after);
  edited.push(path);
};
/** Inserts `text` after the last line matching `pattern` (within `from`..`to` when given). */
const afterLastLine = (/** @type {string} */ source, /** @type {RegExp} */ pattern, /** @type {string} */ text) => {
  const lines = source.split('\n');
  const index = lines.findLastIndex((line) => pattern.test(line));
  if (index < 0) throw new Error(`no line matches ${pattern}`);
  lines.splice(index + 1, 0, ...text.split('\n'));
  return lines.join('\n');
};
const beforeLine = (/** @type {string} */ source, /** @type {string} */ line, /** @type {string} */ text) => {
  const at = source.indexOf(`\n${line}\n`);
  if (at < 0) throw new Error(`no line "${line}"`);
  return `${source.slice(0, at + 1)}${text}\n${source.slice(at + 1)}`;
};

// 1. The service itself.
const templateDir = join(repoRoot, 'tools', 'subgraph-template');
const copyTemplate = (/** @type {string} */ dir) => {
  for (const entry of readdirSync(dir)) {
    const source = join(dir, entry);
    if (statSync(source).isDirectory()) {
      copyTemplate(source);
      continue;
    }
    const target = join(serviceDir, fill(relative(templateDir, source)).replace(/\.tpl$/, ''));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, fill(readFileSync(source, 'utf8')));
    created.push(relative(repoRoot, target));
  }
};
copyTemplate(templateDir);

// 2. The registry and the build.
registry.subgraphs.push({ name, port, workspace: `services/${name}` });
writeFileSync(registryPath, `${JSON.stringify(registry, null, 2)}\n`);
edited.push('gateway/subgraphs.json');
edit('tsconfig.build.json', (text) => text.replace('    { "path": "gateway" },', `    { "path": "services/${name}" },\n    { "path": "gateway" },`));

// 3. docker-compose.yml: its image, migration and service, its database, the gateway's URL and wait.
const upper = name.toUpperCase();
edit('docker-compose.yml', (text) => {
  let out = beforeLine(
    text,
    'services:',
    `# --- ${name} ${'-'.repeat(Math.max(3, 88 - name.length))}
x-${name}: &${name}
  build:
    context: .
    target: subgraph
    args:
      SERVICE: ${name}
      PORT: '${port}'
  image: kinerja/${name}:dev
  read_only: true
  tmpfs: [/tmp]
  environment:
    <<: *subgraph-env
    PORT: '${port}'
    OTEL_SERVICE_NAME: ${name}
    DATABASE_URL: postgresql://postgres:\${POSTGRES_PASSWORD:-kinerja}@postgres:5432/kinerja_${name}
`,
  );
  out = out.replace(/(KINERJA_DATABASES: [a-z_ ]+)/, `$1 kinerja_${name}`);
  out = beforeLine(
    out,
    '  gateway:',
    `  # --- ${name} ${'-'.repeat(Math.max(3, 86 - name.length))}
  migrate-${name}:
    <<: *${name}
    command: ['node', 'services/${name}/dist/migrate.js']
    restart: 'no'
    depends_on:
      postgres:
        condition: service_healthy
      kafka:
        condition: service_healthy

  ${name}:
    <<: *${name}
    restart: unless-stopped
    healthcheck: *node-healthcheck
    depends_on:
      migrate-${name}:
        condition: service_completed_successfully
      kafka:
        condition: service_healthy
      identity:
        condition: service_healthy
`,
  );
  out = afterLastLine(out, /^ {6}SUBGRAPH_[A-Z]+_URL: http/, `      SUBGRAPH_${upper}_URL: http://${name}:${port}/graphql`);
  // The gateway waits for every subgraph: its depends_on list is the last one before the observability profile.
  const gatewayAt = out.indexOf('\n  gateway:\n');
  const nextSection = out.indexOf('\n  # --- observability', gatewayAt);
  const head = out.slice(0, nextSection);
  const lastHealthy = head.lastIndexOf('        condition: service_healthy');
  return `${head.slice(0, lastHealthy)}        condition: service_healthy\n      ${name}:\n        condition: service_healthy${head.slice(lastHealthy + '        condition: service_healthy'.length)}${out.slice(nextSection)}`;
});
edit('deploy/prometheus.yml', (text) => afterLastLine(text, /^ {10}- [a-z]+:9464$/, `          - ${name}:9464`));

// 4. Kubernetes: a copy of feedback/ (a generated service with no secret of its own) with this name
//    and port, listed in the base and the overlays.
const k8sDir = join(repoRoot, 'k8s', 'base', name);
cpSync(join(repoRoot, 'k8s', 'base', 'feedback'), k8sDir, { recursive: true });
for (const file of readdirSync(k8sDir)) {
  const path = join(k8sDir, file);
  writeFileSync(path, readFileSync(path, 'utf8').replaceAll('feedback', name).replaceAll('4003', String(port)));
  created.push(relative(repoRoot, path));
}
edit('k8s/base/kustomization.yaml', (text) => afterLastLine(text, /^ {2}- [a-z]+$/, `  - ${name}`));
edit('k8s/base/gateway/kustomization.yaml', (text) =>
  afterLastLine(text, /- SUBGRAPH_[A-Z]+_URL=/, `      - SUBGRAPH_${upper}_URL=http://${name}:${port}/graphql`),
);
edit('k8s/overlays/dev/kustomization.yaml', (text) => afterLastLine(text, /^ {4}newTag: 0\.1\.0-dev$/, `  - name: kinerja/${name}\n    newTag: 0.1.0-dev`));
edit('k8s/overlays/production/kustomization.yaml', (text) =>
  afterLastLine(text, /^ {4}newTag: 0\.1\.0$/, `  - name: kinerja/${name}\n    newName: registry.example.com/kinerja/${name}\n    newTag: 0.1.0`),
);

// 5. Helm: the subgraph in the values (the templates range over them).
edit('helm/kinerja/values.yaml', (text) =>
  beforeLine(text, 'ingress:', `  ${name}:\n    port: ${port}\n    image:\n      repository: kinerja/${name}\n`).replace(`\n\n  ${name}:`, `\n  ${name}:`),
);
edit('helm/kinerja/values-production.example.yaml', (text) =>
  beforeLine(text, 'ingress:', `  ${name}:\n    port: ${port}\n`).replace(`\n\n  ${name}:`, `\n  ${name}:`),
);

// 6. The README's configuration table: the default PORT of each process.
edit('README.md', (text) => text.replace(/(\| `PORT` +\| all +\| [^|]*?)( *\|)/, `$1, ${port} ${name}$2`));

// 7. The first migration, the client, the build, the schema and the supergraph.
const run = (/** @type {string} */ command, /** @type {string[]} */ commandArgs) => execFileSync(command, commandArgs, { cwd: repoRoot, stdio: 'inherit' });
if (install) run('npm', ['install', '--no-audit', '--no-fund']);
run('node', ['scripts/new-migration.mjs', name, 'init']);
run('node', ['scripts/generate-prisma.mjs']);
run('npx', ['tsc', '-b', 'tsconfig.build.json']);
run('node', ['scripts/print-schemas.mjs']);
run('node', ['scripts/compose-supergraph.mjs']);
run('npx', ['eslint', '--fix', `services/${name}`]);
run('npx', [
  'prettier',
  '--write',
  '--log-level',
  'warn',
  `services/${name}`,
  ...edited.filter((path) => !path.endsWith('.json') || path.startsWith('gateway')),
]);

process.stdout.write(
  [
    '',
    `services/${name} is a subgraph on port ${port}: it is in npm start, the e2e stack, the supergraph, compose, k8s/ and Helm.`,
    `Created ${created.length} files under services/${name}/ and k8s/base/${name}/; edited:`,
    ...edited.map((path) => `  ${path}`),
    'Regenerated: gateway/supergraph.graphql, the schema.graphql files, package-lock.json (npm install).',
    `Next: replace the ${Entity} starter with the domain (CONTRIBUTING.md), then npm test.`,
    '',
  ].join('\n'),
);
