/** Checking a VM plan before anything is sent: each issue names the field it belongs to. */
import { dns1123LabelError } from '../validation/names';
import { withLabel, type FieldError, type MessageParam } from '../validation/types';
import { bindingErrors, bindingWarnings } from './binding';
import { checkMac, normalizeMac } from './mac';
import { PLAN_MESSAGES as M } from './messages';
import { POD_NETWORK_ID } from './networks';
import {
  INTERFACE_MODELS,
  type BindingContext,
  type NetworkOption,
  type PlanNetwork,
  type VMPlan,
} from './types';

/**
 * A FieldError (src/core/validation/types.ts: an i18next key and its params, rendered with
 * formatFieldError) with a severity. `field` is the plan field: `name`, `interfaces[1].macAddress`…
 */
export interface PlanIssue extends FieldError {
  severity: 'error' | 'warning';
}

const t = <S extends string>(key: S): S => key;

export interface PlanContext {
  binding: BindingContext;
  /** The networks of the namespace and the ones the plan creates. */
  networks: NetworkOption[];
  existingVmNames?: string[];
  /** Normalized MAC → `<vm>/<interface>` of the namespace's VMs. */
  macsInUse?: Map<string, string>;
}

export const networkId = (n: PlanNetwork): string =>
  n.kind === 'pod' ? POD_NETWORK_ID : `${n.namespace}/${n.name}`;

const QUANTITY = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;
// docker/distribution reference grammar, simplified: [host[:port]/]path[:tag][@digest].
const IMAGE =
  /^(?:[a-zA-Z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

export const isQuantity = (q: string) => QUANTITY.test(q);

export const validatePlan = (plan: VMPlan, ctx: PlanContext): PlanIssue[] => {
  const issues: PlanIssue[] = [];
  const error = (field: string, message: string, params?: Record<string, MessageParam>) =>
    issues.push({ field, severity: 'error', message, ...(params ? { params } : {}) });
  const warn = (field: string, message: string, params?: Record<string, MessageParam>) =>
    issues.push({ field, severity: 'warning', message, ...(params ? { params } : {}) });
  const labelled = (field: string, label: string, problem: Parameters<typeof withLabel>[2]) =>
    issues.push({ ...withLabel(field, label, problem), severity: 'error' });

  // The VM name is also its hostname: a DNS-1123 label.
  const nameWhy = dns1123LabelError(plan.name);
  if (nameWhy) labelled('name', t('Name'), nameWhy);
  else if (ctx.existingVmNames?.includes(plan.name))
    error('name', M.nameTaken, { name: plan.name });
  const nsWhy = dns1123LabelError(plan.namespace);
  if (nsWhy) labelled('namespace', t('Namespace'), nsWhy);

  if (plan.boot.kind === 'dataSource') {
    if (!plan.boot.name || !plan.boot.namespace) error('boot.name', M.dataSourceRequired);
    if (plan.boot.storage && !isQuantity(plan.boot.storage))
      error('boot.storage', M.storageInvalid);
  } else if (!plan.boot.image.trim()) {
    error('boot.image', M.imageRequired);
  } else if (!IMAGE.test(plan.boot.image.trim())) {
    error('boot.image', M.imageInvalid, { image: plan.boot.image });
  }

  if (plan.compute.kind === 'instancetype') {
    if (!plan.compute.instancetype) error('compute.instancetype', M.instancetypeRequired);
  } else {
    const { cpu, memory } = plan.compute;
    if (!Number.isInteger(cpu) || cpu < 1 || cpu > 512) error('compute.cpu', M.cpuInvalid);
    if (!isQuantity(memory)) error('compute.memory', M.memoryInvalid);
  }

  if (!plan.interfaces.length) warn('interfaces', M.noInterfaces);
  const byId = new Map(ctx.networks.map((n) => [n.id, n]));
  const names = new Map<string, number>();
  const networksUsed = new Map<string, number>();
  const macs = new Map<string, number>();
  plan.interfaces.forEach((iface, i) => {
    const f = (k: string) => `interfaces[${i}].${k}`;
    const why = dns1123LabelError(iface.name);
    if (why) labelled(f('name'), t('Interface name'), why);
    else if (names.has(iface.name))
      error(f('name'), M.interfaceNameDuplicate, { name: iface.name });
    names.set(iface.name, i);

    const id = networkId(iface.network);
    const option = byId.get(id);
    if (iface.network.kind === 'pod' && networksUsed.has(id)) error(f('network'), M.twoPodNetworks);
    else if (networksUsed.has(id) && option?.flavor.startsWith('ovn-')) {
      error(f('network'), M.networkTwice, { network: id });
    }
    networksUsed.set(id, i);
    for (const m of bindingErrors(iface.network, iface.binding)) {
      error(f('binding'), m.message, m.params);
    }
    if (!option) {
      error(f('network'), M.networkUnknown, { network: id });
    } else {
      for (const w of bindingWarnings(option, iface.binding, ctx.binding)) {
        warn(f('binding'), w.message, w.params);
      }
    }

    if (!(INTERFACE_MODELS as readonly string[]).includes(iface.model)) {
      error(f('model'), M.modelInvalid, { model: iface.model });
    }
    if (iface.binding === 'sriov' && iface.linkState === 'down')
      error(f('linkState'), M.sriovLinkState);

    if (iface.macAddress) {
      const check = checkMac(iface.macAddress, ctx.macsInUse);
      for (const m of check.errors) error(f('macAddress'), m.message, m.params);
      for (const m of check.warnings) warn(f('macAddress'), m.message, m.params);
      const normal = normalizeMac(iface.macAddress);
      if (normal && macs.has(normal)) error(f('macAddress'), M.macDuplicatePlan, { mac: normal });
      if (normal) macs.set(normal, i);
    }
  });
  return issues;
};

export const planErrors = (issues: PlanIssue[]) => issues.filter((i) => i.severity === 'error');
