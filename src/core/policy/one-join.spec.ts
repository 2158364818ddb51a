/** @jest-environment node */
/**
 * One join: the policy analysis reads a VM through the networking model, so the tab and the policy
 * section agree on every VM's interfaces and addresses, and what the model survives (malformed
 * annotations, wrong-typed fields) the policy analysis survives too.
 */
import fc from 'fast-check';
import { buildNetworkingModel } from '../model/interface-model';
import type { InterfaceRow } from '../model/types';
import { demoObjects, inputOf } from '../model/__fixtures__/demo';
import { arbMutations, mutate } from '../model/__fixtures__/mutate';
import type { K8sObject, Pod, VirtualMachine } from '../k8s/types';
import { PolicyAnalysis } from './analysis';

const FILES = [
  '01-vm-pod-masquerade.yaml',
  '02-vm-primary-udn-l2bridge.yaml',
  '03-vm-primary-plus-secondary-udn.yaml',
  '04-vm-localnet-vlan1924.yaml',
  '05-vm-linux-bridge-vlan33.yaml',
  '06-localnet-multinetworkpolicies.yaml',
  '07-admin-network-policies.yaml',
];
const CLUSTER = demoObjects('00-cluster.yaml');
const scenario = (file: string): K8sObject[] => [...CLUSTER, ...demoObjects(file)];

const vmsOf = (objects: K8sObject[]) =>
  objects.filter(
    (o): o is VirtualMachine => o.kind === 'VirtualMachine' && typeof o.metadata?.name === 'string',
  );

/** The addresses the tab shows for a row: the guest's, else the pod side's. */
const rowAddresses = (row: InterfaceRow): string[] => {
  const guest = row.guest.ips.map((i) => i.address);
  return guest.length ? guest : row.pod.ips.filter((i) => !i.linkLocal).map((i) => i.address);
};

const launcherOf = (objects: K8sObject[], vmName: string): Pod =>
  objects.find(
    (o) =>
      o.kind === 'Pod' &&
      (o.metadata?.labels?.['vm.kubevirt.io/name'] === vmName ||
        o.metadata?.annotations?.['kubevirt.io/domain'] === vmName),
  ) as Pod;

