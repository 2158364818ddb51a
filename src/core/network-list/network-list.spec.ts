import fc from 'fast-check';
import { allDemoObjects } from '../model/__fixtures__/demo';
import { loadSharedObjects, readShared } from '../../../test-support/shared';
import type {
  ClusterUserDefinedNetwork,
  K8sObject,
  MultiNetworkPolicy,
  Namespace,
  NetworkAttachmentDefinition,
  NetworkOperatorConfig,
  NodeNetworkConfigurationPolicy,
  NodeNetworkState,
  UserDefinedNetwork,
  VirtualMachine,
  VirtualMachineInstance,
} from '../k8s/types';
import { collectBridgeMappings } from '../networks/bridge-mappings';
import {
  buildNetworkRows,
  deleteImpact,
  describeNetwork,
  policyForKeys,
  joinConnectedVms,
  kindFilterOf,
  localnetMappings,
  namespacesReached,
  policiesTargeting,
  roleFilterOf,
  sortRows,
  topologyFilterOf,
  type NetworkRow,
} from './index';

const ofKind = <T extends K8sObject>(objects: K8sObject[], kind: string): T[] =>
  objects.filter((o) => o.kind === kind) as T[];

const modelOf = (objects: K8sObject[]) => {
  const rows = buildNetworkRows({
    udns: ofKind<UserDefinedNetwork>(objects, 'UserDefinedNetwork'),
    cudns: ofKind<ClusterUserDefinedNetwork>(objects, 'ClusterUserDefinedNetwork'),
    nads: ofKind<NetworkAttachmentDefinition>(objects, 'NetworkAttachmentDefinition'),
    namespaces: ofKind<Namespace>(objects, 'Namespace'),
    bridgeMappings: collectBridgeMappings(
      ofKind<NodeNetworkConfigurationPolicy>(objects, 'NodeNetworkConfigurationPolicy'),
      ofKind<NodeNetworkState>(objects, 'NodeNetworkState'),
    ),
  });
  return joinConnectedVms(
    rows,
    ofKind<VirtualMachine>(objects, 'VirtualMachine'),
    ofKind<VirtualMachineInstance>(objects, 'VirtualMachineInstance'),
  );
};

const byKey = (rows: NetworkRow[], key: string): NetworkRow => {
  const row = rows.find((r) => r.key === key);
  if (!row) throw new Error(`no row ${key}; have ${rows.map((r) => r.key).join(', ')}`);
  return row;
};

/** What the list's columns say, as plain data. */
const columns = (r: NetworkRow) => ({
  kind: r.kind,
  type: r.canonicalType,
  namespaces: r.namespaces,
  topology: r.topology,
  role: r.role,
  vlan: r.vlan,
  physicalNetwork: r.physicalNetwork,
  bridges: r.bridges,
  subnets: r.subnets,
  mtu: r.mtu,
  state: r.status.state,
  vms: r.vmCount,
});

