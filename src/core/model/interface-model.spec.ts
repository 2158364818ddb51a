/** @jest-environment node */
import { loadSharedObjects } from '../../../test-support/shared';
import type { Pod, VirtualMachine } from '../k8s/types';
import { buildNetworkingModel } from './interface-model';
import { MESSAGES } from './messages';
import { networkingWatchesFor, foreignNadRefs } from './watches';
import {
  clone,
  fosdemGreenInput,
  fosdemObjects,
  layer2SecondaryInput,
  wzInput,
} from './__fixtures__/field';

describe('buildNetworkingModel on the wz localnet VM and its real launcher pod', () => {
  const model = buildNetworkingModel(wzInput());
  const [row] = model.interfaces;

  it('finds the launcher pod and the running state with the guest agent', () => {
    expect(model.state).toBe('running');
    expect(model.launcher.active?.metadata?.name).toBe(
      'virt-launcher-centos-stream9-gold-rabbit-80-nml27',
    );
    expect(model.guestAgentConnected).toBe(true);
    expect(model.namingScheme).toBe('hashed');
  });

  it('computes the pod interface and matches the network-status entry', () => {
    expect(row.pod.expectedInterface).toBe('podffec3d98bf3');
    expect(row.pod.reportedInterface).toBe('podffec3d98bf3');
    expect(row.pod.matches).toBe(true);
    expect(row.pod.devices.map((d) => d.name)).toEqual([
      'podffec3d98bf3',
      'ffec3d98bf3-nic',
      'k6t-ffec3d98bf3',
      'tapffec3d98bf3',
    ]);
    expect(row.pod.ovnKey).toBe('llm-demo/llm-demo-localnet-network');
    expect(row.pod.ips).toEqual([]);
    expect(row.raw.networkSelection?.mac).toBe('02:00:a3:00:00:01');
  });

  it('resolves the localnet NAD by its config name to the br-ex mapping', () => {
    expect(row.network.kind).toBe('nad');
    expect(row.network.topology).toBe('localnet');
    expect(row.network.networkName).toBe('localnet-cnv');
    expect(row.network.physicalNetworkName).toBe('localnet-cnv');
    expect(row.network.nodeBridges.map((b) => [b.bridge, b.from.name])).toEqual([
      ['br-ex', 'mapping'],
    ]);
    expect(row.network.bridge).toBe('br-ex');
    expect(row.network.ipam.enabled).toBe(false);
    expect(row.network.refs[0]).toMatchObject({
      kind: 'NetworkAttachmentDefinition',
      namespace: 'llm-demo',
      name: 'llm-demo-localnet-network',
    });
    expect(row.raw.nadConfig).toContain('"topology":"localnet"');
  });

  it('explains the bridge binding without IPAM and keeps MACs apart', () => {
    expect(row.binding.name).toBe('bridge');
    expect(row.binding.meaning.message).toBe(MESSAGES.bridgeSecondaryNoIpam);
    expect(row.guest.mac).toEqual({
      configured: '02:00:a3:00:00:01',
      reported: '02:00:a3:00:00:01',
      pod: '02:00:a3:00:00:01',
    });
    expect(row.guest.model).toEqual({ value: 'virtio', defaulted: false });
  });

  it('reports malformed annotations as notes with the raw text kept, never throwing', () => {
    const input = wzInput();
    const pod = clone((input.pods as Pod[])[0]);
    pod.metadata!.annotations!['k8s.v1.cni.cncf.io/network-status'] = '[{"name": "ovn-kubernetes",';
    input.pods = [pod];
    const broken = buildNetworkingModel(input);
    expect(broken.interfaces[0].notes.map((n) => n.message)).toContain(MESSAGES.annotationError);
    expect(broken.interfaces[0].pod.expectedInterface).toBe('podffec3d98bf3');
  });

  it('marks a forbidden NAD list on the row and in problems', () => {
    const input = wzInput();
    input.nads = { error: 'forbidden', forbidden: true };
    const m = buildNetworkingModel(input);
    expect(m.interfaces[0].network.kind).toBe('unknown');
    expect(m.interfaces[0].notes.map((n) => n.message)).toContain(MESSAGES.forbidden);
    expect(m.problems).toEqual([
      { resource: 'NetworkAttachmentDefinition', error: 'forbidden', forbidden: true },
    ]);
  });

  it('says when the pod is missing', () => {
    const input = wzInput();
    input.pods = [];
    const m = buildNetworkingModel(input);
    expect(m.stateMessages.map((s) => s.message)).toContain(MESSAGES.podMissing);
    expect(m.interfaces[0].pod.reportedInterface).toBeUndefined();
  });
});

