/**
 * Pieces shared by the UDN, CUDN and NAD wizards: the context they validate against, the
 * bridge-mapping NNCP, the primary-UDN Namespace, and keeping what a form cannot represent.
 */
import type { K8sObject } from '../k8s/types';
import type { TargetVersion } from '../k8s/openshift-version';
import type { ClusterNetworks, OtherNetwork } from '../validation/network-rules';
import { withLabel, type FieldError } from '../validation/types';
import { dns1123SubdomainError } from '../validation/names';

/** Marks English i18next keys for i18next-parser; translates nothing (see validation/format.ts). */
const t = <S extends string>(key: S): S => key;

export const PRIMARY_UDN_LABEL = 'k8s.ovn.org/primary-user-defined-network';

export interface NamespaceInfo {
  name: string;
  labels?: Record<string, string>;
}

export interface BridgeMappingInfo {
  localnet: string;
  bridge: string;
}

export interface WizardContext {
  target: TargetVersion;
  /** From network.config.openshift.io/cluster; OpenShift defaults when absent. */
  clusterNetworks?: ClusterNetworks;
  /** Subnets of the other networks of the namespace (or, for a CUDN, of the selected ones). */
  otherNetworks?: OtherNetwork[];
  /** Names already taken by objects of the same kind (in the namespace, or cluster-wide). */
  existingNames?: string[];
  /** Namespaces as the user can see them; unknown ⇒ namespace checks are skipped. */
  namespaces?: NamespaceInfo[];
  /** Namespaces that already host a primary network. */
  namespacesWithPrimaryNetwork?: string[];
  /** OVS bridge mappings present on the nodes (NodeNetworkState); unknown ⇒ not checked. */
  bridgeMappings?: BridgeMappingInfo[];
}

export type BridgeMappingMode = 'existing' | 'br-ex' | 'ovs-bridge';

/** How a localnet's physical network reaches the nodes. */
export interface BridgeMappingState {
  /** `existing`: the nodes already map it (e.g. `physnet` → br-ex on OpenShift); nothing generated. */
  mode: BridgeMappingMode;
  /** For `ovs-bridge`: the new OVS bridge and the NIC it takes over. */
  bridgeName: string;
  nic: string;
  nodeSelector: Record<string, string>;
  /**
   * An empty node selector means every node, control plane included: only with this explicit
   * choice does the wizard generate a policy without one.
   */
  allNodes?: boolean;
  /** The person picked the mode; until then it follows what the cluster maps. */
  modeChosen?: boolean;
  /** Terms of the typed node selector that are not `key=value`, as typed (refused). */
  unreadableNodeSelector?: string[];
  /** NNCP name; derived from the network name when empty. */
  policyName: string;
}

/**
 * A node selector typed as `key=value` terms separated by commas or new lines (`key: value`, as
 * pasted from YAML, too). A NodeNetworkConfigurationPolicy selects nodes by labels only, so other
 * selector syntax is kept aside as unreadable rather than guessed.
 */
export const parseNodeSelectorText = (
  text: string,
): { labels: Record<string, string>; unreadable: string[] } => {
  const labels: Record<string, string> = {};
  const unreadable: string[] = [];
  for (const raw of text.split(/[,\n]/)) {
    const term = raw.trim();
    if (!term) continue;
    const m = /^([^=:\s]+)\s*(?:==?|:)\s*(?:"([^"]*)"|'([^']*)'|(\S*))$/.exec(term);
    if (m) labels[m[1]] = m[2] ?? m[3] ?? m[4] ?? '';
    else unreadable.push(term);
  }
  return { labels, unreadable };
};

export const nodeSelectorToText = (labels: Record<string, string>): string =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

export const defaultBridgeMapping = (): BridgeMappingState => ({
  mode: 'existing',
  bridgeName: 'br-vmdata',
  nic: '',
  nodeSelector: { 'node-role.kubernetes.io/worker': '' },
  policyName: '',
});

