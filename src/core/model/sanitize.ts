/**
 * Every object the model reads was written by someone else: the VM by a person, the VMI and the
 * launcher pod by KubeVirt and Multus, networks by users and operators. CRDs with schemaless parts
 * (NNCP `desiredState`, annotations) accept anything. Before the model joins them, each object is
 * checked against the shape the model reads; a wrong-typed field is dropped and reported as a
 * problem *of that object* (its raw value and what is wrong), so one bad object only takes away the
 * facts that depend on that field, never the page.
 *
 * Objects without problems are returned as they are (same identity: per-object caches such as the
 * NAD config cache keep working, and the check stays cheap for 500 NADs).
 */
import { Models, type ResourceModel } from '../k8s/models';
import { isRecord } from '../pod/parse-result';
import { typeName } from '../pod/shape';
import type { DataProblem, NetworkingInput, ObjectRef } from './types';

type Schema =
  | 'string'
  | 'number'
  | 'boolean'
  | 'any'
  | { list: Schema }
  | { map: Schema }
  | { obj: Record<string, Schema>; required?: string[] };

const S = 'string' as const;
const N = 'number' as const;
const B = 'boolean' as const;
const ANY = 'any' as const;
const obj = (fields: Record<string, Schema>, required?: string[]): Schema => ({
  obj: fields,
  ...(required ? { required } : {}),
});
const list = (of: Schema): Schema => ({ list: of });

const condition = obj({ type: S, status: S, reason: S, message: S }, ['type']);

const METADATA = obj({
  name: S,
  namespace: S,
  uid: S,
  resourceVersion: S,
  creationTimestamp: S,
  deletionTimestamp: S,
  labels: { map: S },
  annotations: { map: ANY },
  ownerReferences: list(obj({ kind: S, name: S, apiVersion: S, controller: B }, ['kind', 'name'])),
});

const SPEC_INTERFACE = obj(
  {
    name: S,
    model: S,
    macAddress: S,
    state: S,
    binding: obj({ name: S }),
    masquerade: ANY,
    bridge: ANY,
    sriov: ANY,
    passtBinding: ANY,
    pciAddress: S,
  },
  ['name'],
);
const SPEC_NETWORK = obj(
  {
    name: S,
    pod: obj({ vmNetworkCIDR: S, vmIPv6NetworkCIDR: S }),
    multus: obj({ networkName: S, default: B }, ['networkName']),
  },
  ['name'],
);
const VMI_SPEC = obj({
  hostname: S,
  networks: list(SPEC_NETWORK),
  domain: obj({
    devices: obj({ interfaces: list(SPEC_INTERFACE), autoattachPodInterface: B }),
  }),
});

const VM_SCHEMA = obj({
  metadata: METADATA,
  spec: obj({
    running: B,
    runStrategy: S,
    template: obj({ metadata: METADATA, spec: VMI_SPEC }),
  }),
  status: obj({
    printableStatus: S,
    ready: B,
    created: B,
    conditions: list(condition),
  }),
});

const VMI_SCHEMA = obj({
  metadata: METADATA,
  spec: VMI_SPEC,
  status: obj({
    phase: S,
    nodeName: S,
    conditions: list(condition),
    migrationState: obj({ completed: B, targetPod: S, failed: B }),
    interfaces: list(
      obj({
        name: S,
        interfaceName: S,
        mac: S,
        ipAddress: S,
        ipAddresses: list(S),
        infoSource: S,
        podInterfaceName: S,
        linkState: S,
        queueCount: N,
      }),
    ),
  }),
});

const POD_SCHEMA = obj({
  metadata: METADATA,
  spec: obj({ nodeName: S }),
  status: obj({ phase: S, podIP: S, podIPs: list(obj({ ip: S })) }),
});

/**
 * A namespace may hold hundreds of NADs: only the fields the model reads are checked (labels are
 * read with hasOwnProperty, which no value can break).
 */
const NAD_SCHEMA = obj({
  metadata: obj({
    name: S,
    namespace: S,
    uid: S,
    ownerReferences: list(obj({ kind: S, name: S }, ['kind', 'name'])),
  }),
  spec: obj({ config: S }),
});

