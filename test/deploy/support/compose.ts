import { readYaml } from './manifests';

export interface ComposeService {
  image?: string;
  build?: { context?: string; target?: string; args?: Record<string, string> };
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null>;
  ports?: (string | { target: number; published?: string | number })[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
  depends_on?: Record<string, { condition?: string }> | string[];
  profiles?: string[];
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  read_only?: boolean;
  tmpfs?: string[] | string;
  restart?: string;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  [key: string]: unknown;
}

export const loadCompose = (): ComposeFile => readYaml('docker-compose.yml') as ComposeFile;

const commandText = (service: ComposeService) => (Array.isArray(service.command) ? service.command.join(' ') : (service.command ?? ''));

/** One-shot services that apply a subgraph's migrations and create the event catalogue's Kafka topics. */
export const isMigration = (service: ComposeService) => /\/dist\/migrate\.js\b/.test(commandText(service));

/** Long-running processes built from this repository's Dockerfile: the deployables. */
export function composeDeployables(compose: ComposeFile): Map<string, { role: 'gateway' | 'subgraph'; port: number; service: ComposeService }> {
  const deployables = new Map<string, { role: 'gateway' | 'subgraph'; port: number; service: ComposeService }>();
  for (const [name, service] of Object.entries(compose.services)) {
    if (!service.build || isMigration(service)) continue;
    const role = service.build.target === 'gateway' ? 'gateway' : 'subgraph';
    deployables.set(name, { role, port: Number(service.environment?.PORT), service });
  }
  return deployables;
}

export function dependsOn(service: ComposeService): Record<string, string> {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, 'service_started']));
  return Object.fromEntries(Object.entries(deps).map(([name, d]) => [name, d.condition ?? 'service_started']));
}