describe('network rows on the demo fixtures', () => {
  const rows = modelOf(allDemoObjects());

  it('has one row per network, the UDN-rendered NADs folded into their UDN', () => {
    expect(rows.map((r) => r.key).sort()).toEqual([
      'NetworkAttachmentDefinition/demo-vm-bridge/virt-bridge',
      'NetworkAttachmentDefinition/demo-vm-localnet/demo-vlan-1924',
      'NetworkAttachmentDefinition/llm-demo/llm-demo-localnet-network',
      'UserDefinedNetwork/demo-vm-primary-udn/primary-udn',
      'UserDefinedNetwork/demo-vm-secondary-udn/primary-udn',
      'UserDefinedNetwork/demo-vm-secondary-udn/secondary-udn',
    ]);
    expect(
      byKey(rows, 'UserDefinedNetwork/demo-vm-secondary-udn/secondary-udn').renderedNads,
    ).toEqual([{ namespace: 'demo-vm-secondary-udn', name: 'secondary-udn' }]);
  });

  it('states each column for a primary UDN, from its spec and conditions', () => {
    const r = byKey(rows, 'UserDefinedNetwork/demo-vm-primary-udn/primary-udn');
    expect(columns(r)).toEqual({
      kind: 'UserDefinedNetwork',
      type: undefined,
      namespaces: ['demo-vm-primary-udn'],
      topology: 'layer2',
      role: 'primary',
      vlan: undefined,
      physicalNetwork: undefined,
      bridges: [],
      subnets: ['10.1.1.0/24'],
      mtu: undefined,
      state: 'ready',
      vms: 1,
    });
    expect(r.networkName).toBe('demo-vm-primary-udn_primary-udn');
    // The pod-network NIC of a VM in a primary-UDN namespace is on the UDN (l2bridge).
    expect(r.connected).toEqual([
      {
        vmName: 'vm-primary-udn',
        vmNamespace: 'demo-vm-primary-udn',
        nic: 'default',
        binding: 'l2bridge',
        mac: { value: '0a:58:0a:01:01:03', source: 'vmi' },
        ips: ['10.1.1.3'],
        via: { kind: 'pod' },
        hasInstance: true,
      },
    ]);
  });

  it('joins a secondary UDN to the NIC naming its NAD, with the VMI MAC and IP', () => {
    const r = byKey(rows, 'UserDefinedNetwork/demo-vm-secondary-udn/secondary-udn');
    expect(columns(r)).toMatchObject({ topology: 'layer2', role: 'secondary', vms: 1 });
    expect(r.connected).toHaveLength(1);
    expect(r.connected[0]).toMatchObject({
      vmName: 'vm-secondary-udn',
      nic: 'secondary-udn',
      binding: 'bridge',
      mac: { value: '02:00:0a:02:02:03' },
      ips: ['10.2.2.1'],
      via: { kind: 'multus', networkName: 'secondary-udn' },
    });
  });

  it('reads an OVN localnet NAD: VLAN, physical network and the bridge its NNCP maps it to', () => {
    expect(
      columns(byKey(rows, 'NetworkAttachmentDefinition/demo-vm-localnet/demo-vlan-1924')),
    ).toEqual({
      kind: 'NetworkAttachmentDefinition',
      type: 'ovn-k8s-cni-overlay',
      namespaces: ['demo-vm-localnet'],
      topology: 'localnet',
      role: 'secondary',
      vlan: 1924,
      physicalNetwork: 'demo-vlan-1924',
      bridges: ['br-vmdata'],
      subnets: [],
      mtu: undefined,
      state: 'no-status',
      vms: 1,
    });
  });

  it('reads a Linux bridge NAD: no OVN topology, VLAN 33 on br-trunk', () => {
    const r = byKey(rows, 'NetworkAttachmentDefinition/demo-vm-bridge/virt-bridge');
    expect(columns(r)).toMatchObject({
      type: 'bridge',
      topology: undefined,
      role: 'secondary',
      vlan: 33,
      bridges: ['br-trunk'],
      vms: 1,
    });
    expect(topologyFilterOf(r)).toBe('none');
    expect(r.connected.map((c) => [c.vmName, c.nic, c.mac?.value, c.ips])).toEqual([
      ['fedora-1', 'nic-add1', '02:b3:f0:00:00:3c', ['172.17.33.250', 'fe80::b3:f0ff:fe00:3c']],
    ]);
  });

  it('finds both VMs of the MNP demo on its localnet, whatever the NIC name', () => {
    const r = byKey(rows, 'NetworkAttachmentDefinition/llm-demo/llm-demo-localnet-network');
    expect(columns(r)).toMatchObject({
      physicalNetwork: 'localnet-cnv',
      bridges: ['br-ex'],
      vms: 2,
    });
    expect(r.connected.map((c) => `${c.vmName}:${c.nic}`).sort()).toEqual([
      'centos-stream9-gold-rabbit-80:nic-yellow-duck-37',
      'centos-stream9-green-ferret-41:nic-localnet',
    ]);
    expect(deleteImpact(r)).toEqual({
      inUse: true,
      vms: [
        {
          namespace: 'llm-demo',
          name: 'centos-stream9-gold-rabbit-80',
          nics: ['nic-yellow-duck-37'],
        },
        { namespace: 'llm-demo', name: 'centos-stream9-green-ferret-41', nics: ['nic-localnet'] },
      ],
    });
  });

  it('names the namespaces to watch VMs in: those the networks reach, no others', () => {
    expect(namespacesReached(rows)).toEqual([
      'demo-vm-bridge',
      'demo-vm-localnet',
      'demo-vm-primary-udn',
      'demo-vm-secondary-udn',
      'llm-demo',
    ]);
  });

  it('lists the six MultiNetworkPolicies of the localnet as enforced (the operator enables MNP)', () => {
    const objects = allDemoObjects();
    const mnps = ofKind<MultiNetworkPolicy>(objects, 'MultiNetworkPolicy');
    const operator = objects.find((o) => o.kind === 'Network') as NetworkOperatorConfig;
    const r = byKey(rows, 'NetworkAttachmentDefinition/llm-demo/llm-demo-localnet-network');
    const targeting = policiesTargeting(r, mnps, operator);
    expect(targeting.map((p) => p.policy.metadata?.name).sort()).toEqual([
      'allow-ipblock',
      'allow-ipblock-01',
      'allow-ipblock-cnv-01',
      'allow-ipblock-cnv-02',
      'allow-ipblock-cnv-03',
      'deny-by-default',
    ]);
    expect(targeting.every((p) => p.enforced === true)).toBe(true);
    const off = { ...operator, spec: { ...operator.spec, useMultiNetworkPolicy: false } };
    expect(policiesTargeting(r, mnps, off).every((p) => p.reason === 'mnp-disabled')).toBe(true);
    expect(policiesTargeting(r, mnps, undefined)[0]).toMatchObject({
      enforced: undefined,
      reason: 'mnp-config-unknown',
    });
    // The same policies re-aimed at the Linux bridge NAD would not be enforced there.
    const bridge = byKey(rows, 'NetworkAttachmentDefinition/demo-vm-bridge/virt-bridge');
    const aimed = mnps.map((p) => ({
      ...p,
      metadata: {
        ...p.metadata,
        annotations: { 'k8s.v1.cni.cncf.io/policy-for': 'demo-vm-bridge/virt-bridge' },
      },
    }));
    expect(policiesTargeting(bridge, aimed, operator)[0]).toMatchObject({
      enforced: false,
      reason: 'linux-bridge',
    });
  });

  it('states the bridge mapping of a localnet per NNCP (desired) and per node (reported)', () => {
    const objects = allDemoObjects();
    const m = localnetMappings(
      'demo-vlan-1924',
      ofKind<NodeNetworkConfigurationPolicy>(objects, 'NodeNetworkConfigurationPolicy'),
      undefined,
    );
    expect(m.policies).toEqual([
      expect.objectContaining({ name: 'ovs-bridge-mapping-demo-vlan-1924', bridge: 'br-vmdata' }),
    ]);
    expect(m.nodes).toBeUndefined();
    const nns = loadSharedObjects<NodeNetworkState>(
      'examples',
      'ovn-recon',
      'test',
      'fixtures',
      'nns',
      'primary-cudn-vrf.json',
    );
    const reported = localnetMappings('physnet', [], nns);
    expect(reported.nodes?.length).toBeGreaterThan(0);
    expect(reported.nodes?.every((n) => n.bridge === 'br-ex')).toBe(true);
    expect(
      localnetMappings('no-such-net', [], nns).nodes?.every((n) => n.bridge === undefined),
    ).toBe(true);
  });
});

