import * as path from 'path';
import { readManifestFile } from '../../../test-support/manifests';
import type { K8sObject } from '../k8s/types';
import { buildNetworkingModel } from './interface-model';
import type { NetworkingInput } from './types';
import { wiringOf } from './wiring';

const demo = (file: string) =>
  readManifestFile(path.resolve(__dirname, '../../../preview/fixtures/demo', file));

const inputOf = (objects: K8sObject[]): NetworkingInput => {
  const of = (kind: string) => objects.filter((o) => o.kind === kind);
  return {
    vm: of('VirtualMachine')[0],
    vmi: of('VirtualMachineInstance')[0] ?? null,
    pods: of('Pod'),
    nads: of('NetworkAttachmentDefinition'),
    udns: of('UserDefinedNetwork'),
    cudns: of('ClusterUserDefinedNetwork'),
    namespace: of('Namespace')[0],
    nncps: of('NodeNetworkConfigurationPolicy'),
  } as NetworkingInput;
};

describe('wiringOf', () => {
  it('draws the localnet NIC from the guest to its node bridge and VLAN, linking each object', () => {
    const model = buildNetworkingModel(inputOf(demo('04-vm-localnet-vlan1924.yaml')));
    const lane = wiringOf(model).find((l) => l.interfaceName === 'nic-vlan-1924')!;
    const [guest, binding, pod, network, node] = lane.nodes;
    expect(guest.ref?.kind).toBe('VirtualMachineInstance');
    expect(binding.title).toBe('bridge');
    expect(pod.title).toBe('pod16711a0a730');
    expect(pod.lines).toEqual(expect.arrayContaining(['k6t-16711a0a730', 'tap16711a0a730']));
    expect(pod.ref).toMatchObject({ kind: 'Pod', namespace: 'demo-vm-localnet' });
    expect(network.ref).toMatchObject({
      kind: 'NetworkAttachmentDefinition',
      name: 'demo-vlan-1924',
    });
    expect(node.title).toBe('br-vmdata');
    expect(node.lines).toContainEqual({ message: 'VLAN {{id}}', params: { id: 1924 } });
    expect(node.ref?.kind).toBe('NodeNetworkConfigurationPolicy');
    expect(node.status).toBe('ok');
  });

  it('marks a localnet that no node maps', () => {
    const objects = demo('04-vm-localnet-vlan1924.yaml').filter(
      (o) => o.kind !== 'NodeNetworkConfigurationPolicy',
    );
    const model = buildNetworkingModel(inputOf(objects));
    const node = wiringOf(model).find((l) => l.interfaceName === 'nic-vlan-1924')!.nodes[4];
    expect(node.status).toBe('warning');
    expect(node.note?.message).toMatch(/No node maps/);
  });

  it('says the mapping is not known where no NMState list could be read (not "no node maps")', () => {
    const objects = demo('04-vm-localnet-vlan1924.yaml');
    const model = buildNetworkingModel({ ...inputOf(objects), nncps: undefined });
    const node = wiringOf(model).find((l) => l.interfaceName === 'nic-vlan-1924')!.nodes[4];
    expect(node).toMatchObject({ title: '?', status: 'unknown' });
    expect(node.note?.message).toMatch(/^Not known/);
  });

  it('draws a Linux bridge NIC on its bridge and VLAN, and the pod network through OVN', () => {
    const model = buildNetworkingModel(inputOf(demo('05-vm-linux-bridge-vlan33.yaml')));
    const lanes = wiringOf(model);
    const bridged = lanes.find((l) => l.interfaceName === 'nic-add1')!;
    expect(bridged.nodes[4]).toMatchObject({ title: 'br-trunk', lines: [{ params: { id: 33 } }] });
    const pod = lanes.find((l) => l.interfaceName === 'default')!;
    expect(pod.nodes[1].title).toBe('masquerade');
    expect(pod.nodes[4].title).toMatchObject({ message: 'OVN (cluster network)' });
  });

  it('links no instance or pod for a stopped VM', () => {
    const objects = demo('01-vm-pod-masquerade.yaml').filter(
      (o) => o.kind !== 'VirtualMachineInstance' && o.kind !== 'Pod',
    );
    const lane = wiringOf(buildNetworkingModel(inputOf(objects)))[0];
    expect(lane.nodes[0].ref).toBeUndefined();
    expect(lane.nodes[2].ref).toBeUndefined();
  });

  it('claims no trunk for a Linux bridge NAD without a VLAN; only vlanTrunk makes one', () => {
    const withConfig = (change: (c: Record<string, unknown>) => void) =>
      demo('05-vm-linux-bridge-vlan33.yaml').map((o) => {
        if (o.kind !== 'NetworkAttachmentDefinition') return o;
        const nad = o as K8sObject & { spec: { config: string } };
        const config = JSON.parse(nad.spec.config);
        change(config.plugins ? config.plugins[0] : config);
        return { ...nad, spec: { config: JSON.stringify(config) } };
      });
    const nodeOf = (objects: K8sObject[]) =>
      wiringOf(buildNetworkingModel(inputOf(objects))).find((l) => l.interfaceName === 'nic-add1')!
        .nodes[4];
    const untagged = nodeOf(withConfig((c) => delete c.vlan));
    expect(untagged.title).toBe('br-trunk');
    expect(untagged.lines).toEqual([]);
    const trunk = nodeOf(
      withConfig((c) => {
        delete c.vlan;
        c.vlanTrunk = [{ minID: 100, maxID: 200 }];
      }),
    );
    expect(trunk.lines).toEqual([{ message: 'VLAN trunk' }]);
  });
});
