// @ts-check
// npm run boundaries: the architecture rules of .dependency-cruiser.cjs over every workspace.
import { createRequire } from 'node:module';

import { cruise } from 'dependency-cruiser';

import { repoRoot } from './lib/paths.mjs';

const require = createRequire(import.meta.url);
process.chdir(repoRoot);
const config = require('../.dependency-cruiser.cjs');
const result = await cruise(['packages', 'services', 'gateway/src'], { ...config.options, ruleSet: { forbidden: config.forbidden }, validate: true });
const output = /** @type {import('dependency-cruiser').ICruiseResult} */ (result.output);
const modules = output.summary.totalCruised;
// A dependency-cruiser that cannot read TypeScript reports 0 modules and success (ENVIRONMENT.md).
if (modules < 20) {
  process.stderr.write(`boundaries: only ${modules} modules were read; the check is not working\n`);
  process.exit(1);
}
const violations = output.summary.violations;
for (const violation of violations) process.stderr.write(`boundaries: ${violation.rule.name}: ${violation.from} → ${violation.to}\n`);
process.stdout.write(`boundaries: ${modules} modules, ${violations.length} violations\n`);
process.exit(violations.length > 0 ? 1 : 0);
