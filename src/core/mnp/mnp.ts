/**
 * The MultiNetworkPolicy form (k8s.cni.cncf.io/v1beta1) in the style of src/core/generators:
 * defaultMNPState / validateMNPForm → FieldError[] / generateMNP / parseBackMNP, plus the starting
 * points of the policy wizard. A policy targets networks through the `policy-for` annotation and
 * selects the VMs' launcher pods (`vm.kubevirt.io/name`). Egress peers are written like ingress
 * peers, never dropped.
 */
import type {
  K8sObject,
  LabelSelector,
  MultiNetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
} from '../k8s/types';
import { mergePreserved, subtract, type ParseResult } from '../generators/common';
import { checkName } from '../validation/names';
import { containsCIDR, isProblem, parseCIDRText } from '../validation/net';
import { withLabel, type FieldError, type MessageParam, type Problem } from '../validation/types';
import type { NotEnforcedReason } from '../policy/networks';

const t = <S extends string>(key: S): S => key;

export const POLICY_FOR_ANNOTATION = 'k8s.v1.cni.cncf.io/policy-for';
export const VM_NAME_LABEL = 'vm.kubevirt.io/name';
export const MNP_API_VERSION = 'k8s.cni.cncf.io/v1beta1';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

export type PeerKind = 'ipBlock' | 'podSelector' | 'namespaceSelector' | 'podAndNamespace';

export interface MNPPeerState {
  kind: PeerKind;
  cidr: string;
  except: string[];
  podLabels: Record<string, string>;
  namespaceLabels: Record<string, string>;
}

export interface MNPPortState {
  protocol: Protocol;
  /** A number, a named port, or empty for every port of the protocol. */
  port: string;
  endPort?: number;
}

export interface MNPRuleState {
  /** Empty: every peer. */
  peers: MNPPeerState[];
  /** Empty: every port and protocol. */
  ports: MNPPortState[];
}

export type MNPTarget =
  | { mode: 'vms'; vmNames: string[] }
  | { mode: 'labels'; labels: Record<string, string> }
  | { mode: 'all' };

export interface MNPFormState {
  name: string;
  namespace: string;
  /** `policy-for` entries: `nad` (in the policy's namespace) or `namespace/nad`. */
  networks: string[];
  target: MNPTarget;
  /** policyTypes: a direction that is on and has no rules denies everything that way. */
  ingressEnabled: boolean;
  egressEnabled: boolean;
  ingress: MNPRuleState[];
  egress: MNPRuleState[];
}

/** What the form knows about a target network. */
export interface MNPNetworkInfo {
  /** `namespace/nad`. */
  key: string;
  /** Whether the network hands out addresses; without IPAM only ipBlock peers work. */
  hasIpam: boolean;
  subnets?: string[];
  /** Gateway addresses (for the "allow the gateway" starting point). */
  gateways?: string[];
  /** Set when OpenShift does not enforce a MultiNetworkPolicy there (policy mnpEnforcement). */
  notEnforced?: NotEnforcedReason;
}

/** Why a policy on a network would do nothing, as the picker and the validation say it. */
export const NOT_ENFORCED_MESSAGES: Record<NotEnforcedReason, string> = {
  'linux-bridge': t(
    'Linux bridge network: OpenShift does not enforce MultiNetworkPolicy on it, a policy would do nothing.',
  ),
  'sriov-passthrough': t(
    'SR-IOV network: the function is passed through to the VM, OpenShift does not enforce MultiNetworkPolicy on it.',
  ),
  'ipamless-selector-peers': t(
    'OVN network without IPAM: pod and namespace selector peers are not enforced there; use IP blocks.',
  ),
};

export interface MNPContext {
  /** NADs the policy can target; unknown ⇒ not checked. */
  networks?: MNPNetworkInfo[];
  existingNames?: string[];
}

export const defaultMNPState = (namespace = ''): MNPFormState => ({
  name: '',
  namespace,
  networks: [],
  target: { mode: 'vms', vmNames: [] },
  // Ingress only: isolating egress cuts every connection the VM opens, so it is the user's choice.
  ingressEnabled: true,
  egressEnabled: false,
  ingress: [],
  egress: [],
});

export const emptyPeer = (kind: PeerKind = 'ipBlock'): MNPPeerState => ({
  kind,
  cidr: '',
  except: [],
  podLabels: {},
  namespaceLabels: {},
});

