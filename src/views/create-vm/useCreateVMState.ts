/**
 * The state of the creation flow: the plan, the objects created with it, the policies of its
 * secondary NICs, and the YAML edits made on the review step; and everything derived from them.
 */
import * as React from 'react';
import {
  chooseBinding,
  creationOrder,
  defaultPlan,
  emptyPlanned,
  generateVM,
  macsInUse,
  multusNetworkName,
  networkId,
  objectKey,
  validatePlan,
  type BindingContext,
  type NetworkOption,
  type PlanIssue,
  type PlannedObjects,
  type VMPlan,
} from '../../core/create-vm';
import type { K8sObject } from '../../core/k8s/types';
import type { VMPolicyDraft } from '../../core/mnp';

type MnpLib = typeof import('../../core/mnp');
import type { FieldError } from '../../core/validation/types';
import { PRIMARY_UDN_NAMESPACE_LABEL } from '../../core/networks/udn';
import { useBindingContext, useNamespaceNetworks } from '../actions/data';
import { createPlan } from '../shared/wizard/plan';
import { useOperations } from '../shared/wizard/useOperations';

export interface NamespaceChoice {
  /** Create the namespace with the plan. */
  create: boolean;
  /** …labelled for a primary user-defined network (it cannot be added later). */
  primaryLabel: boolean;
}

export const namespaceObject = (name: string, primaryLabel: boolean): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: {
    name,
    ...(primaryLabel ? { labels: { [PRIMARY_UDN_NAMESPACE_LABEL]: '' } } : {}),
  },
});

export const useCreateVMState = (initialNamespace: string) => {
  const ctx: BindingContext = useBindingContext();
  const [plan, setPlan] = React.useState<VMPlan>(() => defaultPlan(initialNamespace));
  const [ns, setNs] = React.useState<NamespaceChoice>({ create: false, primaryLabel: false });
  const [networks, setNetworks] = React.useState<K8sObject[]>([]);
  const [nncps, setNncps] = React.useState<K8sObject[]>([]);
  const [policies, setPolicies] = React.useState<VMPolicyDraft[]>([]);
  /** Review-step YAML edits, by object key: the edited object replaces the generated one. */
  const [edits, setEdits] = React.useState<Record<string, K8sObject>>({});
  /** The review step's YAML does not parse (or its parser is still loading). */
  const [reviewBlocked, setReviewBlocked] = React.useState(false);

  const planned = React.useMemo<PlannedObjects>(
    () => ({
      ...emptyPlanned(),
      ...(ns.create ? { namespace: namespaceObject(plan.namespace, ns.primaryLabel) } : {}),
      networks,
      nncps,
    }),
    [ns, plan.namespace, networks, nncps],
  );
  const data = useNamespaceNetworks(plan.namespace, planned);
  const options = data.options;

  // The binding follows the network unless the user overrode it (a planned primary UDN turns the
  // pod network NIC into l2bridge).
  React.useEffect(() => {
    setPlan((p) => {
      let changed = false;
      const interfaces = p.interfaces.map((i) => {
        if (i.bindingOverridden) return i;
        const o = options.find((x) => x.id === networkId(i.network));
        const b = o ? chooseBinding(o, ctx).binding : i.binding;
        if (b === i.binding) return i;
        changed = true;
        return { ...i, binding: b };
      });
      return changed ? { ...p, interfaces } : p;
    });
  }, [options, ctx]);

  // What this run created (filled in by `creation` below, read through a ref to avoid a cycle):
  // the VM it created is not "a VM that already exists", nor are its MACs "in use by another VM".
  const createdRef = React.useRef<(o: K8sObject) => boolean>(() => false);
  const vmKey = `VirtualMachine/${plan.namespace}/${plan.name}`;
  const otherVms = data.vms.filter(
    (v) =>
      !(
        v.metadata?.name === plan.name &&
        createdRef.current({ ...v, kind: 'VirtualMachine', apiVersion: 'kubevirt.io/v1' })
      ),
  );
  const otherVmsKey = otherVms
    .map((v) => `${v.metadata?.name}@${v.metadata?.resourceVersion}`)
    .join();
  const macs = React.useMemo(
    () => macsInUse(otherVms),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on what the VMs are
    [otherVmsKey],
  );
  const planIssues: PlanIssue[] = React.useMemo(
    () =>
      validatePlan(plan, {
        binding: ctx,
        networks: options,
        existingVmNames: otherVms.map((v) => v.metadata?.name ?? ''),
        macsInUse: macs,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- otherVms is keyed by otherVmsKey
    [plan, ctx, options, otherVmsKey, macs, vmKey],
  );

  const optionOf = (name: string): NetworkOption | undefined => {
    const iface = plan.interfaces.find((i) => i.name === name);
    return iface ? options.find((o) => o.id === networkId(iface.network)) : undefined;
  };
  // The policy core (and its address parser) loads with the first policy, not with the page.
  const [mnp, setMnp] = React.useState<MnpLib>();
  React.useEffect(() => {
    if (policies.length && !mnp) {
      void import(/* webpackChunkName: "create-vm-mnp" */ '../../core/mnp').then(setMnp);
    }
  }, [policies.length, mnp]);
  /** Policies are planned but cannot be generated or checked yet: Create waits. */
  const policiesLoading = policies.length > 0 && !mnp;
  const policyStates = (mnp ? policies : [])
    .map((d) => {
      const iface = plan.interfaces.find((i) => i.name === d.interfaceName);
      if (!iface || iface.network.kind !== 'multus') return undefined;
      return {
        draft: d,
        state: mnp!.vmPolicyState(
          d,
          { name: plan.name, namespace: plan.namespace },
          multusNetworkName(iface.network, plan.namespace),
        ),
        hasIpam: optionOf(d.interfaceName)?.hasIpam ?? false,
      };
    })
    .filter((x): x is NonNullable<typeof x> => !!x);
  const policyIssues: FieldError[] = policyStates.flatMap(({ state, hasIpam, draft }) =>
    mnp!
      .validateMNPForm(state, {
        networks: [{ key: `${plan.namespace}/${state.networks[0].split('/').pop()}`, hasIpam }],
      })
      .map((e) => ({ ...e, field: `policies.${draft.interfaceName}.${e.field}` })),
  );

  const generated: K8sObject[] = React.useMemo(
    () =>
      creationOrder([
        ...(planned.namespace ? [planned.namespace] : []),
        ...networks,
        ...nncps,
        generateVM(plan),
        ...policyStates.map((p) => mnp!.generateMNP(p.state)),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- policyStates derives from these
    [planned, networks, nncps, plan, policies, options, mnp],
  );
  const objects = React.useMemo(
    () => generated.map((o) => edits[objectKey(o)] ?? o),
    [generated, edits],
  );
  // Created in order with the wizards' own runner: a retry repeats only what failed or was not reached.
  const creation = useOperations(React.useMemo(() => createPlan(objects), [objects]));
  createdRef.current = creation.isDone;

  return {
    ctx,
    plan,
    setPlan,
    ns,
    setNs,
    networks,
    setNetworks,
    nncps,
    setNncps,
    policies,
    setPolicies,
    edits,
    setEdits,
    reviewBlocked,
    setReviewBlocked,
    planned,
    data,
    options,
    macs,
    planIssues,
    policyIssues,
    policiesLoading,
    generated,
    objects,
    creation,
  };
};

export type CreateVMState = ReturnType<typeof useCreateVMState>;
