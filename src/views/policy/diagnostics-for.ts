/** Which of the policy analysis' diagnostics concern one interface of one endpoint. */
import { matchesSelector } from '../../core/k8s/selectors';
import type { PolicyAnalysis } from '../../core/policy/analysis';
import type { Diagnostic } from '../../core/policy/diagnostics';
import type { Endpoint, EndpointInterface } from '../../core/policy/endpoints';
import type { Policy } from '../../core/policy/policies';

/** The diagnostics of the analysis that concern this interface. */
export const diagnosticsFor = (
  diagnostics: Diagnostic[],
  analysis: PolicyAnalysis,
  endpoint: Endpoint,
  iface: EndpointInterface,
): Diagnostic[] => {
  const naming = analysis.policies.filter((p) => p.networkIds.has(iface.networkId));
  const policyOf = (d: Diagnostic): Policy | undefined =>
    analysis.policies.find(
      (p) =>
        p.ref.kind === d.subject.kind &&
        p.ref.namespace === d.subject.namespace &&
        p.ref.name === d.subject.name,
    );
  return diagnostics.filter((d) => {
    switch (d.code) {
      case 'mnp-disabled':
      case 'mnp-enablement-unknown':
        return naming.some((p) => p.ref.kind === 'MultiNetworkPolicy');
      case 'policy-for-missing':
      case 'policy-for-unknown-nad': {
        const p = policyOf(d);
        return (
          !!p &&
          p.ref.namespace === endpoint.namespace &&
          matchesSelector(endpoint.labels, p.podSelector)
        );
      }
      case 'ipamless-selector-peers':
      case 'linux-bridge-mnp':
        return !!policyOf(d)?.networkIds.has(iface.networkId);
      case 'unreadable-policy': {
        // Unreadable admin policies concern every interface they may apply to; others, theirs.
        if (!d.subject.namespace) return analysis.adminAppliesOn(iface.networkId);
        const p = policyOf(d);
        return !!p && analysis.policiesSelecting(iface).includes(p);
      }
      case 'unreadable-object':
      case 'not-analysed': {
        // One that could be a policy concerns the interfaces whose answers it makes unknown (an
        // admin policy not those on secondary networks, a MultiNetworkPolicy not the pod network);
        // so does a readable policy of a kind not modelled yet (ClusterNetworkPolicy).
        if (analysis.unreadablePolicyOf(d.object)) {
          const affecting = analysis.unreadableAffecting(iface);
          return (
            !!affecting &&
            [...affecting.admin, ...affecting.networkPolicy, ...affecting.baseline].some(
              (u) => u.object === d.object,
            )
          );
        }
        // An EgressFirewall concerns the primary network of its namespace.
        if (d.code === 'not-analysed')
          return d.subject.kind === 'EgressFirewall'
            ? d.subject.namespace === endpoint.namespace &&
                analysis.egressFirewallApplies(endpoint, iface)
            : analysis.adminAppliesOn(iface.networkId);
        // Any other is a missing endpoint or network of its namespace (or, without one, of any).
        return !d.subject.namespace || d.subject.namespace === endpoint.namespace;
      }
      case 'dhcp-blocked':
        return (
          d.subject.namespace === endpoint.namespace &&
          d.subject.name === endpoint.name &&
          d.keyed?.params?.interface === iface.name
        );
      default:
        return false;
    }
  });
};
