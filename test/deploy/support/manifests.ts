import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseAllDocuments } from 'yaml';

import { repoRoot, runToolOk } from './tools';

export type Labels = Record<string, string>;

export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** The fields the checks read; everything else stays `unknown` and is validated by schema. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Labels; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export function parseManifests(text: string, source: string): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`${source}: ${doc.errors.map((e) => e.message).join('; ')}`);
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    const object = value as K8sObject;
    if (typeof object.apiVersion !== 'string' || typeof object.kind !== 'string' || typeof object.metadata?.name !== 'string') {
      throw new Error(`${source}: a document without apiVersion/kind/metadata.name: ${JSON.stringify(value).slice(0, 200)}`);
    }
    objects.push(object);
  }
  return objects;
}

export const chartDir = join(repoRoot, 'helm', 'kinerja');

export function renderHelm(namespace: string, args: readonly string[] = []): K8sObject[] {
  const out = runToolOk('helm', ['template', 'kinerja', chartDir, '--namespace', namespace, ...args]);
  return parseManifests(out, `helm template ${args.join(' ')}`);
}

export function renderKustomize(dir: string): K8sObject[] {
  return parseManifests(runToolOk('kubectl', ['kustomize', join(repoRoot, dir)]), `kubectl kustomize ${dir}`);
}

export function readYaml(path: string): unknown {
  const docs = parseAllDocuments(readFileSync(join(repoRoot, path), 'utf8'), { merge: true });
  const first = docs[0];
  if (!first || docs.length !== 1) throw new Error(`${path}: expected exactly one YAML document`);
  if (first.errors.length > 0) throw new Error(`${path}: ${first.errors.map((e) => e.message).join('; ')}`);
  return first.toJS({ maxAliasCount: 1000 });
}

export function selectorMatches(selector: LabelSelector | undefined, labels: Labels | undefined): boolean {
  if (!selector) return false;
  const actual = labels ?? {};
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => actual[key] === value);
  const byExpression = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case 'In':
        return key in actual && values.includes(actual[key] as string);
      case 'NotIn':
        return !(key in actual) || !values.includes(actual[key] as string);
      case 'Exists':
        return key in actual;
      case 'DoesNotExist':
        return !(key in actual);
      default:
        throw new Error(`unknown selector operator ${operator}`);
    }
  });
  return byLabel && byExpression;
}

export function ofKind<T = Record<string, unknown>>(objects: readonly K8sObject[], kind: string): (K8sObject & T)[] {
  return objects.filter((o) => o.kind === kind) as (K8sObject & T)[];
}