const LAYER = obj({
  role: S,
  subnets: list(ANY),
  mtu: N,
  joinSubnets: list(S),
  excludeSubnets: list(S),
  defaultGatewayIPs: list(S),
  ipam: obj({ mode: S, lifecycle: S }),
  physicalNetworkName: S,
  vlan: obj({ mode: S, access: obj({ id: N }) }),
});
const UDN_SCHEMA = obj({
  metadata: METADATA,
  spec: obj({ topology: S, layer2: LAYER, layer3: LAYER }),
  status: obj({ conditions: list(condition) }),
});
const SELECTOR = obj({
  matchLabels: { map: S },
  matchExpressions: list(obj({ key: S, operator: S, values: list(S) }, ['key', 'operator'])),
});
const CUDN_SCHEMA = obj({
  metadata: METADATA,
  spec: obj({
    namespaceSelector: SELECTOR,
    network: obj({ topology: S, layer2: LAYER, layer3: LAYER, localnet: LAYER }),
  }),
  status: obj({ conditions: list(condition) }),
});
const NAMESPACE_SCHEMA = obj({ metadata: METADATA });
const BRIDGE_MAPPINGS = list(obj({ localnet: S, bridge: S, state: S }, ['localnet']));
const NNCP_SCHEMA = obj({
  metadata: METADATA,
  spec: obj({
    nodeSelector: { map: S },
    desiredState: obj({ interfaces: list(ANY), ovn: obj({ 'bridge-mappings': BRIDGE_MAPPINGS }) }),
  }),
});
const NNS_SCHEMA = obj({
  metadata: METADATA,
  status: obj({
    currentState: obj({
      interfaces: list(obj({ name: S, type: S, mtu: N, state: S }, ['name'])),
      ovn: obj({ 'bridge-mappings': BRIDGE_MAPPINGS }),
    }),
  }),
});
const NETWORK_OPERATOR_SCHEMA = obj({
  metadata: METADATA,
  spec: obj({
    useMultiNetworkPolicy: B,
    clusterNetwork: list(obj({ cidr: S, hostPrefix: N }, ['cidr'])),
    serviceNetwork: list(S),
    defaultNetwork: obj({ type: S }),
  }),
  status: obj({ clusterNetworkMTU: N }),
});
const CLUSTER_NETWORK_SCHEMA = obj({
  metadata: METADATA,
  spec: obj({ networkType: S, clusterNetwork: list(obj({ cidr: S }, ['cidr'])) }),
  status: obj({ networkType: S, clusterNetworkMTU: N, clusterNetwork: list(obj({ cidr: S })) }),
});

const fieldCache = new WeakMap<object, string[]>();
/** The field names of an object schema, listed once (the check runs for every NAD of a namespace). */
const fieldsOf = (schema: { obj: Record<string, Schema> }): string[] => {
  let keys = fieldCache.get(schema);
  if (!keys) {
    keys = Object.keys(schema.obj);
    fieldCache.set(schema, keys);
  }
  return keys;
};

const schemaOf = (value: unknown): string => {
  if (value === null) return 'null';
  return typeName(value);
};

/**
 * Returns the value cleaned to the schema (the same object when nothing changed), or undefined when
 * the value itself has the wrong type. `issues` receives `[path, problem, raw]`.
 */
