/**
 * The details page's connected-VM data when it cannot know the answer: a ClusterUserDefinedNetwork
 * (from ../shared/examples) whose namespaces cannot be listed reports that, and never "no VMs";
 * VM lists are "not loaded" until it is known which namespaces to read.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as React from 'react';
import { render } from '@testing-library/react';
import { parse } from 'yaml';
import * as mock from '../../../__mocks__/@openshift-console/dynamic-plugin-sdk';
import { useVmsOf } from '../networks-page/useNetworkList';
import { useNetworkDetails } from './useNetworkDetails';

const CUDN = parse(
  fs.readFileSync(
    path.resolve(
      __dirname,
      '../../../../shared/examples/demo-autofs/components/localnet-1924/clusteruserdefinednetwork.yaml',
    ),
    'utf8',
  ),
);

const namespace = (name: string, labels: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels },
});

const vm = (ns: string, name: string) => ({
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: { name, namespace: ns },
  spec: {
    template: {
      spec: {
        domain: { devices: { interfaces: [{ name: 'nic-1', bridge: {} }] } },
        networks: [{ name: 'nic-1', multus: { networkName: CUDN.metadata.name } }],
      },
    },
  },
});

/** The hook's latest value, rendered in a component (this React's testing library has no renderHook). */
const renderHook = <T>(use: () => T) => {
  const result = { current: undefined as unknown as T };
  const Probe = () => {
    result.current = use();
    return null;
  };
  render(React.createElement(Probe));
  return { result };
};

const route = { kind: 'ClusterUserDefinedNetwork' as const, name: CUDN.metadata.name };

describe('useNetworkDetails: connected VMs of a ClusterUserDefinedNetwork', () => {
  it('finds the VMs of the namespaces its selector matches', () => {
    mock.__setMockResources([
      CUDN,
      namespace('vlan-a', { 'vlan-1924': '' }),
      namespace('other', {}),
      vm('vlan-a', 'vm-a'),
      vm('other', 'vm-other'),
    ]);
    const { result } = renderHook(() => useNetworkDetails(route));
    expect(result.current.reachError).toBeUndefined();
    expect(result.current.reached).toEqual(['vlan-a']);
    expect(result.current.vms.loaded).toBe(true);
    expect(result.current.row?.connected.map((c) => c.vmName)).toEqual(['vm-a']);
  });

  it('says the namespaces could not be read instead of "no VM", when listing them is forbidden', () => {
    const forbidden = mock.__statusError(403, 'Forbidden', 'namespaces is forbidden');
    mock.__setMockResources([CUDN, vm('vlan-a', 'vm-a')], { Namespace: forbidden });
    const { result } = renderHook(() => useNetworkDetails(route));
    expect(result.current.reachError).toBe(forbidden);
    expect(result.current.reached).toEqual([]);
    expect(result.current.row?.connected).toEqual([]);
  });
});

describe('useVmsOf', () => {
  it('is not loaded while the namespaces to read are not known, and loaded for none', () => {
    mock.__setMockResources([vm('a', 'vm-a')]);
    const unknown = renderHook(() => useVmsOf(undefined, false));
    expect(unknown.result.current.loaded).toBe(false);
    expect(unknown.result.current.vms).toEqual([]);
    const none = renderHook(() => useVmsOf([], false));
    expect(none.result.current.loaded).toBe(true);
    const one = renderHook(() => useVmsOf(['a'], true));
    expect(one.result.current.loaded).toBe(true);
    expect(one.result.current.vms.map((v) => v.metadata?.name)).toEqual(['vm-a']);
  });
});
