/**
 * Where a Create VM problem can be fixed: the wizard step that shows its field, and the id of the
 * field's control on that step (the ids BasicsStep, NicFields and PoliciesStep give their inputs),
 * so that the review's list of blocking problems can take the user there.
 */
export type CreateVMStepId = 'basics' | 'networking' | 'policies';

export interface FieldTarget {
  step: CreateVMStepId;
  /** The control to focus; absent where the problem belongs to no single control. */
  elementId?: string;
  /** The interface the field belongs to (its index in the plan), for the problem's wording. */
  interfaceIndex?: number;
  /** The interface whose policy the field belongs to. */
  policyInterface?: string;
}

/** Plan fields of the Basics step → BasicsStep's control ids. */
const BASICS: Record<string, string> = {
  name: 'create-vm-name',
  namespace: 'create-vm-namespace',
  'boot.image': 'create-vm-image',
  'boot.name': 'create-vm-datasource',
  'boot.storage': 'create-vm-storage',
  'compute.cpu': 'create-vm-cpu',
  'compute.memory': 'create-vm-memory',
  'compute.instancetype': 'create-vm-instancetype',
};

/** Interface fields whose control id (NicFields) differs from the plan's field name. */
const NIC_CONTROL: Record<string, string> = { macAddress: 'mac', linkState: 'link' };
const NIC_FIELDS = new Set(['name', 'network', 'binding', 'model', 'macAddress', 'linkState']);

const INTERFACE_FIELD = /^interfaces\[(\d+)\](?:\.(.+))?$/;
const POLICY_FIELD = /^policies\.([^.]+)\./;

/**
 * The step and control of a plan field (`name`, `interfaces[1].macAddress`,
 * `policies.<interface>.<form field>`); undefined for a field no step shows.
 */
export const fieldTarget = (field: string): FieldTarget | undefined => {
  if (Object.hasOwn(BASICS, field)) return { step: 'basics', elementId: BASICS[field] };
  if (field === 'interfaces') return { step: 'networking' };
  const nic = INTERFACE_FIELD.exec(field);
  if (nic) {
    const index = Number(nic[1]);
    const key = nic[2];
    if (!key || !NIC_FIELDS.has(key)) return { step: 'networking', interfaceIndex: index };
    return {
      step: 'networking',
      elementId: `nic-${index}-${NIC_CONTROL[key] ?? key}`,
      interfaceIndex: index,
    };
  }
  const policy = POLICY_FIELD.exec(field);
  // The field is the generated MultiNetworkPolicy's (`ingress[0].peers[1].cidr`), not one of the
  // step's few controls: the target is the interface's policy section, at its first control.
  if (policy)
    return {
      step: 'policies',
      elementId: `policy-${policy[1]}-enabled`,
      policyInterface: policy[1],
    };
  return undefined;
};