describe('buildNetworkingModel on masquerade + OVN layer2 secondary (kubevirt.io blog)', () => {
  const model = buildNetworkingModel(layer2SecondaryInput());
  const [def, l2] = model.interfaces;

  it('states the masquerade facts and the pod IP the VMI reports', () => {
    expect(def.network.kind).toBe('pod-network');
    expect(def.binding.facts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'guestAddress', value: '10.0.2.2/24' }),
        expect.objectContaining({ id: 'guestGateway', value: '10.0.2.1' }),
      ]),
    );
    expect(def.guest.ips.map((i) => [i.address, i.source])).toEqual([
      ['10.244.2.8', 'guest-agent'],
    ]);
    expect(def.guest.model).toEqual({ value: 'virtio', defaulted: true });
    expect(def.pod.expectedInterface).toBe('eth0');
    expect(def.pod.devices.map((d) => d.name)).toEqual(['eth0', 'k6t-eth0', 'tap0']);
  });

  it('keeps link-local addresses apart and resolves the layer2 NAD', () => {
    expect(l2.guest.ips.map((i) => i.address)).toEqual(['192.0.2.20']);
    expect(l2.guest.linkLocal.map((i) => i.address)).toEqual(['fe80::7cab:88ff:fe5b:39f']);
    expect(l2.network).toMatchObject({
      kind: 'nad',
      topology: 'layer2',
      networkName: 'l2-network',
      role: 'secondary',
    });
    expect(l2.pod.expectedInterface).toMatch(/^pod[0-9a-f]{11}$/);
  });

  it('derives hot-plug states from the VM and VMI specs', () => {
    const input = layer2SecondaryInput();
    const vmi = input.vmi as { spec: { domain: { devices: { interfaces: unknown[] } } } };
    vmi.spec.domain.devices.interfaces = vmi.spec.domain.devices.interfaces.slice(0, 1);
    expect(buildNetworkingModel(input).interfaces[1].guest.hotplug).toBe('pending-migration');
    (input.vm.status ??= {}).conditions = [{ type: 'RestartRequired', status: 'True' }] as never;
    expect(buildNetworkingModel(input).interfaces[1].guest.hotplug).toBe('pending-restart');
    const unplug = layer2SecondaryInput();
    (unplug.vm.spec!.template!.spec!.domain.devices.interfaces![1] as { state?: string }).state =
      'absent';
    expect(buildNetworkingModel(unplug).interfaces[1].guest.hotplug).toBe('absent');
  });

  it('is "stopped" without an instance and shows the spec only', () => {
    const input = layer2SecondaryInput();
    input.vmi = null;
    input.vm.spec!.runStrategy = 'Halted';
    const m = buildNetworkingModel(input);
    expect(m.state).toBe('stopped');
    expect(m.interfaces[1].guest.ips).toEqual([]);
    expect(m.interfaces[1].pod.reportedInterface).toBeUndefined();
  });
});

describe('buildNetworkingModel on primary user-defined networks (FOSDEM demo)', () => {
  it('resolves pod: {} in a labelled namespace to its primary Layer2 UDN, gateway first host', () => {
    const m = buildNetworkingModel(fosdemGreenInput());
    const [row] = m.interfaces;
    expect(row.network.kind).toBe('primary-udn');
    expect(row.network.subnets).toEqual(['192.192.0.0/16']);
    expect(row.network.gateways).toEqual(['192.192.0.1']);
    expect(row.network.ipam).toEqual({ enabled: true, lifecycle: 'Persistent' });
    expect(row.binding.name).toBe('l2bridge');
    expect(row.network.refs[0]).toMatchObject({
      kind: 'UserDefinedNetwork',
      namespace: 'green',
      name: 'namespace-scoped',
    });
  });

  it('selects the CUDN for red-namespace through matchExpressions on the namespace name', () => {
    const f = fosdemObjects();
    const vm = clone(f.vms[1]) as VirtualMachine;
    vm.metadata = { ...vm.metadata, namespace: 'red-namespace', uid: 'u' };
    const m = buildNetworkingModel({
      vm,
      vmi: null,
      udns: [],
      cudns: f.cudns,
      nads: [],
      namespace: f.namespaces[0],
    });
    expect(m.interfaces[0].network.kind).toBe('primary-cudn');
    expect(m.interfaces[0].network.subnets).toEqual(['203.203.0.0/16']);
  });

  it('lists what a draft needs first when the namespace has no primary UDN yet', () => {
    const input = fosdemGreenInput();
    input.vm.metadata = { name: 'vm-a', namespace: 'green' };
    input.udns = [];
    const m = buildNetworkingModel(input);
    expect(m.state).toBe('draft');
    expect(m.createFirst).toEqual([
      expect.objectContaining({ kind: 'UserDefinedNetwork', namespace: 'green' }),
    ]);
  });
});

describe('watches', () => {
  it('are scoped to the VM and open no cluster-wide pod or VM list', () => {
    const [vm] = loadSharedObjects<VirtualMachine>('examples/field/wz-localnet-brex.vm.yaml');
    const w = networkingWatchesFor(vm);
    expect(w.find((x) => x.model === 'Pod')).toMatchObject({
      namespace: 'llm-demo',
      selector: {
        matchLabels: {
          'kubevirt.io': 'virt-launcher',
          'vm.kubevirt.io/name': 'centos-stream9-gold-rabbit-80',
        },
      },
    });
    expect(
      w.filter((x) => x.model === 'Pod' || x.model === 'VirtualMachine').every((x) => x.namespace),
    ).toBe(true);
    expect(w.find((x) => x.model === 'VirtualMachineInstance')?.name).toBe(
      'centos-stream9-gold-rabbit-80',
    );
  });

  it('fetch NADs in other namespaces by name', () => {
    const vm = loadSharedObjects<VirtualMachine>(
      'examples/field/epheo-localnet-brex.nad-vm-mnp.yaml',
    ).find((o) => o.kind === 'VirtualMachine')!;
    expect(foreignNadRefs(vm)).toEqual([{ namespace: 'default', name: 'br-ex-network' }]);
  });
});