/** A DNS-1123 subdomain made from a network name (which may hold `_` or upper case). */
export const policyNameFor = (localnet: string): string => {
  const base = `${localnet}-bridge-mapping`
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, 253)
    .replace(/[^a-z0-9]+$/g, '');
  return base || 'bridge-mapping';
};

const IFACE_NAME = /^[^\s/:%]{1,15}$/;

export const validateBridgeMapping = (
  state: BridgeMappingState,
  localnet: string,
  ctx: WizardContext,
  errors: FieldError[],
): void => {
  const known = ctx.bridgeMappings;
  if (state.mode === 'existing') {
    if (known && localnet && !known.some((m) => m.localnet === localnet)) {
      errors.push({
        field: 'bridgeMapping.mode',
        message: t(
          'No node maps the physical network "{{network}}" to a bridge; generate the mapping (on br-ex or a new OVS bridge), or the network has no connectivity.',
        ),
        params: { network: localnet },
      });
    }
    return;
  }
  const policyName = state.policyName || policyNameFor(localnet);
  const why = dns1123SubdomainError(policyName);
  if (why) errors.push(withLabel('bridgeMapping.policyName', t('Policy name'), why));
  const bridge = state.mode === 'br-ex' ? 'br-ex' : state.bridgeName;
  const clash = known?.find((m) => m.localnet === localnet && m.bridge !== bridge);
  if (clash) {
    errors.push({
      field: 'bridgeMapping.mode',
      message: t(
        '"{{network}}" is already mapped to {{mapped}} on the nodes; mapping it to {{bridge}} would conflict.',
      ),
      params: { network: localnet, mapped: clash.bridge, bridge },
    });
  }
  for (const term of state.unreadableNodeSelector ?? []) {
    errors.push({
      field: 'bridgeMapping.nodeSelector',
      message: t('Cannot read "{{term}}": the node selector takes key=value labels only.'),
      params: { term },
    });
  }
  if (!Object.keys(state.nodeSelector).length && !state.allNodes) {
    errors.push({
      field: 'bridgeMapping.nodeSelector',
      message: t(
        'An empty node selector configures every node, control plane included. Write the labels of the nodes, or choose "All nodes" to confirm.',
      ),
    });
  }
  for (const [k, v] of Object.entries(state.nodeSelector)) {
    if (
      !/^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(
        k,
      ) ||
      k.split('/').pop()!.length > 63
    ) {
      errors.push({
        field: 'bridgeMapping.nodeSelector',
        message: t('Node selector key "{{labelKey}}" is not a valid label key.'),
        params: { labelKey: k },
      });
    }
    if (v.length > 63 || !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(v)) {
      errors.push({
        field: 'bridgeMapping.nodeSelector',
        message: t('Node selector value "{{value}}" is not a valid label value.'),
        params: { value: v },
      });
    }
  }
  if (state.mode === 'ovs-bridge') {
    if (!IFACE_NAME.test(state.bridgeName)) {
      errors.push({
        field: 'bridgeMapping.bridgeName',
        message: t('Bridge name must be 1–15 characters without spaces, "/", ":" or "%".'),
      });
    } else if (state.bridgeName === 'br-ex' || state.bridgeName === 'br-int') {
      errors.push({
        field: 'bridgeMapping.bridgeName',
        message: t('{{bridge}} is managed by OpenShift; choose another name or map to br-ex.'),
        params: { bridge: state.bridgeName },
      });
    }
    if (!IFACE_NAME.test(state.nic)) {
      errors.push({
        field: 'bridgeMapping.nic',
        message: t(
          'Choose the node NIC the new bridge takes over (a dedicated one, not the br-ex uplink).',
        ),
      });
    }
  }
};

/**
 * The NNCP that maps `localnet` to a bridge: on br-ex (only the mapping; br-ex itself must not be
 * changed), or a new OVS bridge over a NIC with the settings OVN localnet needs.
 */