const ipPeer = (cidr: string): MNPPeerState => ({ ...emptyPeer('ipBlock'), cidr });

/** An address as a one-host CIDR (/32 or /128); CIDRs pass through. */
export const hostCidr = (ip: string): string =>
  ip.includes('/') ? ip : ip.includes(':') ? `${ip}/128` : `${ip}/32`;

export type StartingPoint =
  'deny-ingress' | 'deny-all' | 'allow-gateway' | 'allow-dhcp' | 'allow-cidr' | 'allow-from-vm';

export const STARTING_POINTS: readonly StartingPoint[] = [
  'deny-ingress',
  'deny-all',
  'allow-gateway',
  'allow-dhcp',
  'allow-cidr',
  'allow-from-vm',
];

/**
 * The directions a starting point turns isolation on for. Only the deny points isolate; the allow
 * points add rules to the directions that are (or later get) isolated and turn nothing on.
 */
export const STARTING_POINT_ISOLATES: Record<StartingPoint, readonly ('Ingress' | 'Egress')[]> = {
  'deny-ingress': ['Ingress'],
  'deny-all': ['Ingress', 'Egress'],
  'allow-gateway': [],
  'allow-dhcp': [],
  'allow-cidr': [],
  'allow-from-vm': [],
};

export interface StartingPointParams {
  /** allow-gateway: the gateway address(es). */
  gateways?: string[];
  /** allow-cidr: the CIDR allowed both ways. */
  cidr?: string;
  /** allow-from-vm: the other VM's address on this network (by IP: selectors fail without IPAM). */
  vmIp?: string;
}

/**
 * Adds a starting point to a form state. Only deny-ingress and deny-all isolate (see
 * STARTING_POINT_ISOLATES); allow points add rules for both directions but never turn isolation on,
 * so nothing cuts egress unless the user chose it. They compose: deny-all + allow-gateway is "deny
 * all but the gateway".
 */
export const applyStartingPoint = (
  s: MNPFormState,
  point: StartingPoint,
  params: StartingPointParams = {},
): MNPFormState => {
  const isolates = STARTING_POINT_ISOLATES[point];
  const next: MNPFormState = {
    ...s,
    ingressEnabled: s.ingressEnabled || isolates.includes('Ingress'),
    egressEnabled: s.egressEnabled || isolates.includes('Egress'),
    ingress: [...s.ingress],
    egress: [...s.egress],
  };
  switch (point) {
    case 'deny-ingress':
      return { ...next, ingress: [] };
    case 'deny-all':
      return { ...next, ingress: [], egress: [] };
    case 'allow-gateway': {
      const peers = (params.gateways ?? []).filter(Boolean).map((g) => ipPeer(hostCidr(g)));
      if (peers.length) {
        next.ingress.push({ peers, ports: [] });
        next.egress.push({ peers: peers.map((p) => ({ ...p })), ports: [] });
      }
      return next;
    }
    case 'allow-dhcp':
      // The client sends from 68 to the server's 67 (broadcast first), the server answers on 68.
      next.egress.push({ peers: [], ports: [{ protocol: 'UDP', port: '67' }] });
      next.ingress.push({ peers: [], ports: [{ protocol: 'UDP', port: '68' }] });
      return next;
    case 'allow-cidr':
      if (params.cidr) {
        next.ingress.push({ peers: [ipPeer(params.cidr)], ports: [] });
        next.egress.push({ peers: [ipPeer(params.cidr)], ports: [] });
      }
      return next;
    case 'allow-from-vm':
      if (params.vmIp) next.ingress.push({ peers: [ipPeer(hostCidr(params.vmIp))], ports: [] });
      return next;
  }
};

