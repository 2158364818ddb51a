/** @jest-environment node */
import * as path from 'path';
import fc from 'fast-check';
import { readManifestFile } from '../../../test-support/manifests';
import { loadSharedObjects } from '../../../test-support/shared';
import type { K8sObject, NetworkAttachmentDefinition, VirtualMachine } from '../k8s/types';
import { buildNetworkingModel } from './interface-model';
import type { Message } from './messages';
import { networkSummaryOf, type NetworkSummary } from './network-summary';
import type { NetworkingInput } from './types';

const demo = (file: string) =>
  readManifestFile(path.resolve(__dirname, '../../../preview/fixtures/demo', file));

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

const inputOf = (objects: K8sObject[], vmName?: string): NetworkingInput => {
  const of = (kind: string) => objects.filter((o) => o.kind === kind);
  const vm = (of('VirtualMachine') as VirtualMachine[]).find(
    (v) => !vmName || v.metadata?.name === vmName,
  )!;
  const ns = vm.metadata?.namespace;
  return {
    vm,
    vmi:
      of('VirtualMachineInstance').find(
        (v) => v.metadata?.name === vm.metadata?.name && v.metadata?.namespace === ns,
      ) ?? null,
    pods: of('Pod').filter((p) => p.metadata?.namespace === ns),
    nads: of('NetworkAttachmentDefinition'),
    udns: of('UserDefinedNetwork'),
    cudns: of('ClusterUserDefinedNetwork'),
    namespace: of('Namespace').find((n) => n.metadata?.name === ns),
    nncps: of('NodeNetworkConfigurationPolicy'),
  } as NetworkingInput;
};

/** English rendering, as the view does with t(): keys with {{params}} filled in. */
const english = (m: string | Message): string =>
  typeof m === 'string'
    ? m
    : m.message.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(m.params?.[k] ?? ''));
const textOf = (s: NetworkSummary) => s.parts.map((p) => english(p.text)).join(' · ');

const summaries = (input: NetworkingInput) =>
  Object.fromEntries(
    buildNetworkingModel(input).interfaces.map((row) => [row.name, networkSummaryOf(row)]),
  );

