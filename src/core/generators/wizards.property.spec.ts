/**
 * @jest-environment node
 *
 * Property-based proof for the three wizards: over ≥10,000 generated form states each (good and
 * bad values mixed), whenever the oracle (real CRDs + CEL rules) refuses a generated object, the
 * wizard's validateForm refused the state with a field message; equivalently every accepted
 * state yields objects the oracle accepts for the target version. Every refusal is translatable:
 * its message and nested keys are in the English catalog and all its placeholders are filled.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { sharedPath } from '../../../test-support/shared';
import { loadCRDsForVersion } from '../crd-oracle/load';
import { createCRDValidator, CRDValidator, Finding } from '../crd-oracle/validator';
import type { K8sObject } from '../k8s/types';
import { TARGET_VERSIONS, TargetVersion } from '../k8s/openshift-version';
import { fieldErrorToEnglish } from '../validation/format';
import type { FieldError, MessageParam } from '../validation/types';
import type { BridgeMappingState, WizardContext } from './common';
import { CUDNFormState, generateCUDN, validateCUDNForm } from './cudn';
import { cniConfig, generateNAD, NADFormState, validateNADForm } from './nad';
import type { NetworkFormState, SubnetEntry } from './network-spec';
import { generateUDN, UDNFormState, validateUDNForm } from './udn';

const RUNS = Number(process.env.WIZARD_PROPERTY_RUNS ?? 10_000);

const oracles = Object.fromEntries(
  TARGET_VERSIONS.map((v) => [v, createCRDValidator(loadCRDsForVersion(v, sharedPath('crds')))]),
) as Record<TargetVersion, CRDValidator>;

/** The English catalog i18next-parser extracts: every key a wizard says must be in it. */
const catalog = new Set(
  Object.keys(
    JSON.parse(
      fs.readFileSync(
        path.resolve(__dirname, '../../../locales/en/plugin__vm-networking-console-plugin.json'),
        'utf8',
      ),
    ),
  ),
);
const keysOf = (message: string, params?: Record<string, MessageParam>): string[] => [
  message,
  ...Object.values(params ?? {}).flatMap((p) =>
    typeof p === 'object' ? keysOf(p.key, p.params) : [],
  ),
];

/** Namespaces and Nodes are core kinds the oracle does not hold; everything else must pass. */
const oracleFindings = (objs: K8sObject[], v: TargetVersion): Finding[] =>
  objs.filter((o) => o.kind !== 'Namespace').flatMap((o) => oracles[v](o));

// ---- arbitraries: a mix of sensible and broken values -----------------------------------------

const octet = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0, 1, 10, 100, 128, 255));
const v4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const hex = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
const v6 = fc.oneof(
  fc.tuple(hex, hex, hex).map(([a, b, c]) => `fd${a.slice(-2).padStart(2, '0')}:${b}:${c}::`),
  fc.tuple(hex, hex).map(([a, b]) => `2001:db8:${a}:${b}::`),
  fc.constantFrom('fd00::', 'fd99::', 'fd01::', 'fe80::', '::ffff:10.0.0.0', 'fd00::1', '::'),
);
const goodCidr = fc.oneof(
  fc.constantFrom(
    '10.0.0.0/24',
    '10.1.0.0/16',
    '192.168.4.0/24',
    '192.168.5.0/25',
    '172.16.0.0/12',
    '203.0.113.0/24',
    'fd00::/64',
    'fd00:1::/48',
    '2001:db8::/32',
    'fd12:3456::/64',
  ),
  fc.tuple(v4, fc.integer({ min: 8, max: 30 })).map(([a, b]) => `${a}/${b}`),
  fc.tuple(v6, fc.integer({ min: 32, max: 120 })).map(([a, b]) => `${a}/${b}`),
);
const badCidr = fc.constantFrom(
  '10.0.0.1/24', // host bits
  '10.128.0.0/16', // cluster network
  '172.30.1.0/24', // service network
  '100.64.0.0/24', // join
  '100.65.0.0/24', // UDN default join
  '169.254.1.0/24', // masquerade
  '010.0.0.0/24', // leading zero
  '10.0.0.0/33',
  '10.0.0.0',
  '::ffff:10.0.0.0/120', // IPv4-mapped
  'fe80::%eth0/64', // zone
  'fd00::1/64', // host bits v6
  'fd00::/129',
  '10.0.0.0/8',
  '',
  ' 10.0.0.0/24',
  '1:2:3:4:5:6:7:8::/64',
);
const cidr = fc.oneof({ weight: 4, arbitrary: goodCidr }, { weight: 1, arbitrary: badCidr });
const cidrs = (max: number) => fc.array(cidr, { maxLength: max });