describe('the policy analysis reads VMs through the networking model', () => {
  it.each(FILES)('%s: every VM has the interfaces and addresses the tab shows', (file) => {
    const objects = scenario(file);
    const analysis = new PolicyAnalysis(objects);
    let compared = 0;
    for (const vm of vmsOf(objects)) {
      const model = buildNetworkingModel(inputOf(objects, vm.metadata!.name));
      const endpoint = analysis.findEndpoint(
        `${vm.metadata!.namespace}/${vm.metadata!.name}[VirtualMachine]`,
      );
      expect(endpoint).toBeDefined();
      const rows = model.interfaces.filter(
        (r) => r.spec.network.kind === 'pod' || r.spec.network.kind === 'multus',
      );
      expect(endpoint!.interfaces.map((i) => i.name)).toEqual(rows.map((r) => r.name));
      for (const row of rows) {
        const iface = endpoint!.interfaces.find((i) => i.name === row.name)!;
        const expected = rowAddresses(row);
        // Cloud-init addresses are the policy's last resort when nobody reports one.
        if (iface.ipSource !== 'cloud-init')
          expect(iface.ips.map((i) => i.text).sort()).toEqual([...expected].sort());
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('a launcher network-status that is a JSON object, not a list, is read as unreadable', () => {
    // Today's captures: Multus writes a list; a hand-edited or foreign annotation may not be one.
    const objects = scenario('05-vm-linux-bridge-vlan33.yaml');
    const vm = vmsOf(objects)[0];
    const pod = launcherOf(objects, vm.metadata!.name!);
    const statuses = JSON.parse(
      pod.metadata!.annotations!['k8s.v1.cni.cncf.io/network-status'],
    ) as unknown[];
    pod.metadata!.annotations!['k8s.v1.cni.cncf.io/network-status'] = JSON.stringify(statuses[1]);
    const analysis = new PolicyAnalysis(objects);
    const endpoint = analysis.findEndpoint(
      `${vm.metadata!.namespace}/${vm.metadata!.name}[VirtualMachine]`,
    )!;
    const model = buildNetworkingModel(inputOf(objects, vm.metadata!.name));
    for (const iface of endpoint.interfaces) {
      const row = model.interfaces.find((r) => r.name === iface.name)!;
      expect(iface.ips.map((i) => i.text).sort()).toEqual([...rowAddresses(row)].sort());
    }
  });

  it('a plain pod whose network-status is an object or null does not stop the analysis', () => {
    for (const bad of ['{"name":"ovn-kubernetes","ips":["10.128.2.9"]}', 'null', '"text"']) {
      const pod: Pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'client',
          namespace: 'demo',
          labels: { app: 'client' },
          annotations: {
            'k8s.v1.cni.cncf.io/network-status': bad,
            'k8s.v1.cni.cncf.io/networks': bad,
            'k8s.ovn.org/pod-networks': bad,
          },
        },
        spec: { containers: [{ name: 'c' }] },
        status: { podIP: '10.128.2.9' },
      } as Pod;
      const analysis = new PolicyAnalysis([pod]);
      const endpoint = analysis.findEndpoint('demo/client[Pod]')!;
      // The pod's own status still gives its pod-network address.
      expect(endpoint.interfaces[0]).toMatchObject({ name: 'eth0', ipSource: 'pod-status' });
      expect(endpoint.interfaces[0].ips.map((i) => i.text)).toEqual(['10.128.2.9']);
    }
  });

  it('a UserDefinedNetwork whose topology is not a topology name is invalid, never a throw', () => {
    // fast-check's counterexample (seed 7, run 1,465): spec.topology an object without a
    // prototype, which String() cannot convert; and a name that is an Object property.
    for (const topology of [Object.create(null), { toString: 0 }, 'constructor', '__proto__']) {
      const udn = {
        apiVersion: 'k8s.ovn.org/v1',
        kind: 'UserDefinedNetwork',
        metadata: { name: 'odd', namespace: 'demo' },
        spec: { topology, layer2: { role: 'Primary', subnets: ['10.1.0.0/16'] } },
      } as unknown as K8sObject;
      const analysis = new PolicyAnalysis([udn]);
      expect(analysis.catalog.problems).toEqual([
        expect.objectContaining({
          code: 'udn-invalid',
          object: expect.objectContaining({ name: 'odd' }),
        }),
      ]);
      expect(analysis.catalog.problems[0].message).toMatch(/invalid topology/);
    }
  });

  it('mutated captures: the analysis never throws and agrees with the model (600 inputs)', () => {
    const bases = FILES.map((f) => JSON.stringify(scenario(f)));
    fc.assert(
      fc.property(fc.nat(bases.length - 1), arbMutations, (i, mutations) => {
        const objects = mutate<K8sObject[]>(bases[i], mutations).filter(
          (o) => o && typeof o === 'object',
        );
        const analysis = new PolicyAnalysis(objects);
        for (const endpoint of analysis.endpoints) {
          if (endpoint.kind !== 'VirtualMachine') continue;
          const vm = vmsOf(objects).find(
            (v) =>
              v.metadata?.name === endpoint.name &&
              (v.metadata?.namespace || 'default') === endpoint.namespace,
          );
          if (!vm) continue;
          const model = buildNetworkingModel(inputOf(objects, vm.metadata!.name));
          for (const iface of endpoint.interfaces) {
            const row = model.interfaces.find((r) => r.name === iface.name);
            if (!row || iface.ipSource === 'cloud-init') continue;
            // Every address the analysis uses is one the tab shows.
            const shown = new Set(rowAddresses(row));
            for (const ip of iface.ips)
              if (!shown.has(ip.text)) throw new Error(`${endpoint.key} ${iface.name}: ${ip.text}`);
          }
        }
      }),
      {
        numRuns: Number(process.env.JOIN_PROPERTY_RUNS ?? 600),
        seed: Number(process.env.JOIN_PROPERTY_SEED ?? 7),
      },
    );
  });
});
