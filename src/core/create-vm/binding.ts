/**
 * The binding OpenShift requires for a network, and why an override will not work
 * (../shared/notes/api-facts.md §5.1 and §6; field-examples.md gotchas 1, 2, 4).
 */
import type { V1Interface } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { TargetVersion } from '../k8s/openshift-version';
import type { Message } from '../model/messages';
import { PLAN_MESSAGES as M, pmsg } from './messages';
import type {
  BindingContext,
  BindingName,
  NetworkFlavor,
  NetworkOption,
  PasstSupport,
  PlanNetwork,
} from './types';

export const PASST_HCO_ANNOTATION = 'hco.kubevirt.io/deployPasstNetworkBinding';

/**
 * What passt looks like on a cluster: 4.19 has none; 4.20–4.21 deploy the `passt` binding plugin
 * when HCO carries the opt-in annotation (KubeVirt then lists `passt` under
 * `configuration.network.binding`); 4.22 (KubeVirt 1.8) turns the same annotation into the core
 * `passtBinding` (feature gate PasstBinding).
 */
export const passtSupportOf = (
  target: TargetVersion,
  hco: { metadata?: { annotations?: Record<string, string> } } | undefined,
  kubevirtBindings?: string[],
): PasstSupport => {
  const optedIn = hco?.metadata?.annotations?.[PASST_HCO_ANNOTATION] === 'true';
  if (target === '4.19') return 'none';
  if (target === '4.22') return optedIn ? 'core' : 'none';
  return optedIn || kubevirtBindings?.includes('passt') ? 'plugin' : 'none';
};

const isSecondary = (f: NetworkFlavor) => f !== 'pod' && f !== 'primary-udn';

export interface BindingChoice {
  binding: BindingName;
  reason: Message;
  /** Bindings that also work here (passt next to l2bridge), the chosen one first. */
  alternatives: BindingName[];
}

/** The binding OpenShift requires for a network. */
export const chooseBinding = (network: NetworkOption, ctx: BindingContext): BindingChoice => {
  switch (network.flavor) {
    case 'pod':
      return { binding: 'masquerade', reason: pmsg(M.whyMasquerade), alternatives: ['masquerade'] };
    case 'primary-udn': {
      const passt: BindingName[] =
        ctx.passt === 'core' ? ['passtBinding'] : ctx.passt === 'plugin' ? ['passt'] : [];
      return {
        binding: 'l2bridge',
        reason: pmsg(M.whyL2bridge),
        alternatives: ['l2bridge', ...passt],
      };
    }
    case 'sriov':
      return { binding: 'sriov', reason: pmsg(M.whySriov), alternatives: ['sriov'] };
    default:
      return { binding: 'bridge', reason: pmsg(M.whyBridge), alternatives: ['bridge'] };
  }
};

/** Why `binding` will not work (or works badly) on `network`; empty when it is fine. */
export const bindingWarnings = (
  network: NetworkOption,
  binding: BindingName,
  ctx: BindingContext,
): Message[] => {
  const out: Message[] = [];
  const f = network.flavor;
  const isPasst = binding === 'passt' || binding === 'passtBinding';
  if (f === 'ovn-layer3') out.push(pmsg(M.layer3ForVm));
  if (f === 'sriov' && binding !== 'sriov') out.push(pmsg(M.sriovNeedsSriov));
  if (f !== 'sriov' && binding === 'sriov') out.push(pmsg(M.sriovOnNonSriov));
  if (f === 'primary-udn' && (binding === 'masquerade' || binding === 'bridge')) {
    out.push(pmsg(M.primaryNeedsL2bridge, { binding }));
  }
  if (f === 'pod' && binding === 'bridge') out.push(pmsg(M.podBridge));
  if (f === 'pod' && (binding === 'l2bridge' || isPasst)) {
    out.push(pmsg(M.primaryOnlyBinding, { binding }));
  }
  if (isSecondary(f) && (binding === 'l2bridge' || isPasst)) {
    out.push(pmsg(M.primaryBindingSecondary, { binding }));
  }
  if (f === 'primary-udn' && isPasst) {
    if (ctx.passt === 'none') out.push(pmsg(M.passtUnavailable));
    else if ((ctx.passt === 'core') !== (binding === 'passtBinding')) {
      out.push(
        pmsg(M.passtWrongFlavor, {
          offered: ctx.passt === 'core' ? 'passtBinding' : 'passt',
          binding,
        }),
      );
    }
  }
  return out;
};

/**
 * What KubeVirt's admission refuses outright (pkg/network/admitter/binding.go): masquerade on
 * anything but the pod network. The API server would answer "Masquerade interface only implemented
 * with pod network".
 */
export const bindingErrors = (network: PlanNetwork, binding: BindingName): Message[] =>
  binding === 'masquerade' && network.kind !== 'pod' ? [pmsg(M.masqueradeOffPod)] : [];

/** The binding fields of a v1 Interface. */
export const bindingFields = (binding: BindingName): Partial<V1Interface> => {
  switch (binding) {
    case 'l2bridge':
    case 'passt':
      return { binding: { name: binding } };
    case 'passtBinding':
      return { passtBinding: {} } as Partial<V1Interface>;
    default:
      return { [binding]: {} } as Partial<V1Interface>;
  }
};

/** Bindings KubeVirt can hot-plug into a running VM (through a live migration). */
export const HOTPLUGGABLE_BINDINGS: readonly string[] = ['bridge', 'sriov'];