const name = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', 'Bad', 'a_b', '-a', 'a-', 'a.b', 'x'.repeat(64), 'ns/x', 'ä'),
  },
);
const mtu = fc.option(
  fc.oneof(
    fc.constantFrom(575, 576, 1279, 1280, 1400, 1500, 9000, 65536, 65537, 0),
    fc.integer({ min: 0, max: 70000 }),
  ),
  { nil: undefined },
);
const vlan = fc.option(
  fc.oneof(fc.constantFrom(0, 1, 1924, 4094, 4095, -1), fc.integer({ min: -5, max: 5000 })),
  { nil: undefined },
);
const physnet = fc.oneof(
  fc.constantFrom(
    'physnet',
    'physnet-vmdata',
    'vlan_1924',
    'a:b',
    'a,b',
    '',
    'has space',
    'x'.repeat(254),
  ),
  fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}$/),
);
const ipOf = fc.oneof(
  fc.constantFrom(
    '10.0.0.1',
    '10.1.0.1',
    '192.168.4.1',
    'fd00::1',
    '10.0.0.01',
    'fe80::1%eth0',
    '::ffff:10.0.0.1',
    '1.2.3',
  ),
  v4,
);

const randomBridgeMapping: fc.Arbitrary<BridgeMappingState> = fc.record({
  mode: fc.constantFrom('existing', 'br-ex', 'ovs-bridge'),
  bridgeName: fc.constantFrom('br-vmdata', 'br-ex', 'br-trunk', 'a very long bridge name', ''),
  nic: fc.constantFrom('ens224', 'enp2s0', '', 'eth0/1'),
  nodeSelector: fc.constantFrom(
    { 'node-role.kubernetes.io/worker': '' },
    {},
    { 'bad key!': 'x' },
    { zone: 'a b' },
  ),
  policyName: fc.constantFrom('', 'map-vmdata', 'Bad_Name'),
}) as fc.Arbitrary<BridgeMappingState>;
const bridgeMapping: fc.Arbitrary<BridgeMappingState> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom<BridgeMappingState>(
      { mode: 'existing', bridgeName: 'br-vmdata', nic: '', nodeSelector: {}, policyName: '' },
      {
        mode: 'br-ex',
        bridgeName: 'br-vmdata',
        nic: '',
        nodeSelector: { 'node-role.kubernetes.io/worker': '' },
        policyName: '',
      },
      {
        mode: 'ovs-bridge',
        bridgeName: 'br-vmdata',
        nic: 'ens224',
        nodeSelector: { 'node-role.kubernetes.io/worker': '' },
        policyName: '',
      },
    ),
  },
  { weight: 1, arbitrary: randomBridgeMapping },
);

const network = (topologies: NetworkFormState['topology'][]): fc.Arbitrary<NetworkFormState> =>
  fc.record({
    topology: fc.constantFrom(...topologies),
    role: fc.constantFrom('Primary', 'Secondary'),
    subnets: fc.array(
      fc.record({
        cidr,
        hostSubnet: fc.option(fc.constantFrom(0, 8, 16, 23, 24, 31, 32, 64, 120, 127, 128), {
          nil: undefined,
        }),
      }),
      { maxLength: 3 },
    ) as fc.Arbitrary<SubnetEntry[]>,
    ipamMode: fc.constantFrom('Enabled', 'Enabled', 'Disabled'),
    persistentIPs: fc.boolean(),
    mtu,
    joinSubnets: fc.oneof(
      { weight: 3, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: cidrs(3) },
    ),
    reservedSubnets: fc.oneof(
      { weight: 3, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: cidrs(2) },
    ),
    infrastructureSubnets: fc.oneof(
      { weight: 3, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: cidrs(2) },
    ),
    defaultGatewayIPs: fc.oneof(
      { weight: 3, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.array(ipOf, { maxLength: 3 }) },
    ),
    physicalNetworkName: physnet,
    vlanId: vlan,
    excludeSubnets: fc.oneof(
      { weight: 2, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: cidrs(3) },
    ),
  }) as fc.Arbitrary<NetworkFormState>;