const M = {
  networksRequired: t('Choose at least one network the policy applies to (policy-for).'),
  networkFormat: t('"{{network}}" is not a NAD name or namespace/name.'),
  notEnforced: t('{{network}}: {{reason}}'),
  networkUnknown: t(
    'There is no NetworkAttachmentDefinition "{{network}}": the policy would silently do nothing.',
  ),
  vmsRequired: t('Choose at least one VM the policy selects.'),
  vmName: t('"{{name}}" is not a valid VM name.'),
  labelsRequired: t('Enter at least one label; an empty selector selects every pod.'),
  labelKey: t('"{{key}}" is not a valid label key.'),
  labelValue: t('"{{value}}" is not a valid label value.'),
  noDirection: t('A policy must isolate ingress, egress or both.'),
  exceptOutside: t('Except {{except}} must lie inside {{cidr}} and be smaller.'),
  selectorNoIpam: t(
    '{{network}} hands out no addresses (no IPAM): MultiNetworkPolicy rejects pod and namespace selector peers there because it cannot tell their addresses; use an IP block (the VM address /32).',
  ),
  selectorEmpty: t('Enter the labels this peer selects.'),
  port: t(
    'Port must be a number from 1 to 65535 or a port name (up to 15 lower-case letters, digits and "-").',
  ),
  endPortNeedsNumber: t('A port range needs a numeric start port.'),
  endPortRange: t('The range must end at or after {{port}} and at most at 65535.'),
  protocol: t('Protocol must be TCP, UDP or SCTP.'),
} as const;

const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const PORT_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;

const checkLabels = (field: string, labels: Record<string, string>, errors: FieldError[]) => {
  for (const [key, value] of Object.entries(labels)) {
    if (!LABEL_KEY.test(key) || (key.split('/').pop() ?? '').length > 63) {
      errors.push({ field, message: M.labelKey, params: { key } });
    }
    if (!LABEL_VALUE.test(value)) errors.push({ field, message: M.labelValue, params: { value } });
  }
};

/** `nad` or `ns/nad` → `ns/nad`. */
export const networkKey = (entry: string, policyNamespace: string): string =>
  entry.includes('/') ? entry : `${policyNamespace}/${entry}`;

const checkRule = (
  dir: 'ingress' | 'egress',
  rule: MNPRuleState,
  i: number,
  noIpam: string | undefined,
  errors: FieldError[],
) => {
  const err = (field: string, message: string, params?: Record<string, MessageParam>) =>
    errors.push({ field: `${dir}[${i}].${field}`, message, ...(params ? { params } : {}) });
  rule.peers.forEach((p, j) => {
    if (p.kind === 'ipBlock') {
      const bad = (field: string, label: string, value: string, why: Problem) =>
        errors.push(
          withLabel(`${dir}[${i}].${field}`, label, {
            ...why,
            params: { ...why.params, value },
          }),
        );
      const c = parseCIDRText(p.cidr);
      if (isProblem(c)) {
        bad(`peers[${j}].cidr`, t('CIDR'), p.cidr, c);
        return;
      }
      p.except.forEach((e, k) => {
        const x = parseCIDRText(e);
        if (isProblem(x)) bad(`peers[${j}].except[${k}]`, t('Except'), e, x);
        else if (!(containsCIDR(c, x) && x.bits > c.bits)) {
          err(`peers[${j}].except[${k}]`, M.exceptOutside, { except: e, cidr: p.cidr });
        }
      });
      return;
    }
    if (noIpam) err(`peers[${j}].kind`, M.selectorNoIpam, { network: noIpam });
    if (p.kind !== 'namespaceSelector')
      checkLabels(`${dir}[${i}].peers[${j}].podLabels`, p.podLabels, errors);
    if (p.kind !== 'podSelector') {
      checkLabels(`${dir}[${i}].peers[${j}].namespaceLabels`, p.namespaceLabels, errors);
    }
    if (p.kind === 'podSelector' && !Object.keys(p.podLabels).length) {
      // An empty podSelector peer means every pod of the namespace: allowed, but say it explicitly.
      return;
    }
  });
  rule.ports.forEach((p, j) => {
    if (!PROTOCOLS.includes(p.protocol)) err(`ports[${j}].protocol`, M.protocol);
    const numeric = /^\d+$/.test(p.port);
    if (p.port !== '') {
      const n = Number(p.port);
      if (numeric ? n < 1 || n > 65535 : !PORT_NAME.test(p.port)) err(`ports[${j}].port`, M.port);
    }
    if (p.endPort !== undefined) {
      if (!numeric) err(`ports[${j}].endPort`, M.endPortNeedsNumber);
      else if (!Number.isInteger(p.endPort) || p.endPort < Number(p.port) || p.endPort > 65535) {
        err(`ports[${j}].endPort`, M.endPortRange, { port: p.port });
      }
    }
  });
};

