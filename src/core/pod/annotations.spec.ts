/** @jest-environment node */
import { loadSharedObjects } from '../../../test-support/shared';
import type { Pod, VirtualMachineInstance } from '../k8s/types';
import {
  ovnAddressesOf,
  parseNetworksAnnotation,
  parseNetworkStatus,
  parseOvnPodNetworks,
} from './annotations';
import { findLauncherPods } from './launcher';

const wzPod = () =>
  loadSharedObjects<Pod>('examples/field/wz-localnet-brex.virt-launcher-pod.yaml')[0];

describe('launcher pod annotations', () => {
  it('parse the wz launcher pod', () => {
    const pod = wzPod();
    const status = parseNetworkStatus(pod);
    expect(status && 'value' in status && status.value.map((s) => s.interface)).toEqual([
      'eth0',
      'podffec3d98bf3',
    ]);
    const sel = parseNetworksAnnotation(pod);
    expect(sel && 'value' in sel && sel.value[0]).toMatchObject({
      name: 'llm-demo-localnet-network',
      interface: 'podffec3d98bf3',
    });
    const ovn = parseOvnPodNetworks(pod);
    expect(ovn && 'value' in ovn && ovnAddressesOf(ovn.value.default)).toEqual(['10.132.0.78/23']);
  });
  it('read the text form of the networks annotation (epheo VM template)', () => {
    const vm = loadSharedObjects('examples/field/epheo-localnet-brex.nad-vm-mnp.yaml').find(
      (o) => o.kind === 'VirtualMachine',
    ) as { spec: { template: Pod } };
    const sel = parseNetworksAnnotation(vm.spec.template);
    expect(sel).toEqual({
      value: [{ name: 'br-ex-network', namespace: 'default' }],
      raw: 'default/br-ex-network',
    });
  });
  it('return the raw text and the error for malformed JSON', () => {
    const pod = wzPod();
    pod.metadata!.annotations!['k8s.ovn.org/pod-networks'] = '{"default":';
    const r = parseOvnPodNetworks(pod);
    expect(r).toEqual({ error: expect.any(String), raw: '{"default":' });
    expect(parseNetworkStatus({ metadata: {} })).toBeUndefined();
  });
  it('find the active launcher pod by the VMI UID', () => {
    const pod = wzPod();
    const uid = pod.metadata!.labels!['kubevirt.io/created-by'];
    const vmi = {
      metadata: { uid },
      status: { nodeName: 'master-01-demo' },
    } as VirtualMachineInstance;
    expect(findLauncherPods([pod], 'x', vmi).active).toBe(pod);
    expect(
      findLauncherPods([pod], 'x', { metadata: { uid: 'other' } } as VirtualMachineInstance).active,
    ).toBeUndefined();
  });
});