// A coherent state (what a person filling the form mostly produces), then one field broken.
const V4 = ['10.0.0.0/24', '10.200.0.0/16', '192.168.4.0/24', '172.16.0.0/16', '203.0.113.0/24'];
const V6 = ['fd00::/64', 'fd00:1::/48', '2001:db8::/32'];
const host = (c: string) => Math.min(Number(c.split('/')[1]) + 8, c.includes(':') ? 120 : 30);
const saneNetwork = (topologies: NetworkFormState['topology'][]): fc.Arbitrary<NetworkFormState> =>
  fc
    .record({
      topology: fc.constantFrom(...topologies),
      role: fc.constantFrom<NetworkFormState['role']>('Primary', 'Secondary'),
      v4: fc.option(fc.constantFrom(...V4), { nil: undefined }),
      v6: fc.option(fc.constantFrom(...V6), { nil: undefined }),
      withHost: fc.boolean(),
      disabled: fc.boolean(),
      persistentIPs: fc.boolean(),
      mtu: fc.option(fc.constantFrom(1280, 1400, 1500, 9000), { nil: undefined }),
      physicalNetworkName: fc.constantFrom('physnet', 'physnet-vmdata', 'vlan_1924'),
      vlanId: fc.option(fc.constantFrom(1, 100, 1924, 4094), { nil: undefined }),
      exclude: fc.boolean(),
      preconf: fc.boolean(),
    })
    .map((r) => {
      const list = [r.v4, r.v6].filter((x): x is string => !!x);
      const cidrsOf = list.length ? list : ['10.0.0.0/24'];
      const localnet = r.topology === 'Localnet';
      const role = localnet ? 'Secondary' : r.role;
      const disabled = r.disabled && role === 'Secondary' && r.topology !== 'Layer3';
      const subnets = disabled
        ? []
        : cidrsOf.map((c) =>
            r.topology === 'Layer3' && r.withHost ? { cidr: c, hostSubnet: host(c) } : { cidr: c },
          );
      const l2primary = r.topology === 'Layer2' && role === 'Primary' && r.preconf;
      return {
        topology: r.topology,
        role,
        subnets,
        ipamMode: disabled ? 'Disabled' : 'Enabled',
        persistentIPs: r.persistentIPs && !disabled && r.topology !== 'Layer3',
        mtu: r.mtu,
        joinSubnets: [],
        reservedSubnets: l2primary ? [cidrsOf[0]] : [],
        infrastructureSubnets: [],
        defaultGatewayIPs: [],
        physicalNetworkName: localnet ? r.physicalNetworkName : '',
        vlanId: localnet ? r.vlanId : undefined,
        excludeSubnets: localnet && r.exclude && !disabled ? [cidrsOf[0]] : [],
      } as NetworkFormState;
    });

const KEYS: (keyof NetworkFormState)[] = [
  'topology',
  'role',
  'subnets',
  'ipamMode',
  'persistentIPs',
  'mtu',
  'joinSubnets',
  'reservedSubnets',
  'infrastructureSubnets',
  'defaultGatewayIPs',
  'physicalNetworkName',
  'vlanId',
  'excludeSubnets',
];
const mixedNetwork = (topologies: NetworkFormState['topology'][]): fc.Arbitrary<NetworkFormState> =>
  fc.oneof(
    { weight: 2, arbitrary: saneNetwork(topologies) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          saneNetwork(topologies),
          network(topologies),
          fc.subarray(KEYS, { minLength: 1, maxLength: 2 }),
        )
        .map(
          ([good, bad, keys]) =>
            ({ ...good, ...Object.fromEntries(keys.map((k) => [k, bad[k]])) }) as NetworkFormState,
        ),
    },
    { weight: 1, arbitrary: network(topologies) },
  );