describe('network rows on field captures', () => {
  it('reads the ovn-recon CUDNs: localnet VLAN and physical network, conditions, computed namespaces', () => {
    const cudns = JSON.parse(
      readShared('examples', 'ovn-recon', 'test', 'fixtures', 'cudn', 'primary-cudn-vrf.json'),
    ) as ClusterUserDefinedNetwork[];
    const rows = buildNetworkRows({
      cudns,
      namespaces: [
        {
          kind: 'Namespace',
          metadata: {
            name: 'demo-mirror',
            labels: { 'network/vlan-1924': '', 'network/machine': '' },
          },
        },
      ],
    });
    const vlan = byKey(rows, 'ClusterUserDefinedNetwork//vlan-1924');
    expect(columns(vlan)).toMatchObject({
      kind: 'ClusterUserDefinedNetwork',
      topology: 'localnet',
      role: 'secondary',
      vlan: 1924,
      physicalNetwork: 'physnet-vmdata',
      state: 'ready',
      namespaces: ['demo-mirror'],
    });
    expect(vlan.namespacesComputed).toBe(true);
    expect(vlan.networkName).toBe('cluster_udn_vlan-1924');
    expect(columns(byKey(rows, 'ClusterUserDefinedNetwork//machinenet'))).toMatchObject({
      mtu: 1500,
      vlan: undefined,
    });
    expect(columns(byKey(rows, 'ClusterUserDefinedNetwork//example-p-cudn'))).toMatchObject({
      topology: 'layer2',
      role: 'primary',
      subnets: ['10.1.2.0/24'],
      namespaces: [],
    });
  });

  it('connects VMs of the namespaces a primary CUDN selects through their pod network', () => {
    const objects = loadSharedObjects(
      'examples',
      'field',
      'fosdem-primary-udn-l2bridge.udn-cudn-vms.yaml',
    );
    const rows = modelOf(objects);
    const cudn = byKey(rows, 'ClusterUserDefinedNetwork//happy-tenant');
    expect(cudn.namespaces).toEqual(['blue-namespace', 'red-namespace']);
    expect(cudn.status.state).toBe('pending');
    const vms = ofKind<VirtualMachine>(objects, 'VirtualMachine').filter((v) =>
      ['red-namespace', 'blue-namespace'].includes(v.metadata?.namespace ?? ''),
    );
    expect(cudn.vmCount).toBe(vms.length);
    expect(cudn.connected.every((c) => c.via.kind === 'pod' && c.binding === 'l2bridge')).toBe(
      true,
    );
  });

  it('reads a Linux bridge conflist NAD and joins dual-stack IPs from the VMIs', () => {
    const objects = loadSharedObjects(
      'examples',
      'field',
      'kv-linuxbridge-vlan100-dualstack.nad-vm-status.yaml',
    );
    const rows = modelOf(objects);
    const nad = rows.find((r) => r.name === 'br0-100-l2')!;
    expect(columns(nad)).toMatchObject({ type: 'bridge', vlan: 100, bridges: ['br0'] });
    expect(nad.networkName).toBe('br0-100-l2-config');
    expect(nad.connected.map((c) => [c.vmName, c.mac?.value, c.ips])).toEqual(
      expect.arrayContaining([
        ['vma', '02:4a:be:00:00:0b', ['10.200.0.1/24', 'fe80::4a:beff:fe00:b/64']],
      ]),
    );
  });

  it('reads localnet NADs without physicalNetworkName by their CNI name, VLAN from vlanID', () => {
    const rows = modelOf(loadSharedObjects('examples', 'field', 'kv-localnet-vlan.nads-vms.yaml'));
    expect(rows.map((r) => [r.name, r.topology, r.vlan, r.physicalNetwork])).toEqual([
      ['tenantred', 'localnet', 10, 'tenantred'],
      ['tenantblue', 'localnet', 20, 'tenantblue'],
    ]);
  });
});

