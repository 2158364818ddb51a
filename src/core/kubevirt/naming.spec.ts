/** @jest-environment node */
import { parse } from 'yaml';
import { loadSharedObjects, readShared } from '../../../test-support/shared';
import type { Pod, VirtualMachine } from '../k8s/types';
import {
  hashedPodInterfaceName,
  namingSchemeOf,
  podDevicesFor,
  podInterfaceNames,
  primaryPodInterfaceName,
} from './naming';

/** The networks a demo-cni kustomization adds to its VM with JSON-patch `add` ops. */
const addedNetworkNames = (kustomization: string): string[] => {
  const k = parse(readShared('examples/demo-cni/demos', kustomization, 'kustomization.yaml'));
  const ops = parse(k.patches[0].patch) as { op: string; path: string; value: { name: string } }[];
  return ops.filter((o) => o.path === '/spec/template/spec/networks/-').map((o) => o.value.name);
};

/** Device names in an `ip link` capture (`3: 16711a0a730-nic@if608: <…>`). */
const capturedDevices = (file: string): Set<string> =>
  new Set(
    [...readShared('examples/demo-cni/captured', file).matchAll(/^\d+: ([^:@\s]+)[@:]/gm)].map(
      (m) => m[1],
    ),
  );

describe('hashed pod interface names', () => {
  it('match the secondary UDN NIC seen in the demo-cni launcher capture', () => {
    const [network] = addedNetworkNames('vm-secondary-udn');
    expect(network).toBe('secondary-udn');
    const name = hashedPodInterfaceName(network);
    expect(name).toBe('pod2eae7330186');
    expect(capturedDevices('vm-primary-plus-secondary-udn.virt-launcher.ip.txt').has(name)).toBe(
      true,
    );
  });

  it('match the localnet VLAN 1924 NIC seen in the demo-cni launcher capture', () => {
    const [network] = addedNetworkNames('vm-localnet');
    const name = hashedPodInterfaceName(network);
    expect(name).toBe('pod16711a0a730');
    expect(capturedDevices('vm-localnet-vlan1924.virt-launcher.ip.txt').has(name)).toBe(true);
  });

  it('match the wz blog launcher pod, hashed from the VM network name and not the NAD name', () => {
    const [vm] = loadSharedObjects<VirtualMachine>('examples/field/wz-localnet-brex.vm.yaml');
    const [pod] = loadSharedObjects<Pod>('examples/field/wz-localnet-brex.virt-launcher-pod.yaml');
    const network = vm.spec!.template!.spec!.networks![0];
    const status = JSON.parse(pod.metadata!.annotations!['k8s.v1.cni.cncf.io/network-status']);
    const nadEntry = status.find((s: { name: string }) => s.name.includes('/'));
    expect(hashedPodInterfaceName(network.name)).toBe(nadEntry.interface);
    expect(hashedPodInterfaceName(network.multus!.networkName)).not.toBe(nadEntry.interface);
  });

  it('are 14 characters so that the -nic and tap forms fit IFNAMSIZ', () => {
    expect(hashedPodInterfaceName('a-very-long-network-name-that-goes-on')).toHaveLength(14);
  });
});

describe('naming scheme and primary name', () => {
  it('is ordinal when network-status shows net1 (ovn-k UDN pod capture)', () => {
    const [pod] = loadSharedObjects<Pod>(
      'examples/field/ovnk-udn-primary-secondary.pod-annotations.yaml',
    );
    const status = JSON.parse(pod.metadata!.annotations!['k8s.v1.cni.cncf.io/network-status']);
    expect(namingSchemeOf(status.map((s: { interface: string }) => s.interface))).toBe('ordinal');
    const def = status.find((s: { default?: boolean }) => s.default);
    expect(primaryPodInterfaceName(def.interface)).toBe('ovn-udn1');
  });

  it('is hashed for the wz launcher pod and eth0 by default', () => {
    const [pod] = loadSharedObjects<Pod>('examples/field/wz-localnet-brex.virt-launcher-pod.yaml');
    const status = JSON.parse(pod.metadata!.annotations!['k8s.v1.cni.cncf.io/network-status']);
    expect(namingSchemeOf(status.map((s: { interface: string }) => s.interface))).toBe('hashed');
    expect(primaryPodInterfaceName(undefined)).toBe('eth0');
  });

  it('numbers only secondary networks, in spec order', () => {
    const names = podInterfaceNames(
      [
        { name: 'a', primary: false },
        { name: 'default', primary: true },
        { name: 'b', primary: false },
      ],
      'ordinal',
      'eth0',
    );
    expect([...names.values()]).toEqual(['net1', 'eth0', 'net2']);
  });
});

describe('pod devices per binding', () => {
  it('are all present in the primary+secondary UDN launcher capture', () => {
    const devices = capturedDevices('vm-primary-plus-secondary-udn.virt-launcher.ip.txt');
    const primary = podDevicesFor('l2bridge', 'ovn-udn1', true).map((d) => d.name);
    const secondary = podDevicesFor('bridge', 'pod2eae7330186', false).map((d) => d.name);
    expect(primary).toEqual(['ovn-udn1', 'ovn-udn1-nic', 'k6t-ovn-udn1', 'tap0']);
    expect(secondary).toEqual([
      'pod2eae7330186',
      '2eae7330186-nic',
      'k6t-2eae7330186',
      'tap2eae7330186',
    ]);
    for (const d of [...primary, ...secondary]) expect(devices.has(d)).toBe(true);
  });

  it('for masquerade are eth0, k6t-eth0 and tap0 as captured', () => {
    const devices = capturedDevices('vm-pod-masquerade.virt-launcher.ip.txt');
    const names = podDevicesFor('masquerade', 'eth0', true).map((d) => d.name);
    expect(names).toEqual(['eth0', 'k6t-eth0', 'tap0']);
    for (const d of names) expect(devices.has(d)).toBe(true);
    expect(
      readShared('examples/demo-cni/captured/vm-pod-masquerade.virt-launcher.ip.txt'),
    ).toContain(podDevicesFor('masquerade', 'eth0', true)[1].address);
  });

  it('keep ordinal names readable (net1 → k6t-net1, tap1)', () => {
    expect(podDevicesFor('bridge', 'net1', false).map((d) => d.name)).toEqual([
      'net1',
      'net1-nic',
      'k6t-net1',
      'tap1',
    ]);
  });
});
