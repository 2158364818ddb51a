/**
 * The tab's requests: all started together from what the VM's spec says, cluster-scoped node-side
 * lists (NNCPs, NodeNetworkStates) only when a NIC can sit on a node bridge, none listed twice.
 */
import { render } from '@testing-library/react';
import * as path from 'path';
import * as React from 'react';
import {
  __setMockResources,
  __watched,
} from '../../../__mocks__/@openshift-console/dynamic-plugin-sdk';
import { readManifestFile } from '../../../test-support/manifests';
import type { K8sObject, NetworkAttachmentDefinition, VirtualMachine } from '../../core/k8s/types';
import type { NetworkingInput } from '../../core/model/types';
import { networkingWatchPlan, useNetworkingInputs } from './useNetworkingInputs';

const demo = (file: string) =>
  readManifestFile(path.resolve(__dirname, '../../../preview/fixtures/demo', file));
const vmOf = (objects: K8sObject[]) =>
  objects.find((o) => o.kind === 'VirtualMachine') as VirtualMachine;
const nadsOf = (objects: K8sObject[]) =>
  objects.filter((o) => o.kind === 'NetworkAttachmentDefinition') as NetworkAttachmentDefinition[];
const keys = (vm: VirtualMachine, nads?: NetworkAttachmentDefinition[]) =>
  networkingWatchPlan(vm, nads).map((w) => w.key);

describe('networkingWatchPlan', () => {
  it('asks a localnet VM for NodeNetworkStates and NNCPs before any NAD has arrived', () => {
    const objects = demo('04-vm-localnet-vlan1924.yaml');
    expect(keys(vmOf(objects))).toEqual(
      expect.arrayContaining(['vmi', 'pods', 'nads', 'nncps', 'nodeNetworkStates']),
    );
    expect(keys(vmOf(objects), nadsOf(objects))).toContain('nodeNetworkStates');
  });

  it('keeps them for a Linux bridge NIC', () => {
    const objects = demo('05-vm-linux-bridge-vlan33.yaml');
    expect(keys(vmOf(objects), nadsOf(objects))).toEqual(
      expect.arrayContaining(['nncps', 'nodeNetworkStates']),
    );
  });

  it('never lists them for the pod network or a primary UDN', () => {
    for (const file of ['01-vm-pod-masquerade.yaml', '02-vm-primary-udn-l2bridge.yaml']) {
      const plan = keys(vmOf(demo(file)));
      expect(plan).not.toContain('nncps');
      expect(plan).not.toContain('nodeNetworkStates');
    }
  });

  it('drops them once the NADs show the bridge-bound NIC is on an overlay (secondary UDN)', () => {
    const objects = demo('03-vm-primary-plus-secondary-udn.yaml');
    expect(keys(vmOf(objects))).toContain('nodeNetworkStates');
    expect(keys(vmOf(objects), nadsOf(objects))).not.toContain('nodeNetworkStates');
    expect(keys(vmOf(objects), nadsOf(objects))).not.toContain('nncps');
  });

  it('lists nothing twice', () => {
    for (const file of ['04-vm-localnet-vlan1924.yaml', '05-vm-linux-bridge-vlan33.yaml']) {
      const plan = networkingWatchPlan(vmOf(demo(file)));
      const ids = plan.map((w) => JSON.stringify([w.model, w.namespace, w.name, w.selector]));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('useNetworkingInputs', () => {
  const Probe: React.FC<{ vm: VirtualMachine; out: { current?: NetworkingInput } }> = ({
    vm,
    out,
  }) => {
    const { input, loaded } = useNetworkingInputs(vm);
    if (loaded) out.current = input;
    return null;
  };

  it('watches a localnet VM’s node-side lists once, from the first render', () => {
    const objects = [...demo('00-cluster.yaml'), ...demo('04-vm-localnet-vlan1924.yaml')];
    __setMockResources(objects as never);
    const out: { current?: NetworkingInput } = {};
    render(<Probe vm={vmOf(objects)} out={out} />);
    const watched = [...__watched.keys()];
    expect(watched.filter((k) => k.startsWith('NodeNetworkState/'))).toHaveLength(1);
    expect(watched.filter((k) => k.startsWith('NodeNetworkConfigurationPolicy/'))).toHaveLength(1);
    expect(out.current?.nncps).toHaveLength(2);
  });

  it('builds the input without node-side lists when the NADs rule them out', () => {
    const objects = [...demo('00-cluster.yaml'), ...demo('03-vm-primary-plus-secondary-udn.yaml')];
    __setMockResources(objects as never);
    const out: { current?: NetworkingInput } = {};
    render(<Probe vm={vmOf(objects)} out={out} />);
    expect(out.current).toBeDefined();
    expect(out.current!.nodeNetworkStates).toBeUndefined();
    expect(out.current!.nncps).toBeUndefined();
    expect(Array.isArray(out.current!.nads)).toBe(true);
  });
});