describe('bad data is the row status, never a throw', () => {
  const nad = (
    name: string,
    config: unknown,
    extra: Partial<NetworkAttachmentDefinition['metadata']> = {},
  ) =>
    ({
      kind: 'NetworkAttachmentDefinition',
      metadata: { name, namespace: 'ns', ...extra },
      spec: { config },
    }) as NetworkAttachmentDefinition;

  it('a NAD config that is not JSON, or has no type, or an unknown OVN topology', () => {
    const rows = buildNetworkRows({
      nads: [
        nad('broken', '{"type": "bridge",'),
        nad('untyped', '{"name": "x"}'),
        nad('missing', undefined),
        nad('layer4', '{"type":"ovn-k8s-cni-overlay","topology":"layer4"}'),
      ],
    });
    expect(
      rows.map((r) => [
        r.name,
        r.status.state,
        r.status.messages[0].params?.error ?? r.status.messages[0].params?.topology,
      ]),
    ).toEqual([
      ['broken', 'invalid', expect.any(String)],
      ['untyped', 'invalid', 'no plugin "type"'],
      ['missing', 'invalid', 'spec.config is missing'],
      ['layer4', 'invalid', 'layer4'],
    ]);
    expect(rows[0].role).toBeUndefined();
  });

  it('a UDN with an unknown topology, and a CUDN whose NetworkCreated is False', () => {
    const rows = buildNetworkRows({
      udns: [
        {
          kind: 'UserDefinedNetwork',
          metadata: { name: 'odd', namespace: 'ns' },
          spec: { topology: 'Layer4' },
        } as never,
        {
          kind: 'UserDefinedNetwork',
          metadata: { name: 'ln', namespace: 'ns' },
          spec: { topology: 'Localnet', localnet: { role: 'Secondary' } },
        } as never,
      ],
      cudns: [
        {
          kind: 'ClusterUserDefinedNetwork',
          metadata: { name: 'bad' },
          spec: {
            namespaceSelector: {},
            network: {
              topology: 'Layer2',
              layer2: { role: 'Secondary', subnets: ['10.9.0.0/16'] },
            },
          },
          status: {
            conditions: [
              {
                type: 'NetworkCreated',
                status: 'False',
                reason: 'NetworkAttachmentDefinitionSyncError',
                message: 'foreign NetworkAttachmentDefinition with the desired name already exist',
              },
            ],
          },
        },
      ],
    });
    expect(rows.map((r) => [r.name, r.status.state, r.topology])).toEqual([
      ['odd', 'invalid', undefined],
      // Localnet is CUDN-only: a UDN saying so is unreadable, not a localnet.
      ['ln', 'invalid', undefined],
      ['bad', 'not-ready', 'layer2'],
    ]);
    expect(rows[2].status.messages[0].params).toMatchObject({
      type: 'NetworkCreated',
      reason: 'NetworkAttachmentDefinitionSyncError',
    });
  });

  it('a NAD rendered by a CUDN the user cannot read stays a row and names its owner', () => {
    const rows = buildNetworkRows({
      nads: [
        nad(
          'tenant',
          '{"type":"ovn-k8s-cni-overlay","topology":"layer2","role":"primary","name":"cluster_udn_tenant"}',
          {
            ownerReferences: [
              {
                apiVersion: 'k8s.ovn.org/v1',
                kind: 'ClusterUserDefinedNetwork',
                name: 'tenant',
                uid: 'u',
                controller: true,
              },
            ],
          },
        ),
      ],
    });
    expect(rows).toHaveLength(1);
    expect(rows[0].renderedBy).toEqual({ kind: 'ClusterUserDefinedNetwork', name: 'tenant' });
    expect(rows[0].role).toBe('primary');
  });

  /** Replaces the value at a random path of a JSON object with an arbitrary JSON value. */
  const mutate = (obj: unknown, path: number[], value: unknown): unknown => {
    if (!path.length || obj === null || typeof obj !== 'object') return value;
    const keys = Object.keys(obj as object);
    if (!keys.length) return value;
    const k = keys[path[0] % keys.length];
    const copy: Record<string, unknown> = Array.isArray(obj)
      ? ([...obj] as never)
      : { ...(obj as object) };
    copy[k] = mutate((obj as Record<string, unknown>)[k], path.slice(1), value);
    return copy;
  };

  it('a name or namespace that is not text (a JSON object with a "toString" key) is no name, never a throw', () => {
    // fast-check's counterexample: a UDN-rendered NAD whose metadata.name is {"toString":0}, which
    // a template literal cannot convert; VMs and VMIs with such names too.
    const odd = { toString: 0 } as unknown as string;
    const objects = allDemoObjects().map((o) =>
      [
        'NetworkAttachmentDefinition',
        'VirtualMachine',
        'VirtualMachineInstance',
        'Namespace',
      ].includes(o.kind ?? '')
        ? ({ ...o, metadata: { ...o.metadata, name: odd, namespace: odd } } as K8sObject)
        : o,
    );
    const rows = modelOf(objects);
    expect(rows.length).toBeGreaterThanOrEqual(
      objects.filter((o) => o.kind === 'UserDefinedNetwork').length,
    );
    expect(rows.every((r) => typeof r.name === 'string')).toBe(true);
    sortRows(rows, 'name', 'asc');
  });

  it('property: mutated demo objects never make the model throw, and every network keeps a row', () => {
    const objects = allDemoObjects().filter((o) =>
      [
        'UserDefinedNetwork',
        'NetworkAttachmentDefinition',
        'VirtualMachine',
        'VirtualMachineInstance',
        'Namespace',
        'NodeNetworkConfigurationPolicy',
      ].includes(o.kind ?? ''),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            target: fc.nat(),
            path: fc.array(fc.nat(), { maxLength: 7 }),
            value: fc.oneof(
              fc.jsonValue(),
              fc.string(),
              fc.constant(null),
              fc.constant('{not json'),
            ),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (mutations) => {
          const mutated = [...objects];
          for (const m of mutations) {
            const i = m.target % mutated.length;
            const kind = mutated[i].kind;
            const next = mutate(mutated[i], m.path, m.value);
            // Keep the kind so the object stays in its list; everything else is fair game.
            mutated[i] = (
              next && typeof next === 'object' && !Array.isArray(next)
                ? { ...next, kind }
                : { kind }
            ) as K8sObject;
          }
          const rows = modelOf(mutated);
          const udns = mutated.filter((o) => o.kind === 'UserDefinedNetwork').length;
          expect(rows.length).toBeGreaterThanOrEqual(udns);
          for (const r of rows) {
            expect(['ready', 'not-ready', 'pending', 'invalid', 'no-status']).toContain(
              r.status.state,
            );
            expect(r.vmCount).toBeLessThanOrEqual(r.connected.length);
            expect(typeof kindFilterOf(r)).toBe('string');
            expect(typeof roleFilterOf(r)).toBe('string');
          }
          sortRows(rows, 'vlan', 'desc');
        },
      ),
      { numRuns: 300 },
    );
  }, 60000);
});