export const validateMNPForm = (s: MNPFormState, ctx: MNPContext = {}): FieldError[] => {
  const errors: FieldError[] = [];
  checkName('name', t('Name'), s.name, 'subdomain', errors, ctx.existingNames);
  checkName('namespace', t('Namespace'), s.namespace, 'label', errors);
  if (!s.networks.length) errors.push({ field: 'networks', message: M.networksRequired });
  const noIpam: string[] = [];
  for (const n of s.networks) {
    const parts = n.split('/');
    if (parts.length > 2 || !parts.every((p) => DNS_LABEL.test(p))) {
      errors.push({ field: 'networks', message: M.networkFormat, params: { network: n } });
      continue;
    }
    const key = networkKey(n, s.namespace);
    if (ctx.networks) {
      const info = ctx.networks.find((x) => x.key === key);
      if (!info)
        errors.push({ field: 'networks', message: M.networkUnknown, params: { network: key } });
      else {
        if (info.notEnforced)
          errors.push({
            field: 'networks',
            message: M.notEnforced,
            params: { network: key, reason: { key: NOT_ENFORCED_MESSAGES[info.notEnforced] } },
          });
        if (!info.hasIpam) noIpam.push(key);
      }
    }
  }
  if (s.target.mode === 'vms') {
    if (!s.target.vmNames.length) errors.push({ field: 'target.vmNames', message: M.vmsRequired });
    for (const name of s.target.vmNames) {
      if (!DNS_LABEL.test(name))
        errors.push({ field: 'target.vmNames', message: M.vmName, params: { name } });
    }
  } else if (s.target.mode === 'labels') {
    if (!Object.keys(s.target.labels).length)
      errors.push({ field: 'target.labels', message: M.labelsRequired });
    checkLabels('target.labels', s.target.labels, errors);
  }
  if (!s.ingressEnabled && !s.egressEnabled)
    errors.push({ field: 'policyTypes', message: M.noDirection });
  const firstNoIpam = noIpam.length ? noIpam.join(', ') : undefined;
  if (s.ingressEnabled)
    s.ingress.forEach((r, i) => checkRule('ingress', r, i, firstNoIpam, errors));
  if (s.egressEnabled) s.egress.forEach((r, i) => checkRule('egress', r, i, firstNoIpam, errors));
  return errors;
};

const selectorOfTarget = (target: MNPTarget): LabelSelector => {
  if (target.mode === 'all') return {};
  if (target.mode === 'labels') return { matchLabels: { ...target.labels } };
  if (target.vmNames.length === 1) return { matchLabels: { [VM_NAME_LABEL]: target.vmNames[0] } };
  return {
    matchExpressions: [{ key: VM_NAME_LABEL, operator: 'In', values: [...target.vmNames] }],
  };
};

const peerOf = (p: MNPPeerState): NetworkPolicyPeer => {
  switch (p.kind) {
    case 'ipBlock':
      return { ipBlock: { cidr: p.cidr, ...(p.except.length ? { except: [...p.except] } : {}) } };
    case 'podSelector':
      return { podSelector: { matchLabels: { ...p.podLabels } } };
    case 'namespaceSelector':
      return { namespaceSelector: { matchLabels: { ...p.namespaceLabels } } };
    case 'podAndNamespace':
      return {
        podSelector: { matchLabels: { ...p.podLabels } },
        namespaceSelector: { matchLabels: { ...p.namespaceLabels } },
      };
  }
};

const portOf = (p: MNPPortState): NetworkPolicyPort => ({
  protocol: p.protocol,
  ...(p.port !== '' ? { port: /^\d+$/.test(p.port) ? Number(p.port) : p.port } : {}),
  ...(p.endPort !== undefined ? { endPort: p.endPort } : {}),
});

const ruleOf = (r: MNPRuleState, peerKey: 'from' | 'to') => ({
  ...(r.ports.length ? { ports: r.ports.map(portOf) } : {}),
  ...(r.peers.length ? { [peerKey]: r.peers.map(peerOf) } : {}),
});

