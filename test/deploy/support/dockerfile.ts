import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './tools';

export interface Instruction {
  keyword: string;
  args: string;
  /** `--from=build` and friends, for COPY. */
  flags: Record<string, string>;
}

export interface Stage {
  name: string;
  /** A previous stage's name, or an image reference with global ARGs substituted. */
  from: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  globalArgs: Record<string, string>;
  stages: Stage[];
}

/** Logical lines: comments dropped, `\` continuations joined (comment lines inside them too). */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const trimmed = raw.trim();
    if (trimmed.startsWith('#') || (trimmed === '' && current === '')) continue;
    if (trimmed.endsWith('\\')) {
      current += `${trimmed.slice(0, -1)} `;
      continue;
    }
    lines.push((current + trimmed).trim());
    current = '';
  }
  if (current.trim() !== '') lines.push(current.trim());
  return lines.filter((l) => l !== '');
}

const substitute = (value: string, args: Record<string, string>) =>
  value.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced?: string, bare?: string) => args[(braced ?? bare) as string] ?? whole);

export function parseDockerfile(path = join(repoRoot, 'Dockerfile')): Dockerfile {
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of logicalLines(readFileSync(path, 'utf8'))) {
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = keyword.toUpperCase();
    const flags: Record<string, string> = {};
    let args = rest;
    while (/^--[\w-]+(=\S+)?\s/.test(args)) {
      const [flag = '', ...tail] = args.split(/\s+/);
      const [flagName = '', flagValue = ''] = flag.slice(2).split('=');
      flags[flagName] = flagValue;
      args = tail.join(' ');
    }
    if (upper === 'FROM') {
      const [image = '', as, name] = args.split(/\s+/);
      stages.push({ name: as?.toUpperCase() === 'AS' && name ? name : String(stages.length), from: substitute(image, globalArgs), instructions: [] });
    } else if (upper === 'ARG' && stages.length === 0) {
      const [argName = '', value = ''] = args.split('=');
      globalArgs[argName] = value;
    } else {
      const stage = stages[stages.length - 1];
      if (!stage) throw new Error(`Dockerfile: ${upper} before the first FROM`);
      stage.instructions.push({ keyword: upper, args, flags });
    }
  }
  return { globalArgs, stages };
}

/** The stage and the stages it is built FROM, nearest first. */
export function lineage(dockerfile: Dockerfile, name: string): Stage[] {
  const chain: Stage[] = [];
  let stage = dockerfile.stages.find((s) => s.name === name);
  while (stage) {
    chain.push(stage);
    const base = stage.from;
    stage = dockerfile.stages.find((s) => s.name === base);
  }
  return chain;
}

/** The last value of an instruction in effect for a stage (inherited through FROM). */
export function effective(dockerfile: Dockerfile, name: string, keyword: string): Instruction | undefined {
  for (const stage of lineage(dockerfile, name)) {
    const found = stage.instructions.filter((i) => i.keyword === keyword).pop();
    if (found) return found;
  }
  return undefined;
}

/** Stages no other stage builds on or copies from: the targets someone builds. */
export function finalStages(dockerfile: Dockerfile): string[] {
  const used = new Set<string>();
  for (const stage of dockerfile.stages) {
    used.add(stage.from);
    for (const i of stage.instructions) if (i.flags.from) used.add(i.flags.from);
  }
  return dockerfile.stages.map((s) => s.name).filter((n) => !used.has(n));
}

/** .dockerignore semantics (Go filepath.Match plus `**`, later `!` lines re-include, parents count). */
export function dockerignore(path = join(repoRoot, '.dockerignore')): (file: string) => boolean {
  const patterns = readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const negated = l.startsWith('!');
      const body = (negated ? l.slice(1) : l).replace(/^\/+|\/+$/g, '');
      const source = body
        .split(/(\*\*\/|\/\*\*|\*\*|\*|\?)/)
        .map((part) => {
          if (part === '**/') return '(?:.*/)?';
          if (part === '/**') return '(?:/.*)?';
          if (part === '**') return '.*';
          if (part === '*') return '[^/]*';
          if (part === '?') return '[^/]';
          return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
      return { negated, regex: new RegExp(`^${source}$`) };
    });
  return (file) => {
    const parts = file.split('/');
    const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    let ignored = false;
    for (const { negated, regex } of patterns) if (candidates.some((c) => regex.test(c))) ignored = !negated;
    return ignored;
  };
}
