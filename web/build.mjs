// @ts-check
// npm run build (in web/): src/main.tsx → dist/app.js (minified, one file), with index.html and app.css beside it.
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { build } from 'esbuild';

const here = import.meta.dirname;
const dist = join(here, 'dist');
mkdirSync(dist, { recursive: true });
await build({
  entryPoints: [join(here, 'src', 'main.tsx')],
  outfile: join(dist, 'app.js'),
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  // The client's source, not its CommonJS build: one module format, and tree shaking of unused documents.
  alias: { '@kinerja/client': join(here, '..', 'packages', 'client', 'src', 'index.ts') },
  logLevel: 'warning',
});
for (const file of ['index.html', 'app.css']) copyFileSync(join(here, 'public', file), join(dist, file));
if (process.argv.includes('--size')) {
  const kib = (file) => (statSync(join(dist, file)).size / 1024).toFixed(1);
  process.stdout.write(`web/dist: app.js ${kib('app.js')} KiB, app.css ${kib('app.css')} KiB, index.html ${kib('index.html')} KiB\n`);
}
