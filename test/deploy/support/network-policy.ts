import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';

import { type K8sObject, type Labels, type LabelSelector, ofKind, selectorMatches } from './manifests';

/**
 * A small evaluator of NetworkPolicy semantics (the parts the project uses), so tests state who can
 * reach whom instead of pattern-matching YAML. Pods are matched by labels and namespace labels;
 * external endpoints (managed PostgreSQL, Kafka) by IP against ipBlock. Not modelled: pod IPs
 * matching ipBlocks, SCTP, and the CNI's own quirks.
 */
export interface Endpoint {
  description: string;
  namespace: string;
  namespaceLabels: Labels;
  /** In-cluster pods have labels; an external endpoint has only an IP. */
  podLabels?: Labels;
  ip?: string;
}

export interface Port {
  number: number;
  name?: string;
  protocol?: 'TCP' | 'UDP';
}

export const inNamespace = (namespace: string, extra: Labels = {}): Pick<Endpoint, 'namespace' | 'namespaceLabels'> => ({
  namespace,
  namespaceLabels: { 'kubernetes.io/metadata.name': namespace, ...extra },
});

function ipv4ToNumber(ip: string): number {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new Error(`not an IPv4 address: ${ip}`);
  return parts.reduce((acc, part) => acc * 256 + part, 0);
}

export function cidrContains(cidr: string, ip: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = Math.floor(ipv4ToNumber(base) / size) * size;
  const value = ipv4ToNumber(ip);
  return value >= start && value < start + size;
}

function peerMatches(peer: NetworkPolicyPeer, policyNamespace: string, endpoint: Endpoint): boolean {
  if (peer.ipBlock) {
    if (!endpoint.ip) return false;
    return cidrContains(peer.ipBlock.cidr, endpoint.ip) && !(peer.ipBlock.except ?? []).some((c) => cidrContains(c, endpoint.ip as string));
  }
  if (!endpoint.podLabels) return false;
  const namespaceOk = peer.namespaceSelector
    ? selectorMatches(peer.namespaceSelector as LabelSelector, endpoint.namespaceLabels)
    : endpoint.namespace === policyNamespace;
  const podOk = peer.podSelector ? selectorMatches(peer.podSelector as LabelSelector, endpoint.podLabels) : true;
  return namespaceOk && podOk;
}

function portMatches(ports: NetworkPolicyPort[] | undefined, port: Port): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== (port.protocol ?? 'TCP')) return false;
    if (p.port === undefined) return true;
    if (typeof p.port === 'string') return p.port === port.name;
    return port.number >= p.port && port.number <= (p.endPort ?? p.port);
  });
}

type Direction = 'Ingress' | 'Egress';

function policyTypes(policy: NetworkPolicy): Direction[] {
  const declared = policy.spec?.policyTypes as Direction[] | undefined;
  if (declared) return declared;
  return policy.spec?.egress ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** Whether `direction` traffic of `subject` with `other` on `port` is allowed by the policies. */
function allows(policies: NetworkPolicy[], defaultNamespace: string, direction: Direction, subject: Endpoint, other: Endpoint, port: Port): boolean {
  if (!subject.podLabels) return true; // policies only govern pods
  const applicable = policies.filter((policy) => {
    const namespace = policy.metadata?.namespace ?? defaultNamespace;
    return (
      namespace === subject.namespace &&
      policyTypes(policy).includes(direction) &&
      selectorMatches((policy.spec?.podSelector ?? {}) as LabelSelector, subject.podLabels)
    );
  });
  if (applicable.length === 0) return true; // an unselected pod is not isolated
  return applicable.some((policy) => {
    const namespace = policy.metadata?.namespace ?? defaultNamespace;
    const rules = direction === 'Ingress' ? (policy.spec?.ingress ?? []) : (policy.spec?.egress ?? []);
    return rules.some((rule) => {
      const peers = 'from' in rule ? rule.from : 'to' in rule ? rule.to : undefined;
      const peerOk = !peers || peers.length === 0 || peers.some((peer) => peerMatches(peer, namespace, other));
      return peerOk && portMatches(rule.ports, port);
    });
  });
}

export class NetworkModel {
  private readonly policies: NetworkPolicy[];

  constructor(
    objects: readonly K8sObject[],
    private readonly defaultNamespace: string,
  ) {
    this.policies = ofKind<NetworkPolicy>(objects, 'NetworkPolicy');
  }

  /** A connection needs the source's egress and the destination's ingress to allow it. */
  canConnect(from: Endpoint, to: Endpoint, port: Port): boolean {
    return allows(this.policies, this.defaultNamespace, 'Egress', from, to, port) && allows(this.policies, this.defaultNamespace, 'Ingress', to, from, port);
  }

  /** A policy that selects every pod and allows nothing, in both directions. */
  hasDefaultDeny(): boolean {
    const types = (p: NetworkPolicy) => policyTypes(p);
    return this.policies.some((p) => {
      const selector = (p.spec?.podSelector ?? {}) as LabelSelector;
      const selectsAll = Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
      return selectsAll && types(p).includes('Ingress') && types(p).includes('Egress') && !p.spec?.ingress?.length && !p.spec?.egress?.length;
    });
  }
}
