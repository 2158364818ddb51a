/**
 * Test inputs assembled from the real manifests and captures in ../shared/examples. Where a capture
 * lacks an object (the wz blog has the VM and its pod but no VMI), the missing one is built from
 * facts the captures state (the pod's created-by UID, node name, the VM's AgentConnected).
 */
import { loadSharedObjects, readShared } from '../../../../test-support/shared';
import type {
  K8sObject,
  Namespace,
  NetworkAttachmentDefinition,
  NodeNetworkConfigurationPolicy,
  Pod,
  UserDefinedNetwork,
  ClusterUserDefinedNetwork,
  VirtualMachine,
  VirtualMachineInstance,
} from '../../k8s/types';
import type { NetworkingInput } from '../types';

export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const field = (file: string) => loadSharedObjects('examples/field', file);
const byKind = <T extends K8sObject>(objs: K8sObject[], kind: string) =>
  objs.filter((o) => o.kind === kind) as T[];

/** A VM read from a manifest as if it existed on the cluster. */
const persisted = (vm: VirtualMachine, namespace: string): VirtualMachine => {
  const out = clone(vm);
  out.metadata = {
    namespace,
    uid: `uid-${out.metadata?.name}`,
    resourceVersion: '1',
    ...out.metadata,
  };
  return out;
};

/** wz blog: VM whose only NIC is on a localnet NAD (config name ≠ NAD name), its launcher pod, NNCP. */
export const wzInput = (): NetworkingInput => {
  const [vm] = field('wz-localnet-brex.vm.yaml') as VirtualMachine[];
  const [pod] = field('wz-localnet-brex.virt-launcher-pod.yaml') as Pod[];
  const objs = field('wz-localnet-brex.nncp-nad.yaml');
  const vmi: VirtualMachineInstance = {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: {
      name: vm.metadata!.name,
      namespace: vm.metadata!.namespace,
      uid: pod.metadata!.labels!['kubevirt.io/created-by'],
    },
    spec: clone(vm.spec!.template!.spec!),
    status: {
      phase: 'Running',
      nodeName: pod.spec!.nodeName,
      conditions: vm.status!.conditions!.filter((c) => c.type === 'AgentConnected') as never,
      interfaces: [
        {
          name: 'nic-yellow-duck-37',
          interfaceName: 'eth0',
          mac: vm.spec!.template!.spec!.domain.devices.interfaces![0].macAddress,
          infoSource: 'domain, guest-agent, multus-status',
        },
      ],
    },
  };
  return {
    vm,
    vmi,
    pods: [pod],
    nads: byKind<NetworkAttachmentDefinition>(objs, 'NetworkAttachmentDefinition'),
    nncps: byKind<NodeNetworkConfigurationPolicy>(objs, 'NodeNetworkConfigurationPolicy'),
    udns: [],
    cudns: [],
    namespace: { kind: 'Namespace', metadata: { name: 'llm-demo' } },
  };
};

/** kubevirt.io blog: masquerade pod NIC + OVN layer2 secondary NAD, with its VMI status. */
export const layer2SecondaryInput = (): NetworkingInput => {
  const objs = field('kv-layer2-secondary-plus-masquerade.nad-vm.yaml');
  const [vm] = byKind<VirtualMachine>(objs, 'VirtualMachine');
  const status = JSON.parse(
    readShared('examples/field/kv-layer2-secondary-plus-masquerade.vmi-status-interfaces.json'),
  );
  const persistedVm = persisted(vm, 'default');
  return {
    vm: persistedVm,
    vmi: {
      kind: 'VirtualMachineInstance',
      metadata: { name: vm.metadata!.name, namespace: 'default', uid: 'vmi-uid' },
      spec: clone(vm.spec!.template!.spec!),
      status: {
        phase: 'Running',
        conditions: [{ type: 'AgentConnected', status: 'True' }] as never,
        interfaces: status as never,
      },
    },
    pods: [],
    nads: byKind<NetworkAttachmentDefinition>(objs, 'NetworkAttachmentDefinition'),
    udns: [],
    cudns: [],
    namespace: { kind: 'Namespace', metadata: { name: 'default' } },
  };
};

/** FOSDEM demo: a namespaced primary Layer2 UDN in `green` and a CUDN selecting red/blue namespaces. */
export const fosdemObjects = () => {
  const objs = field('fosdem-primary-udn-l2bridge.udn-cudn-vms.yaml');
  return {
    namespaces: byKind<Namespace>(objs, 'Namespace'),
    cudns: byKind<ClusterUserDefinedNetwork>(objs, 'ClusterUserDefinedNetwork'),
    udns: byKind<UserDefinedNetwork>(objs, 'UserDefinedNetwork'),
    vms: byKind<VirtualMachine>(objs, 'VirtualMachine'),
  };
};

/** vm-a in `green` (not in the file as an object: labelled like the file's other namespaces). */
export const fosdemGreenInput = (): NetworkingInput => {
  const f = fosdemObjects();
  const green = clone(f.namespaces[0]);
  green.metadata!.name = 'green';
  return {
    vm: persisted(f.vms[0], 'green'),
    vmi: null,
    pods: [],
    nads: [],
    udns: f.udns,
    cudns: f.cudns,
    namespace: green,
  };
};

export const load = field;