export const generateBridgeMappingPolicy = (
  state: BridgeMappingState,
  localnet: string,
): K8sObject | undefined => {
  if (state.mode === 'existing') return undefined;
  const bridge = state.mode === 'br-ex' ? 'br-ex' : state.bridgeName;
  const desiredState: Record<string, unknown> = {
    ovn: { 'bridge-mappings': [{ localnet, bridge, state: 'present' }] },
  };
  if (state.mode === 'ovs-bridge') {
    desiredState.interfaces = [
      {
        name: state.bridgeName,
        type: 'ovs-bridge',
        state: 'up',
        bridge: {
          'allow-extra-patch-ports': true,
          options: { stp: false },
          port: [{ name: state.nic }],
        },
      },
    ];
  }
  const spec: Record<string, unknown> = { desiredState };
  if (Object.keys(state.nodeSelector).length) spec.nodeSelector = { ...state.nodeSelector };
  return {
    apiVersion: 'nmstate.io/v1',
    kind: 'NodeNetworkConfigurationPolicy',
    metadata: { name: state.policyName || policyNameFor(localnet) },
    spec,
  } as K8sObject;
};

export const parseBridgeMappingPolicy = (
  nncp: K8sObject | undefined,
  localnet: string,
): BridgeMappingState => {
  const base = defaultBridgeMapping();
  const spec = (
    nncp as
      | { spec?: { nodeSelector?: Record<string, string>; desiredState?: Record<string, unknown> } }
      | undefined
  )?.spec;
  const mappings =
    (spec?.desiredState?.ovn as { 'bridge-mappings'?: BridgeMappingInfo[] } | undefined)?.[
      'bridge-mappings'
    ] ?? [];
  const m = mappings.find((x) => x.localnet === localnet);
  if (!nncp || !m) return base;
  const ifaces =
    (spec?.desiredState?.interfaces as
      { name: string; type: string; bridge?: { port?: { name: string }[] } }[] | undefined) ?? [];
  const ovs = ifaces.find((i) => i.name === m.bridge && i.type === 'ovs-bridge');
  return {
    mode: m.bridge === 'br-ex' ? 'br-ex' : 'ovs-bridge',
    modeChosen: true,
    bridgeName: m.bridge === 'br-ex' ? base.bridgeName : m.bridge,
    nic: ovs?.bridge?.port?.[0]?.name ?? '',
    nodeSelector: spec?.nodeSelector ?? {},
    // An existing policy without a selector already applies to every node: said, not hidden.
    allNodes: !Object.keys(spec?.nodeSelector ?? {}).length,
    policyName: nncp.metadata?.name ?? '',
  };
};

export const primaryNamespace = (name: string): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels: { [PRIMARY_UDN_LABEL]: '' } },
});

type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * What `original` holds that `represented` (the object regenerated from the parsed form state)
 * does not: unknown fields, labels, status, resourceVersion... Lists are atomic: a list the form
 * writes is the form's.
 */
export const subtract = (original: Json, represented: Json): Json => {
  if (!isObj(original)) return represented === undefined ? original : undefined;
  if (!isObj(represented)) return represented === undefined ? original : undefined;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(original)) {
    const rest = subtract(v, represented[k]);
    if (
      rest !== undefined &&
      !(isObj(rest) && Object.keys(rest).length === 0 && isObj(v) && Object.keys(v).length > 0)
    ) {
      out[k] = rest;
    }
  }
  return out;
};

/** Generated values win; preserved ones fill in what the form does not write. */
export const mergePreserved = <T>(preserved: Json, generated: T): T => {
  if (!isObj(preserved) || !isObj(generated))
    return generated === undefined ? (preserved as T) : generated;
  const out: Record<string, Json> = { ...preserved };
  for (const [k, v] of Object.entries(generated)) out[k] = mergePreserved(preserved[k], v);
  return out as T;
};

export interface ParseResult<S> {
  state: S;
  /** The parts of the object the form cannot represent; pass back to `generate` to keep them. */
  preserved: Record<string, unknown>;
}