/** Subnet pairs built from the subnet itself, so the "inside" rules get exercised both ways. */
const withInnerSubnets = <T extends NetworkFormState>(s: T, pick: number): T => {
  if (pick % 7 !== 0 || !s.subnets.length) return s;
  const first = s.subnets[0].cidr;
  return {
    ...s,
    reservedSubnets: pick % 2 ? [first] : s.reservedSubnets,
    excludeSubnets: [first],
    defaultGatewayIPs: pick % 5 === 0 ? [first.split('/')[0]] : s.defaultGatewayIPs,
  };
};

const version = fc.constantFrom<TargetVersion>(...TARGET_VERSIONS);
const ctx = (target: TargetVersion): WizardContext => ({ target });

/** Every finding of the oracle must be matched by at least one form error. */
const check = (
  label: string,
  errors: FieldError[],
  objs: K8sObject[],
  target: TargetVersion,
  stats: { accepted: number; refused: number; oracleRejected: number },
): void => {
  const findings = oracleFindings(objs, target);
  if (errors.length) stats.refused++;
  else stats.accepted++;
  if (findings.length) stats.oracleRejected++;
  if (findings.length && !errors.length) {
    throw new Error(
      `${label}: accepted by the wizard but refused by the ${target} CRDs:\n${JSON.stringify(findings, null, 1)}\n${JSON.stringify(objs, null, 1)}`,
    );
  }
  for (const e of errors) {
    if (!e.field || !e.message)
      throw new Error(`${label}: error without field or message: ${JSON.stringify(e)}`);
    const untranslatable = keysOf(e.message, e.params).filter((k) => !catalog.has(k));
    if (untranslatable.length)
      throw new Error(`${label}: keys missing from the catalog (npm run i18n): ${untranslatable}`);
    if (fieldErrorToEnglish(e).includes('{{'))
      throw new Error(`${label}: a placeholder has no value: ${JSON.stringify(e)}`);
  }
};

const report: Record<string, unknown> = {};
afterAll(() => {
  // Printed for the record: counts per wizard and time.
  console.log(JSON.stringify(report, null, 1));
});

