/** The VirtualMachine of a plan (kubevirt.io/v1), valid against KubeVirt's VM schema. */
import type {
  V1Interface,
  V1Network,
  V1VirtualMachine,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import type { VirtualMachine } from '../k8s/types';
import { bindingFields } from './binding';
import { normalizeMac } from './mac';
import type { PlanInterface, PlanNetwork, VMPlan } from './types';

export const ROOT_DISK = 'rootdisk';

/** `nad` in the VM's own namespace, `ns/nad` elsewhere (KubeVirt assumes the VM namespace). */
export const multusNetworkName = (network: PlanNetwork, vmNamespace: string): string =>
  network.kind === 'pod'
    ? ''
    : network.namespace === vmNamespace
      ? network.name
      : `${network.namespace}/${network.name}`;

export const interfaceOf = (iface: PlanInterface): V1Interface => {
  const out: V1Interface = {
    name: iface.name,
    ...bindingFields(iface.binding),
    model: iface.model,
  };
  const mac = iface.macAddress ? normalizeMac(iface.macAddress) : undefined;
  if (mac) out.macAddress = mac;
  // Empty means up; SR-IOV has no link state.
  if (iface.linkState === 'down' && iface.binding !== 'sriov') {
    (out as V1Interface & { state?: string }).state = 'down';
  }
  return out;
};

export const networkOf = (iface: PlanInterface, vmNamespace: string): V1Network =>
  iface.network.kind === 'pod'
    ? { name: iface.name, pod: {} }
    : { name: iface.name, multus: { networkName: multusNetworkName(iface.network, vmNamespace) } };

export const rootDataVolumeName = (plan: VMPlan) => `${plan.name}-${ROOT_DISK}`;

export const generateVM = (plan: VMPlan): VirtualMachine => {
  const spec: V1VirtualMachine['spec'] = {
    runStrategy: plan.runStrategy,
    template: {
      metadata: { labels: { 'kubevirt.io/domain': plan.name } },
      spec: {
        domain: { devices: {} },
        networks: plan.interfaces.map((i) => networkOf(i, plan.namespace)),
        volumes: [],
      },
    },
  };
  const tmpl = spec.template.spec!;
  const devices = tmpl.domain.devices;
  devices.interfaces = plan.interfaces.map(interfaceOf);
  // Without interfaces KubeVirt would add a masquerade pod NIC on its own; the plan says none.
  if (!plan.interfaces.length) devices.autoattachPodInterface = false;

  if (plan.compute.kind === 'instancetype') {
    spec.instancetype = {
      kind: 'VirtualMachineClusterInstancetype',
      name: plan.compute.instancetype,
    };
  } else {
    tmpl.domain.cpu = { cores: plan.compute.cpu, sockets: 1, threads: 1 };
    tmpl.domain.memory = { guest: plan.compute.memory };
  }
  if (plan.preference) {
    spec.preference = { kind: 'VirtualMachineClusterPreference', name: plan.preference };
  } else {
    // A preference picks the disk bus; without one, say virtio.
    devices.disks = [{ name: ROOT_DISK, disk: { bus: 'virtio' } }];
  }

  if (plan.boot.kind === 'dataSource') {
    const dv = rootDataVolumeName(plan);
    spec.dataVolumeTemplates = [
      {
        metadata: { name: dv },
        spec: {
          sourceRef: { kind: 'DataSource', name: plan.boot.name, namespace: plan.boot.namespace },
          storage: plan.boot.storage
            ? { resources: { requests: { storage: plan.boot.storage } } }
            : {},
        },
      },
    ];
    tmpl.volumes!.push({ name: ROOT_DISK, dataVolume: { name: dv } });
  } else {
    tmpl.volumes!.push({ name: ROOT_DISK, containerDisk: { image: plan.boot.image } });
  }

  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name: plan.name, namespace: plan.namespace, labels: { app: plan.name } },
    spec,
  } as VirtualMachine;
};

/**
 * The VM as a draft the Networking model renders: no uid, resourceVersion or creationTimestamp, so
 * `buildNetworkingModel` treats it as unsaved and lists what must be created first.
 */
export const draftVM = (plan: VMPlan): VirtualMachine => {
  const vm = generateVM(plan);
  // Names are needed for the rows; an empty name must not look like a created object either.
  vm.metadata = { ...vm.metadata, name: plan.name || 'new-vm' };
  return vm;
};