const clean = (
  value: unknown,
  schema: Schema,
  path: string,
  issues: [string, string, unknown][],
): unknown => {
  if (value === undefined) return undefined;
  if (schema === ANY) return value;
  if (typeof schema === 'string') {
    const ok =
      schema === 'number'
        ? typeof value === 'number' && Number.isFinite(value)
        : typeof value === schema;
    if (ok) return value;
    issues.push([path, `expected a ${schema}, got ${schemaOf(value)}`, value]);
    return undefined;
  }
  if ('list' in schema) {
    if (!Array.isArray(value)) {
      issues.push([path, `expected a list, got ${schemaOf(value)}`, value]);
      return undefined;
    }
    let changed = false;
    const out: unknown[] = [];
    value.forEach((e, i) => {
      const c = clean(e, schema.list, `${path}[${i}]`, issues);
      if (c === undefined) {
        if (e === undefined || e === null) issues.push([`${path}[${i}]`, 'is empty', e]);
        changed = true;
        return;
      }
      if (c !== e) changed = true;
      out.push(c);
    });
    return changed ? out : value;
  }
  if (!isRecord(value)) {
    issues.push([path, `expected an object, got ${schemaOf(value)}`, value]);
    return undefined;
  }
  if ('map' in schema) {
    if (schema.map === ANY) return value;
    let out: Record<string, unknown> | undefined;
    for (const k in value) {
      const v = value[k];
      const c = clean(v, schema.map, `${path}.${k}`, issues);
      if (c !== v) {
        out ??= { ...value };
        if (c === undefined) delete out[k];
        else out[k] = c;
      }
    }
    return out ?? value;
  }
  let out: Record<string, unknown> | undefined;
  for (const k of fieldsOf(schema)) {
    const v = value[k];
    if (v === undefined) continue;
    const s = schema.obj[k];
    // Fast path: a well-typed primitive needs no call and no path string.
    if (
      s === ANY ||
      (s === 'string' && typeof v === 'string') ||
      (s === 'boolean' && typeof v === 'boolean')
    )
      continue;
    // null is how YAML writes "nothing": not an error, but not a value either.
    const c = v === null ? undefined : clean(v, s, path ? `${path}.${k}` : k, issues);
    if (c !== v) {
      out ??= { ...value };
      if (c === undefined) delete out[k];
      else out[k] = c;
    }
  }
  const result = out ?? value;
  // An entry without the field that identifies it (an interface without a name) cannot be used.
  const missing = schema.required?.find((k) => result[k] === undefined);
  if (missing) {
    issues.push([path, `has no ${missing}`, value]);
    return undefined;
  }
  return result;
};

const refFor = (model: ResourceModel, value: unknown, fallbackName = ''): ObjectRef => {
  const meta = isRecord(value) && isRecord(value.metadata) ? value.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : fallbackName;
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : undefined;
  return {
    group: model.group,
    version: model.version,
    kind: model.kind,
    ...(model.namespaced && namespace ? { namespace } : {}),
    name,
  };
};

type Checked = { cleaned: unknown; issues: [string, string, unknown][] };

/**
 * Results per object and schema. Watched objects are never changed in place (a change is a new
 * object), and the model runs again on every watch update with mostly the same 500 NADs: each is
 * checked once.
 */
const checkedCache = new WeakMap<object, Map<Schema, Checked>>();

const checkCached = (value: unknown, schema: Schema): Checked => {
  if (typeof value !== 'object' || value === null) {
    const issues: [string, string, unknown][] = [];
    return { cleaned: clean(value, schema, '', issues), issues };
  }
  let bySchema = checkedCache.get(value);
  if (!bySchema) checkedCache.set(value, (bySchema = new Map()));
  let checked = bySchema.get(schema);
  if (!checked) {
    const issues: [string, string, unknown][] = [];
    checked = { cleaned: clean(value, schema, '', issues), issues };
    bySchema.set(schema, checked);
  }
  return checked;
};

/** Checks one object; problems are recorded against it. A non-object is dropped. */
const checkObject = <T>(
  value: unknown,
  schema: Schema,
  model: ResourceModel,
  problems: DataProblem[],
  what: string,
): T | undefined => {
  const { cleaned, issues } = checkCached(value, schema);
  if (!issues.length) return cleaned as T | undefined;
  const object = refFor(model, value, what);
  for (const [field, problem, raw] of issues) {
    problems.push({ object, field: field || '.', problem, raw });
  }
  return cleaned as T | undefined;
};

const isMarker = (v: unknown) =>
  isRecord(v) && typeof v.error === 'string' && !('metadata' in v) && !('kind' in v);

const checkedLists = new WeakMap<
  unknown[],
  Map<Schema, { out: unknown; problems: DataProblem[] }>
>();

/**
 * A list checked once per (list, schema): a watch hands back the same array until an object in it
 * changes, and going through 500 NADs' cache entries on every render was a twentieth of the model.
 */