describe('networkSummaryOf on the demo captures', () => {
  it('names the pod network as such, with no link', () => {
    const s = summaries(inputOf(demo('01-vm-pod-masquerade.yaml')));
    expect(textOf(s.default)).toBe('Pod network');
    expect(s.default.link).toBeUndefined();
  });

  it('titles a primary UDN by its name, topology and subnet, never "Pod network", never a NAD', () => {
    const s = summaries(inputOf(demo('02-vm-primary-udn-l2bridge.yaml')));
    expect(textOf(s.default)).toBe('Primary UDN primary-udn · Layer2 · 10.1.1.0/24');
    expect(s.default.link).toMatchObject({ kind: 'UserDefinedNetwork', name: 'primary-udn' });
    expect(JSON.stringify(s.default)).not.toMatch(
      /Pod network|NetworkAttachmentDefinition \S+ spec/,
    );
    expect(s.default.parts[1].from).toBe(
      'UserDefinedNetwork demo-vm-primary-udn/primary-udn spec.topology',
    );
    expect(s.default.parts[2].from).toBe(
      'UserDefinedNetwork demo-vm-primary-udn/primary-udn spec.layer2.subnets',
    );
  });

  it('titles a secondary UDN as a UDN and links the UDN, not its rendered NAD', () => {
    const s = summaries(inputOf(demo('03-vm-primary-plus-secondary-udn.yaml')));
    expect(textOf(s.default)).toBe('Primary UDN primary-udn · Layer2 · 10.1.1.0/24');
    expect(textOf(s['secondary-udn'])).toBe('UDN secondary-udn · Layer2 · 10.2.2.0/24');
    expect(s['secondary-udn'].link).toMatchObject({
      kind: 'UserDefinedNetwork',
      name: 'secondary-udn',
    });
  });

  it('states an OVN localnet with its VLAN and the node bridge its mapping names', () => {
    const s = summaries(inputOf(demo('04-vm-localnet-vlan1924.yaml')));
    expect(textOf(s['nic-vlan-1924'])).toBe('OVN localnet · VLAN 1924 · br-vmdata');
    expect(s['nic-vlan-1924'].parts[1].from).toMatch(/^NetworkAttachmentDefinition .* vlanID$/);
    expect(s['nic-vlan-1924'].parts[2].from).toMatch(
      /^NodeNetworkConfigurationPolicy \S+ spec\.desiredState\.ovn\.bridge-mappings$/,
    );
    expect(s['nic-vlan-1924'].link).toMatchObject({
      kind: 'NetworkAttachmentDefinition',
      name: 'demo-vlan-1924',
    });
  });

  it('does not invent a bridge for a localnet that no node maps: it names the physical network', () => {
    const objects = demo('04-vm-localnet-vlan1924.yaml').filter(
      (o) => o.kind !== 'NodeNetworkConfigurationPolicy',
    );
    const s = summaries(inputOf(objects));
    expect(textOf(s['nic-vlan-1924'])).toMatch(/^OVN localnet · VLAN 1924 · physical network \S+$/);
    expect(textOf(s['nic-vlan-1924'])).not.toContain('br-');
  });

  it('states a Linux bridge with its bridge and VLAN', () => {
    const s = summaries(inputOf(demo('05-vm-linux-bridge-vlan33.yaml')));
    expect(textOf(s['nic-add1'])).toBe('Linux bridge br-trunk · VLAN 33');
    expect(textOf(s.default)).toBe('Pod network');
  });

  it('states the localnet NICs of the field test (scenario 06) by their mapping', () => {
    const objects = demo('06-localnet-multinetworkpolicies.yaml');
    for (const vm of objects.filter((o) => o.kind === 'VirtualMachine')) {
      const s = summaries(inputOf(objects, vm.metadata!.name));
      for (const summary of Object.values(s)) {
        expect(textOf(summary)).toMatch(/^OVN localnet( · VLAN \d+)? · \S+/);
      }
    }
  });

  it('states "SR-IOV · VLAN 200" for an sriov NAD (built as the SR-IOV operator renders it)', () => {
    // No SR-IOV capture exists in ../shared; the NAD is shaped like the SR-IOV Network Operator's
    // rendering of a SriovNetwork (resourceName annotation, "type": "sriov", "vlan").
    const objects = clone(demo('05-vm-linux-bridge-vlan33.yaml'));
    const vm = objects.find((o) => o.kind === 'VirtualMachine') as VirtualMachine;
    const ns = vm.metadata!.namespace!;
    const sriovNad: NetworkAttachmentDefinition = {
      apiVersion: 'k8s.cni.cncf.io/v1',
      kind: 'NetworkAttachmentDefinition',
      metadata: {
        name: 'sriov-vlan200',
        namespace: ns,
        annotations: { 'k8s.v1.cni.cncf.io/resourceName': 'openshift.io/mlxnics' },
      },
      spec: {
        config: JSON.stringify({
          cniVersion: '1.0.0',
          name: 'sriov-vlan200',
          type: 'sriov',
          vlan: 200,
          vlanQoS: 0,
          ipam: {},
        }),
      },
    };
    const spec = vm.spec!.template!.spec!;
    spec.domain.devices.interfaces!.push({ name: 'vf1', sriov: {} });
    spec.networks!.push({ name: 'vf1', multus: { networkName: 'sriov-vlan200' } });
    const s = summaries(inputOf([...objects, sriovNad]));
    expect(textOf(s.vf1)).toBe('SR-IOV · VLAN 200');
    expect(s.vf1.parts[1].from).toBe(
      `NetworkAttachmentDefinition ${ns}/sriov-vlan200 spec.config vlan`,
    );
  });

  it('says which NAD is missing, and that an unreadable list leaves the kind unknown', () => {
    const objects = demo('05-vm-linux-bridge-vlan33.yaml').filter(
      (o) => o.kind !== 'NetworkAttachmentDefinition',
    );
    const missing = summaries(inputOf(objects));
    expect(missing['nic-add1'].status).toBe('missing');
    expect(textOf(missing['nic-add1'])).toBe(
      'No NetworkAttachmentDefinition demo-vm-bridge/virt-bridge',
    );
    const unreadable = summaries({
      ...inputOf(objects),
      nads: { error: 'forbidden', forbidden: true },
    });
    expect(unreadable['nic-add1'].status).toBe('unknown');
    expect(textOf(unreadable['nic-add1'])).not.toMatch(/bridge br|VLAN/);
  });
});