describe(`wizard properties (${RUNS} states per wizard)`, () => {
  it('UDN: accepted ⇒ valid for the target; refused by the CRDs ⇒ refused by the form', () => {
    const stats = { accepted: 0, refused: 0, oracleRejected: 0 };
    const t0 = Date.now();
    fc.assert(
      fc.property(
        mixedNetwork(['Layer2', 'Layer3', 'Layer2', 'Localnet']),
        name,
        name,
        fc.boolean(),
        version,
        fc.nat(),
        (net, n, ns, createNamespace, target, pick) => {
          const s: UDNFormState = {
            ...withInnerSubnets(net, pick),
            name: n,
            namespace: ns,
            createNamespace,
          };
          const c = ctx(target);
          const objs = generateUDN(s, c);
          check('UDN', validateUDNForm(s, c), objs, target, stats);
        },
      ),
      { numRuns: RUNS, seed: 5 },
    );
    report.udn = { ...stats, ms: Date.now() - t0 };
    expect(stats.accepted).toBeGreaterThan(RUNS / 50);
    expect(stats.oracleRejected).toBeGreaterThan(RUNS / 20);
  });

  it('CUDN: accepted ⇒ valid for the target; refused by the CRDs ⇒ refused by the form', () => {
    const stats = { accepted: 0, refused: 0, oracleRejected: 0 };
    const t0 = Date.now();
    fc.assert(
      fc.property(
        mixedNetwork(['Layer2', 'Layer3', 'Localnet', 'Localnet']),
        name,
        fc.constantFrom<Record<string, string>>(
          { tenant: 'a' },
          { tenant: 'a' },
          { tenant: 'a' },
          {},
          { 'bad key!': 'x' },
          { 'k8s.io/app': 'x'.repeat(64) },
        ),
        fc.constantFrom<CUDNFormState['matchExpressions']>(
          [],
          [{ key: 'env', operator: 'In', values: ['dev'] }],
          [{ key: 'env', operator: 'In', values: [] }],
          [{ key: 'env', operator: 'Exists' }],
        ),
        bridgeMapping,
        version,
        fc.nat(),
        (net, n, matchLabels, matchExpressions, bm, target, pick) => {
          const s: CUDNFormState = {
            ...withInnerSubnets(net, pick),
            name: n,
            matchLabels,
            matchExpressions,
            bridgeMapping: bm,
          };
          const c = ctx(target);
          check('CUDN', validateCUDNForm(s, c), generateCUDN(s, c), target, stats);
        },
      ),
      { numRuns: RUNS, seed: 6 },
    );
    report.cudn = { ...stats, ms: Date.now() - t0 };
    expect(stats.accepted).toBeGreaterThan(RUNS / 50);
    expect(stats.oracleRejected).toBeGreaterThan(RUNS / 20);
  });

  /**
   * A NAD's CRD only checks that the config is a CNI config, so the OVN configs are also checked
   * against what OVN-Kubernetes accepts for the same network: the CUDN with the same topology,
   * subnets, MTU and VLAN (the UDN controller renders exactly these keys), through the oracle.
   */
  const ovnAsCudn = (s: NADFormState): K8sObject | undefined => {
    if (s.type !== 'ovn-layer2' && s.type !== 'ovn-localnet') return undefined;
    const c = cniConfig(s) as {
      subnets?: string;
      excludeSubnets?: string;
      mtu?: number;
      vlanID?: number;
      name: string;
      allowPersistentIPs?: boolean;
    };
    const subnets = c.subnets?.split(',');
    const common = {
      role: 'Secondary',
      ...(subnets ? { subnets } : { ipam: { mode: 'Disabled' } }),
      ...(c.mtu !== undefined ? { mtu: c.mtu } : {}),
      ...(c.allowPersistentIPs && subnets ? { ipam: { lifecycle: 'Persistent' } } : {}),
    };
    const network =
      s.type === 'ovn-layer2'
        ? { topology: 'Layer2', layer2: common }
        : {
            topology: 'Localnet',
            localnet: {
              ...common,
              physicalNetworkName: c.name,
              ...(c.excludeSubnets ? { excludeSubnets: c.excludeSubnets.split(',') } : {}),
              ...(c.vlanID !== undefined
                ? { vlan: { mode: 'Access', access: { id: c.vlanID } } }
                : {}),
            },
          };
    return {
      apiVersion: 'k8s.ovn.org/v1',
      kind: 'ClusterUserDefinedNetwork',
      metadata: { name: 'equivalent' },
      spec: { namespaceSelector: { matchLabels: { a: 'b' } }, network },
    } as K8sObject;
  };

  it('NAD: accepted ⇒ valid (CRD, admission, OVN semantics); refused ⇒ refused by the form', () => {
    const stats = { accepted: 0, refused: 0, oracleRejected: 0 };
    const t0 = Date.now();
    const nadState: fc.Arbitrary<NADFormState> = fc.record({
      name,
      namespace: name,
      type: fc.constantFrom('bridge', 'ovn-layer2', 'ovn-localnet', 'sriov', 'macvlan'),
      description: fc.constantFrom('', 'VLAN 1924 on br-vmdata'),
      mtu,
      vlanId: vlan,
      bridgeName: fc.constantFrom('br-vmdata', 'br1', '', 'bridge name', 'x'.repeat(16)),
      vlanMode: fc.constantFrom('none', 'access', 'trunk'),
      trunk: fc.array(
        fc.record({
          minID: fc.integer({ min: -1, max: 4096 }),
          maxID: fc.integer({ min: -1, max: 4096 }),
        }),
        { maxLength: 2 },
      ),
      macspoofchk: fc.boolean(),
      requireBridgeOnNode: fc.boolean(),
      ipamType: fc.constantFrom('none', 'none', 'whereabouts', 'dhcp'),
      ipamRange: cidr,
      networkName: fc.oneof(fc.constant(''), physnet),
      subnets: cidrs(3),
      excludeSubnets: fc.oneof(fc.constant([]), cidrs(2)),
      persistentIPs: fc.boolean(),
      bridgeMapping,
      resourceName: fc.constantFrom(
        'openshift.io/mlxnics',
        'intel.com/sriov',
        'nodomain',
        '',
        'Bad/Name!',
      ),
      master: fc.constantFrom('', 'ens224', 'bad iface'),
      macvlanMode: fc.constantFrom('bridge', 'private', 'vepa', 'passthru'),
    }) as fc.Arbitrary<NADFormState>;
    const saneNad: fc.Arbitrary<NADFormState> = fc
      .record({
        type: fc.constantFrom<NADFormState['type']>(
          'bridge',
          'ovn-layer2',
          'ovn-localnet',
          'sriov',
          'macvlan',
        ),
        n: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/),
        ns: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/),
        vlanMode: fc.constantFrom<NADFormState['vlanMode']>('none', 'access', 'trunk'),
        vlanId: fc.integer({ min: 1, max: 4094 }),
        v4: fc.option(fc.constantFrom(...V4), { nil: undefined }),
        v6: fc.option(fc.constantFrom(...V6), { nil: undefined }),
        mtu: fc.option(fc.constantFrom(1280, 1400, 1500, 9000), { nil: undefined }),
        bm: bridgeMapping,
        ipamType: fc.constantFrom<NADFormState['ipamType']>('none', 'whereabouts', 'dhcp'),
      })
      .map((r) => {
        const ovn = r.type === 'ovn-layer2' || r.type === 'ovn-localnet';
        const subnets = ovn ? [r.v4, r.v6].filter((x): x is string => !!x) : [];
        return {
          name: r.n,
          namespace: r.ns,
          type: r.type,
          description: '',
          mtu: r.mtu,
          vlanId:
            (r.type === 'bridge' && r.vlanMode === 'access') ||
            r.type === 'ovn-localnet' ||
            r.type === 'sriov'
              ? r.vlanId
              : undefined,
          bridgeName: 'br-vmdata',
          vlanMode: r.type === 'bridge' ? r.vlanMode : 'none',
          trunk:
            r.type === 'bridge' && r.vlanMode === 'trunk'
              ? [
                  { minID: 100, maxID: 200 },
                  { minID: r.vlanId, maxID: r.vlanId },
                ]
              : [],
          macspoofchk: true,
          requireBridgeOnNode: true,
          ipamType: ovn ? 'none' : r.ipamType,
          ipamRange: '192.168.50.0/24',
          networkName: '',
          subnets,
          excludeSubnets: subnets.length && r.type === 'ovn-localnet' ? [subnets[0]] : [],
          persistentIPs: subnets.length > 0,
          bridgeMapping: r.bm,
          resourceName: 'openshift.io/mlxnics',
          master: r.type === 'macvlan' ? 'ens224' : '',
          macvlanMode: 'bridge',
        } as NADFormState;
      });
    const NAD_KEYS = [
      'name',
      'namespace',
      'type',
      'mtu',
      'vlanId',
      'bridgeName',
      'vlanMode',
      'trunk',
      'ipamType',
      'ipamRange',
      'networkName',
      'subnets',
      'excludeSubnets',
      'persistentIPs',
      'bridgeMapping',
      'resourceName',
      'master',
    ] as (keyof NADFormState)[];
    const mixedNad = fc.oneof(
      { weight: 2, arbitrary: saneNad },
      {
        weight: 3,
        arbitrary: fc
          .tuple(saneNad, nadState, fc.subarray(NAD_KEYS, { minLength: 1, maxLength: 2 }))
          .map(
            ([g, b, keys]) =>
              ({ ...g, ...Object.fromEntries(keys.map((k) => [k, b[k]])) }) as NADFormState,
          ),
      },
      { weight: 1, arbitrary: nadState },
    );
    fc.assert(
      fc.property(mixedNad, version, (s, target) => {
        const c = ctx(target);
        const objs = generateNAD(s, c);
        const equivalent = ovnAsCudn(s);
        check(
          'NAD',
          validateNADForm(s, c),
          equivalent ? [...objs, equivalent] : objs,
          target,
          stats,
        );
        const nad = objs[objs.length - 1] as { spec: { config: string } };
        const config = JSON.parse(nad.spec.config);
        if (
          config.netAttachDefName !== undefined &&
          config.netAttachDefName !== `${s.namespace}/${s.name}`
        ) {
          throw new Error('netAttachDefName must be <namespace>/<name>');
        }
      }),
      { numRuns: RUNS, seed: 7 },
    );
    report.nad = { ...stats, ms: Date.now() - t0 };
    expect(stats.accepted).toBeGreaterThan(RUNS / 50);
    expect(stats.oracleRejected).toBeGreaterThan(RUNS / 50);
  });
});