export const generateMNP = (
  s: MNPFormState,
  preserved: Record<string, unknown> = {},
): MultiNetworkPolicy => {
  const policyTypes: ('Ingress' | 'Egress')[] = [];
  if (s.ingressEnabled) policyTypes.push('Ingress');
  if (s.egressEnabled) policyTypes.push('Egress');
  const spec: MultiNetworkPolicy['spec'] = { podSelector: selectorOfTarget(s.target), policyTypes };
  if (s.ingressEnabled) spec.ingress = s.ingress.map((r) => ruleOf(r, 'from'));
  if (s.egressEnabled) spec.egress = s.egress.map((r) => ruleOf(r, 'to'));
  const generated: MultiNetworkPolicy = {
    apiVersion: MNP_API_VERSION,
    kind: 'MultiNetworkPolicy',
    metadata: {
      name: s.name,
      ...(s.namespace ? { namespace: s.namespace } : {}),
      annotations: { [POLICY_FOR_ANNOTATION]: s.networks.join(',') },
    },
    spec,
  };
  return mergePreserved(preserved, generated);
};

const targetOf = (sel: LabelSelector | undefined): MNPTarget => {
  const labels = sel?.matchLabels ?? {};
  const exprs = sel?.matchExpressions ?? [];
  if (!Object.keys(labels).length && !exprs.length) return { mode: 'all' };
  if (!exprs.length && Object.keys(labels).length === 1 && labels[VM_NAME_LABEL]) {
    return { mode: 'vms', vmNames: [labels[VM_NAME_LABEL]] };
  }
  if (
    !Object.keys(labels).length &&
    exprs.length === 1 &&
    exprs[0].key === VM_NAME_LABEL &&
    exprs[0].operator === 'In'
  ) {
    return { mode: 'vms', vmNames: [...(exprs[0].values ?? [])] };
  }
  // Expressions the form cannot show stay in `preserved` (they are merged back on generate).
  return { mode: 'labels', labels: { ...labels } };
};

const peerStateOf = (p: NetworkPolicyPeer): MNPPeerState => {
  if (p.ipBlock)
    return { ...emptyPeer('ipBlock'), cidr: p.ipBlock.cidr, except: [...(p.ipBlock.except ?? [])] };
  const podLabels = { ...(p.podSelector?.matchLabels ?? {}) };
  const namespaceLabels = { ...(p.namespaceSelector?.matchLabels ?? {}) };
  const kind: PeerKind =
    p.podSelector && p.namespaceSelector
      ? 'podAndNamespace'
      : p.namespaceSelector
        ? 'namespaceSelector'
        : 'podSelector';
  return { ...emptyPeer(kind), podLabels, namespaceLabels };
};

const ruleStateOf = (
  r: { ports?: NetworkPolicyPort[]; from?: NetworkPolicyPeer[]; to?: NetworkPolicyPeer[] },
  peerKey: 'from' | 'to',
): MNPRuleState => ({
  peers: (r[peerKey] ?? []).map(peerStateOf),
  ports: (r.ports ?? []).map((p) => ({
    protocol: (p.protocol ?? 'TCP') as Protocol,
    port: p.port === undefined ? '' : String(p.port),
    ...(p.endPort !== undefined ? { endPort: p.endPort } : {}),
  })),
});

/** An existing policy back into the form; what the form cannot represent is kept in `preserved`. */
export const parseBackMNP = (obj: K8sObject): ParseResult<MNPFormState> => {
  const mnp = obj as MultiNetworkPolicy;
  const spec = mnp.spec;
  // NetworkPolicy defaulting: Ingress always; Egress when egress rules are present.
  const types = spec?.policyTypes ?? ['Ingress', ...(spec?.egress ? (['Egress'] as const) : [])];
  const state: MNPFormState = {
    name: mnp.metadata?.name ?? '',
    namespace: mnp.metadata?.namespace ?? '',
    networks: (mnp.metadata?.annotations?.[POLICY_FOR_ANNOTATION] ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
    target: targetOf(spec?.podSelector),
    ingressEnabled: types.includes('Ingress'),
    egressEnabled: types.includes('Egress'),
    ingress: (spec?.ingress ?? []).map((r) => ruleStateOf(r, 'from')),
    egress: (spec?.egress ?? []).map((r) => ruleStateOf(r, 'to')),
  };
  const preserved = (subtract(obj, generateMNP(state)) ?? {}) as Record<string, unknown>;
  return { state, preserved };
};