describe('networkSummaryOf on real manifests from ../shared/examples', () => {
  it('states the Linux bridge of the kubevirt.io blog: bridge br0, VLAN 100 (a conflist)', () => {
    const objects = loadSharedObjects(
      'examples/field',
      'kv-linuxbridge-vlan100-dualstack.nad-vm-status.yaml',
    ).map((o) => ({ ...o, metadata: { namespace: 'default', ...o.metadata } }));
    const vm = objects.find((o) => o.kind === 'VirtualMachine' && o.metadata?.name === 'vma')!;
    const s = summaries({ ...inputOf(objects, 'vma'), vm: vm as VirtualMachine, vmi: null });
    expect(textOf(s['br0-100'])).toBe('Linux bridge br0 · VLAN 100');
  });

  it('states the OVN localnet and layer2 NADs of kv-localnet-vlan with their VLANs', () => {
    const objects = loadSharedObjects('examples/field', 'kv-localnet-vlan.nads-vms.yaml').map(
      (o) => ({ ...o, metadata: { namespace: 'default', ...o.metadata } }),
    );
    const texts = objects
      .filter((o) => o.kind === 'VirtualMachine')
      .flatMap((vm) => Object.values(summaries(inputOf(objects, vm.metadata!.name))).map(textOf));
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(/^OVN (localnet|layer2)/);
    expect(texts.some((x) => /VLAN \d+/.test(x))).toBe(true);
  });

  it('titles a primary CUDN (FOSDEM demo) by its name, Layer2 and subnet', () => {
    const objects = loadSharedObjects(
      'examples/field',
      'fosdem-primary-udn-l2bridge.udn-cudn-vms.yaml',
    );
    const red = objects.find(
      (o) => o.kind === 'Namespace' && o.metadata?.name === 'red-namespace',
    ) ?? { kind: 'Namespace', metadata: { name: 'red-namespace' } };
    const vm = clone(objects.find((o) => o.kind === 'VirtualMachine')!) as VirtualMachine;
    vm.metadata = { ...vm.metadata, namespace: 'red-namespace', uid: 'u' };
    const input: NetworkingInput = {
      vm,
      vmi: null,
      pods: [],
      nads: [],
      udns: [],
      cudns: objects.filter((o) => o.kind === 'ClusterUserDefinedNetwork') as never,
      namespace: red as never,
    };
    const [summary] = Object.values(summaries(input));
    expect(textOf(summary)).toBe('Primary CUDN happy-tenant · Layer2 · 203.203.0.0/16');
    expect(summary.link).toMatchObject({ kind: 'ClusterUserDefinedNetwork' });
  });
});

describe('networkSummaryOf on mutated captures', () => {
  const scenarios = [
    '01-vm-pod-masquerade.yaml',
    '02-vm-primary-udn-l2bridge.yaml',
    '03-vm-primary-plus-secondary-udn.yaml',
    '04-vm-localnet-vlan1924.yaml',
    '05-vm-linux-bridge-vlan33.yaml',
  ].map((f) => demo(f));

  /** Replaces one NAD config value by something of another type, or drops it. */
  const junk = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.string(),
    fc.integer(),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 4 }), fc.string(), { maxKeys: 2 }),
  );

  it('never throws, and every part it shows names where it was read', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: scenarios.length - 1 }),
        fc.constantFrom('vlanID', 'vlan', 'bridge', 'subnets', 'topology', 'type', 'name'),
        junk,
        (index, key, value) => {
          const objects = clone(scenarios[index]).map((o) => {
            if (o.kind !== 'NetworkAttachmentDefinition') return o;
            const nad = o as NetworkAttachmentDefinition;
            let config: Record<string, unknown>;
            try {
              config = JSON.parse(nad.spec!.config!);
            } catch {
              return o;
            }
            if (value === undefined) delete config[key];
            else config[key] = value;
            return { ...nad, spec: { config: JSON.stringify(config) } };
          });
          let model;
          try {
            model = buildNetworkingModel(inputOf(objects));
          } catch {
            return; // the model's own robustness is tested with the model
          }
          for (const row of model.interfaces) {
            const s = networkSummaryOf(row);
            expect(s.parts.length).toBeGreaterThan(0);
            for (const p of s.parts) {
              expect(p.from).toMatch(/^[A-Z]\w+ /);
              expect(english(p.text)).not.toMatch(/undefined|\[object Object\]/);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
