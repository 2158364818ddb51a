import { specInterfacesOf, bindingOf, parseNetworkName } from './vm-spec';
import type { VirtualMachine } from '../k8s/types';
import { loadSharedObjects } from '../../../test-support/shared';

const loadVMs = (...rel: string[]): VirtualMachine[] =>
  loadSharedObjects<VirtualMachine>(...rel).filter((o) => o.kind === 'VirtualMachine');

describe('specInterfacesOf', () => {
  it('reads a localnet VM with a fixed MAC and no pod network (wz field test)', () => {
    const [vm] = loadVMs('examples', 'field', 'wz-localnet-brex.vm.yaml');
    const rows = specInterfacesOf(vm);
    expect(rows).toHaveLength(1);
    expect(rows[0].binding).toEqual({ name: 'bridge', source: 'core' });
    expect(rows[0].network).toMatchObject({
      kind: 'multus',
      nadName: 'llm-demo-localnet-network',
      nadNamespace: 'llm-demo',
    });
    expect(rows[0].macAddress).toBe('02:00:a3:00:00:01');
  });

  it('shows binding plugins by their own name, as written', () => {
    expect(bindingOf({ name: 'default', binding: { name: 'l2bridge' } })).toEqual({
      name: 'l2bridge',
      source: 'plugin',
    });
    expect(bindingOf({ name: 'x', binding: { name: 'my-sidecar' } }).name).toBe('my-sidecar');
    expect(bindingOf({ name: 'x', masquerade: {} })).toEqual({
      name: 'masquerade',
      source: 'core',
    });
    expect(bindingOf({ name: 'x', sriov: {} }).name).toBe('sriov');
    expect(bindingOf({ name: 'x' })).toEqual({ name: 'bridge', source: 'default' });
  });

  it('splits namespaced network names and defaults bare ones to the VM namespace', () => {
    expect(parseNetworkName('default/vlan-1924', 'demo')).toEqual({
      namespace: 'default',
      name: 'vlan-1924',
    });
    expect(parseNetworkName('vlan-1924', 'demo')).toEqual({ namespace: 'demo', name: 'vlan-1924' });
  });
});
