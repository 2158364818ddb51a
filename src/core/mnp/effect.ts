/**
 * What a drafted MultiNetworkPolicy does, in plain words, per selected VM (or pod), network and
 * direction: "centos-…-41 on ns/localnet: ingress only from 192.168.77.92 on TCP 22", "ALL egress
 * blocked", "egress not restricted by this policy". Computed from the form state alone (the
 * policy's own rules); what other policies add is the connectivity preview's job. Returned as
 * keyed messages with params (nested MessageRefs), translated by the view.
 */
import type { MessageRef } from '../validation/types';
import {
  networkKey,
  type MNPFormState,
  type MNPPeerState,
  type MNPPortState,
  type MNPRuleState,
} from './mnp';

const t = <S extends string>(key: S): S => key;

export type EffectKind = 'not-isolated' | 'all-blocked' | 'only' | 'all-allowed';

export interface EffectLine {
  /** The selected workload's name. */
  target: string;
  /** `namespace/nad`. */
  network: string;
  direction: 'ingress' | 'egress';
  kind: EffectKind;
  /** The whole sentence. */
  message: MessageRef;
}

const labelsText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

/** `a`, `a or b`, `a, or b, or c` as nested refs (each joint translatable). */
const orList = (items: MessageRef[]): MessageRef => {
  if (items.length === 1) return items[0];
  const [first, ...rest] = items;
  return { key: t('{{first}}, or {{rest}}'), params: { first, rest: orList(rest) } };
};

/** An address written as a one-host CIDR reads as the address. */
const hostOf = (cidr: string) => cidr.replace(/\/(32|128)$/, '');

const peerRef = (p: MNPPeerState): MessageRef => {
  switch (p.kind) {
    case 'ipBlock':
      return p.except.length
        ? {
            key: t('{{cidr}} except {{except}}'),
            params: { cidr: hostOf(p.cidr), except: p.except.join(', ') },
          }
        : { key: t('{{cidr}}'), params: { cidr: hostOf(p.cidr) } };
    case 'podSelector':
      return Object.keys(p.podLabels).length
        ? {
            key: t('pods and VMs labelled {{labels}} in this namespace'),
            params: { labels: labelsText(p.podLabels) },
          }
        : { key: t('every pod and VM of this namespace') };
    case 'namespaceSelector':
      return Object.keys(p.namespaceLabels).length
        ? {
            key: t('every pod and VM in namespaces labelled {{labels}}'),
            params: { labels: labelsText(p.namespaceLabels) },
          }
        : { key: t('every pod and VM of every namespace') };
    case 'podAndNamespace':
      return {
        key: t('pods and VMs labelled {{pods}} in namespaces labelled {{namespaces}}'),
        params: {
          pods: labelsText(p.podLabels) || '*',
          namespaces: labelsText(p.namespaceLabels) || '*',
        },
      };
  }
};

const portRef = (p: MNPPortState): MessageRef => {
  if (p.port === '') return { key: t('every {{protocol}} port'), params: { protocol: p.protocol } };
  if (p.endPort !== undefined)
    return {
      key: t('{{protocol}} {{port}}-{{endPort}}'),
      params: { protocol: p.protocol, port: p.port, endPort: p.endPort },
    };
  return { key: t('{{protocol}} {{port}}'), params: { protocol: p.protocol, port: p.port } };
};

const ruleRef = (dir: 'ingress' | 'egress', r: MNPRuleState): MessageRef => {
  const peers: MessageRef = r.peers.length
    ? orList(r.peers.map(peerRef))
    : { key: t('any address') };
  if (!r.ports.length)
    return {
      key: dir === 'ingress' ? t('from {{peers}} on any port') : t('to {{peers}} on any port'),
      params: { peers },
    };
  return {
    key: dir === 'ingress' ? t('from {{peers}} on {{ports}}') : t('to {{peers}} on {{ports}}'),
    params: { peers, ports: orList(r.ports.map(portRef)) },
  };
};

const SENTENCES = {
  ingress: {
    'not-isolated': t('{{target}} on {{network}}: ingress not restricted by this policy'),
    'all-blocked': t('{{target}} on {{network}}: ALL ingress blocked'),
    'all-allowed': t(
      '{{target}} on {{network}}: all ingress allowed (a rule has no peers and no ports)',
    ),
    only: t('{{target}} on {{network}}: ingress only {{rules}}'),
  },
  egress: {
    'not-isolated': t('{{target}} on {{network}}: egress not restricted by this policy'),
    'all-blocked': t('{{target}} on {{network}}: ALL egress blocked'),
    'all-allowed': t(
      '{{target}} on {{network}}: all egress allowed (a rule has no peers and no ports)',
    ),
    only: t('{{target}} on {{network}}: egress only {{rules}}'),
  },
} as const;

const directionEffect = (
  s: MNPFormState,
  dir: 'ingress' | 'egress',
): { kind: EffectKind; rules?: MessageRef } => {
  const isolated = dir === 'ingress' ? s.ingressEnabled : s.egressEnabled;
  if (!isolated) return { kind: 'not-isolated' };
  const rules = s[dir];
  if (!rules.length) return { kind: 'all-blocked' };
  if (rules.some((r) => !r.peers.length && !r.ports.length)) return { kind: 'all-allowed' };
  return { kind: 'only', rules: orList(rules.map((r) => ruleRef(dir, r))) };
};

/**
 * One line per target, network (policy-for, as `namespace/nad`) and direction. `targets` are the
 * names of what the policy selects now; without any, the form's own VM names stand in (a VM that
 * does not exist yet is still named).
 */
export const describeMNPEffect = (s: MNPFormState, targets?: string[]): EffectLine[] => {
  const names = targets?.length ? targets : s.target.mode === 'vms' ? s.target.vmNames : [];
  const networks = s.networks.map((n) => networkKey(n, s.namespace));
  const lines: EffectLine[] = [];
  for (const target of names) {
    for (const network of networks) {
      for (const direction of ['ingress', 'egress'] as const) {
        const { kind, rules } = directionEffect(s, direction);
        lines.push({
          target,
          network,
          direction,
          kind,
          message: {
            key: SENTENCES[direction][kind],
            params: { target, network, ...(rules ? { rules } : {}) },
          },
        });
      }
    }
  }
  return lines;
};
