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
  for (const nncp of nncps) {
    for (const m of nncp.spec?.desiredState?.ovn?.['bridge-mappings'] ?? []) {
      if (!m?.localnet || m.state === 'absent') continue;
      add({
        localnet: m.localnet,
        bridge: m.bridge,
        from: {
          kind: Models.NodeNetworkConfigurationPolicy.kind as 'NodeNetworkConfigurationPolicy',
          name: nncp.metadata?.name ?? '',
        },
      });
    }
  }
  for (const nns of states) {
    for (const m of nns.status?.currentState?.ovn?.['bridge-mappings'] ?? []) {
      if (!m?.localnet) continue;
      add({
        localnet: m.localnet,
        bridge: m.bridge,
        from: { kind: 'NodeNetworkState', name: nns.metadata?.name ?? '' },
      });
    }
  }
  return out;
};

/** Distinct bridges a localnet name maps to. */
export const bridgesOf = (sources: BridgeMappingSource[] | undefined): string[] => [
  ...new Set((sources ?? []).map((s) => s.bridge).filter((b): b is string => !!b)),
];