describe('sorting', () => {
  const rows = modelOf(allDemoObjects());
  it('sorts by VLAN either way with the networks without VLAN last', () => {
    const asc = sortRows(rows, 'vlan', 'asc').map((r) => r.vlan);
    expect(asc.slice(0, 2)).toEqual([33, 1924]);
    expect(asc.slice(2).every((v) => v === undefined)).toBe(true);
    const desc = sortRows(rows, 'vlan', 'desc').map((r) => r.vlan);
    expect(desc.slice(0, 2)).toEqual([1924, 33]);
  });
  it('sorts by connected VM count and by name, ties by namespace', () => {
    expect(sortRows(rows, 'vms', 'desc')[0].name).toBe('llm-demo-localnet-network');
    expect(
      sortRows(rows, 'name', 'asc')
        .map((r) => `${r.namespace}/${r.name}`)
        .slice(0, 4),
    ).toEqual([
      'demo-vm-localnet/demo-vlan-1924',
      'llm-demo/llm-demo-localnet-network',
      'demo-vm-primary-udn/primary-udn',
      'demo-vm-secondary-udn/primary-udn',
    ]);
  });
});

describe('policy-for reading', () => {
  it('reads policy-for as the policy analysis does, on every demo policy', () => {
    const { parsePolicyFor } = require('../policy/policies');
    const mnps = ofKind<MultiNetworkPolicy>(allDemoObjects(), 'MultiNetworkPolicy');
    const samples = [
      ...mnps.map((p) => [p.metadata?.annotations?.['k8s.v1.cni.cncf.io/policy-for'], 'llm-demo']),
      [' a, b/c ,,d ', 'ns'],
      [undefined, 'ns'],
    ] as [string | undefined, string][];
    for (const [value, ns] of samples) {
      expect(policyForKeys(value, ns)).toEqual(
        parsePolicyFor(value, ns).map(
          (t: { namespace: string; name: string }) => `${t.namespace}/${t.name}`,
        ),
      );
    }
  });
});

