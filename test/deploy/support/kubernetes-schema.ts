import { join } from 'node:path';

import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import * as ts from 'typescript';

import type { K8sObject } from './manifests';
import { repoRoot } from './tools';

type Model = new (data: never) => { validate(): void };

/**
 * The kinds the project deploys, by apiVersion/kind. Anything else (a typo, a removed API version
 * such as autoscaling/v2beta2, a Secret) has no entry and is reported.
 */
const MODELS: Record<string, { model: Model; typesModule: string }> = {
  'apps/v1/Deployment': { model: Deployment, typesModule: 'kubernetes-types/apps/v1' },
  'autoscaling/v2/HorizontalPodAutoscaler': { model: HorizontalPodAutoscaler, typesModule: 'kubernetes-types/autoscaling/v2' },
  'batch/v1/Job': { model: Job, typesModule: 'kubernetes-types/batch/v1' },
  'networking.k8s.io/v1/Ingress': { model: Ingress, typesModule: 'kubernetes-types/networking/v1' },
  'networking.k8s.io/v1/NetworkPolicy': { model: NetworkPolicy, typesModule: 'kubernetes-types/networking/v1' },
  'policy/v1/PodDisruptionBudget': { model: PodDisruptionBudget, typesModule: 'kubernetes-types/policy/v1' },
  'v1/ConfigMap': { model: ConfigMap, typesModule: 'kubernetes-types/core/v1' },
  'v1/Namespace': { model: Namespace, typesModule: 'kubernetes-types/core/v1' },
  'v1/Service': { model: Service, typesModule: 'kubernetes-types/core/v1' },
};

const describe = (o: K8sObject) => `${o.apiVersion}/${o.kind} ${o.metadata.name}`;

/** kubernetes-models (Kubernetes 1.33 OpenAPI): types, required fields, enums. */
export function modelErrors(objects: readonly K8sObject[]): string[] {
  const errors: string[] = [];
  for (const object of objects) {
    const entry = MODELS[`${object.apiVersion}/${object.kind}`];
    if (!entry) {
      errors.push(`${describe(object)}: no schema for this apiVersion/kind (not one the project deploys)`);
      continue;
    }
    try {
      new entry.model(object as never).validate();
    } catch (error) {
      errors.push(`${describe(object)}: ${(error as Error).message}`);
    }
  }
  return errors;
}

/**
 * Unknown keys: kubernetes-models accepts misspelled fields (its schemas allow additional properties),
 * and the API server would silently drop them. Each object is written out as a TypeScript object
 * literal typed with its `kubernetes-types` interface and type-checked in memory: excess-property
 * checks reject every unknown key at any depth (and wrong types again, as a second opinion).
 */
export function unknownKeyErrors(objects: readonly K8sObject[]): string[] {
  const sources = new Map<string, { text: string; object: K8sObject }>();
  objects.forEach((object, index) => {
    const entry = MODELS[`${object.apiVersion}/${object.kind}`];
    if (!entry) return; // reported by modelErrors
    const file = join(repoRoot, 'test', 'deploy', '.virtual', `${index}-${object.kind}-${object.metadata.name}.ts`);
    const text = `import type { ${object.kind} } from '${entry.typesModule}';\nexport const object: ${object.kind} = ${JSON.stringify(object, null, 2)};\n`;
    sources.set(file, { text, object });
  });

  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => sources.has(file) || fileExists.call(host, file);
  host.readFile = (file) => sources.get(file)?.text ?? readFile.call(host, file);
  host.getSourceFile = (file, language, onError, create) => {
    const virtual = sources.get(file);
    return virtual ? ts.createSourceFile(file, virtual.text, language, true) : getSourceFile.call(host, file, language, onError, create);
  };
  const program = ts.createProgram([...sources.keys()], options, host);

  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const virtual = diagnostic.file ? sources.get(diagnostic.file.fileName) : undefined;
    if (!diagnostic.file || diagnostic.start === undefined || !virtual) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const lineText = diagnostic.file.text.split('\n')[line]?.trim() ?? '';
    return `${describe(virtual.object)}: ${message} (at \`${lineText}\`)`;
  });
}

/** Both checks; an empty list means every object is valid. */
export function schemaErrors(objects: readonly K8sObject[]): string[] {
  return [...modelErrors(objects), ...unknownKeyErrors(objects)];
}
