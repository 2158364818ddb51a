/**
 * OVN bridge mappings (localnet network name → OVS bridge), as nodes report them (NodeNetworkState)
 * and as policies ask for them (NNCP). The key is the localnet *network* name — the NAD config's
 * `physicalNetworkName`, else its `name`, or a CUDN's `physicalNetworkName` — never the NAD object name.
 */
import type { NodeNetworkConfigurationPolicy, NodeNetworkState } from '../k8s/types';
import { Models } from '../k8s/models';

export interface BridgeMappingSource {
  localnet: string;
  bridge?: string;
  /** Where it was read: the NNCP that asks for it or the node that reports it. */
  from: { kind: 'NodeNetworkConfigurationPolicy' | 'NodeNetworkState'; name: string };
}

/**
 * OpenShift maps `physnet` to `br-ex` on every node at install time, with no NNCP; it only shows
 * in NodeNetworkState, so without NNS read access it is assumed.
 */
export const DEFAULT_OPENSHIFT_MAPPING = { localnet: 'physnet', bridge: 'br-ex' };

/** The CRDs accept any shape here (an object instead of a list, null entries): read only what is one. */
const listOf = (v: unknown): { localnet?: unknown; bridge?: unknown; state?: unknown }[] =>
  Array.isArray(v) ? v.filter((m) => !!m && typeof m === 'object') : [];

const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export const collectBridgeMappings = (
  nncps: NodeNetworkConfigurationPolicy[] = [],
  states: NodeNetworkState[] = [],
): Map<string, BridgeMappingSource[]> => {
  const out = new Map<string, BridgeMappingSource[]>();
  const add = (m: BridgeMappingSource) => {
    const list = out.get(m.localnet);
    if (list) list.push(m);
    else out.set(m.localnet, [m]);
  };
  for (const nncp of Array.isArray(nncps) ? nncps : []) {
    for (const m of listOf(nncp?.spec?.desiredState?.ovn?.['bridge-mappings'])) {
      const localnet = text(m.localnet);
      if (!localnet || m.state === 'absent') continue;
      add({
        localnet,
        bridge: text(m.bridge),
        from: {
          kind: Models.NodeNetworkConfigurationPolicy.kind as 'NodeNetworkConfigurationPolicy',
          name: text(nncp.metadata?.name) ?? '',
        },
      });
    }
  }
  for (const nns of Array.isArray(states) ? states : []) {
    for (const m of listOf(nns?.status?.currentState?.ovn?.['bridge-mappings'])) {
      const localnet = text(m.localnet);
      if (!localnet) continue;
      add({
        localnet,
        bridge: text(m.bridge),
        from: { kind: 'NodeNetworkState', name: text(nns.metadata?.name) ?? '' },
      });
    }
  }
  return out;
};

/** Distinct bridges a localnet name maps to. */
export const bridgesOf = (sources: BridgeMappingSource[] | undefined): string[] => [
  ...new Set((sources ?? []).map((s) => s.bridge).filter((b): b is string => !!b)),
];