describe('the network in words', () => {
  const rows = modelOf(allDemoObjects());
  const words = (key: string) =>
    describeNetwork(byKey(rows, key)).map((m) => [m.message, m.params]);
  it('says what each demo network is, from its fields', () => {
    expect(words('NetworkAttachmentDefinition/demo-vm-localnet/demo-vlan-1924')).toEqual([
      [
        expect.stringContaining('Bridged to the physical network'),
        { physicalNetwork: 'demo-vlan-1924' },
      ],
      [expect.stringContaining('VLAN {{vlan}}'), { vlan: 1924 }],
      [expect.stringContaining('assigns no addresses'), undefined],
      [expect.stringContaining('No MTU is set'), undefined],
    ]);
    expect(words('UserDefinedNetwork/demo-vm-primary-udn/primary-udn')[0][0]).toContain(
      'primary network',
    );
    expect(words('UserDefinedNetwork/demo-vm-secondary-udn/secondary-udn')).toContainEqual([
      expect.stringContaining('Addresses are assigned from'),
      { subnets: '10.2.2.0/24' },
    ]);
    expect(words('NetworkAttachmentDefinition/demo-vm-bridge/virt-bridge')[0]).toEqual([
      expect.stringContaining('Linux bridge'),
      { bridge: 'br-trunk' },
    ]);
  });
});