const checkList = <T>(
  value: unknown,
  schema: Schema,
  model: ResourceModel,
  problems: DataProblem[],
): T[] | unknown => {
  if (!Array.isArray(value)) return checkListOnce<T>(value, schema, model, problems);
  let bySchema = checkedLists.get(value);
  if (!bySchema) checkedLists.set(value, (bySchema = new Map()));
  let checked = bySchema.get(schema);
  if (!checked) {
    const own: DataProblem[] = [];
    checked = { out: checkListOnce<T>(value, schema, model, own), problems: own };
    bySchema.set(schema, checked);
  }
  problems.push(...checked.problems);
  return checked.out;
};

const checkListOnce = <T>(
  value: unknown,
  schema: Schema,
  model: ResourceModel,
  problems: DataProblem[],
): T[] | unknown => {
  if (value === undefined || value === null || isMarker(value)) return value ?? undefined;
  if (!Array.isArray(value)) {
    problems.push({
      object: { group: model.group, version: model.version, kind: model.kind, name: '' },
      field: '.',
      problem: `expected a list of ${model.kind} objects, got ${schemaOf(value)}`,
      raw: value,
    });
    return { error: `not a list of ${model.kind}` };
  }
  let changed = false;
  const out: T[] = [];
  value.forEach((o, i) => {
    const c = checkObject<T>(o, schema, model, problems, `#${i}`);
    if (c !== o) changed = true;
    if (c !== undefined) out.push(c);
  });
  return changed ? out : value;
};

const checkSingle = <T>(
  value: unknown,
  schema: Schema,
  model: ResourceModel,
  problems: DataProblem[],
): T | unknown => {
  if (value === undefined || value === null || isMarker(value)) return value;
  const c = checkObject<T>(value, schema, model, problems, '');
  return c === undefined ? { error: `not a ${model.kind} object` } : c;
};

/** The input with every object checked; `problems` lists what was dropped, per object. */
export const sanitizeInput = (
  input: NetworkingInput,
): { input: NetworkingInput; problems: DataProblem[] } => {
  const problems: DataProblem[] = [];
  const vm = (checkObject(input.vm, VM_SCHEMA, Models.VirtualMachine, problems, '') ??
    {}) as NetworkingInput['vm'];
  const out: NetworkingInput = {
    vm,
    vmi: checkSingle(
      input.vmi,
      VMI_SCHEMA,
      Models.VirtualMachineInstance,
      problems,
    ) as NetworkingInput['vmi'],
    pods: checkList(input.pods, POD_SCHEMA, Models.Pod, problems) as NetworkingInput['pods'],
    nads: checkList(
      input.nads,
      NAD_SCHEMA,
      Models.NetworkAttachmentDefinition,
      problems,
    ) as NetworkingInput['nads'],
    udns: checkList(
      input.udns,
      UDN_SCHEMA,
      Models.UserDefinedNetwork,
      problems,
    ) as NetworkingInput['udns'],
    cudns: checkList(
      input.cudns,
      CUDN_SCHEMA,
      Models.ClusterUserDefinedNetwork,
      problems,
    ) as NetworkingInput['cudns'],
    namespace: checkSingle(
      input.namespace,
      NAMESPACE_SCHEMA,
      Models.Namespace,
      problems,
    ) as NetworkingInput['namespace'],
    nncps: checkList(
      input.nncps,
      NNCP_SCHEMA,
      Models.NodeNetworkConfigurationPolicy,
      problems,
    ) as NetworkingInput['nncps'],
    nodeNetworkStates: checkList(
      input.nodeNetworkStates,
      NNS_SCHEMA,
      Models.NodeNetworkState,
      problems,
    ) as NetworkingInput['nodeNetworkStates'],
    networkConfig: checkSingle(
      input.networkConfig,
      NETWORK_OPERATOR_SCHEMA,
      Models.NetworkOperatorConfig,
      problems,
    ) as NetworkingInput['networkConfig'],
    clusterNetwork: checkSingle(
      input.clusterNetwork,
      CLUSTER_NETWORK_SCHEMA,
      Models.ClusterNetworkConfig,
      problems,
    ) as NetworkingInput['clusterNetwork'],
  };
  return { input: out, problems };
};
