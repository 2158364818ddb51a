/**
 * @jest-environment node
 */
import { execSync } from 'child_process';
import { parseAllDocuments } from 'yaml';
import { loadSharedObjects, readShared, sharedPath } from '../../../test-support/shared';
import type { K8sObject } from '../k8s/types';
import { loadCRDsForVersion, OracleVersion } from './load';
import { createCRDValidator, CRDValidator, Finding } from './validator';

const VERSIONS: OracleVersion[] = ['4.19', '4.20', '4.22', 'upstream'];
const validators = Object.fromEntries(
  VERSIONS.map((v) => [v, createCRDValidator(loadCRDsForVersion(v, sharedPath('crds')))]),
) as Record<OracleVersion, CRDValidator>;

const KINDS =
  /^(UserDefinedNetwork|ClusterUserDefinedNetwork|NetworkAttachmentDefinition|MultiNetworkPolicy|NodeNetworkConfigurationPolicy)$/;

/** Every example file that holds one of our kinds (the lower-case `kind: namespace` ones too). */
const exampleFiles = execSync(
  `grep -rliE "^kind: *(UserDefinedNetwork|ClusterUserDefinedNetwork|NetworkAttachmentDefinition|MultiNetworkPolicy|NodeNetworkConfigurationPolicy)" .`,
  { cwd: sharedPath('examples') },
)
  .toString()
  .trim()
  .split('\n')
  .map((f) => f.replace(/^\.\//, ''))
  .sort();

/**
 * The defective files named in examples/SOURCES.md whose defect the API server itself refuses,
 * and the rule that must catch it. The other listed defects are accepted by the API server
 * (unknown CNI keys, a policy-for naming a missing NAD, a missing bridge mapping) — see below.
 */
const BROKEN: Record<string, (f: Finding[]) => boolean> = {
  // `----` between documents: one document whose first key is "---- apiVersion".
  'demo-virt/example/networkattachmentdefinition.yaml': (f) =>
    f.some((x) => x.rule === 'unknown field'),
  // `# comment` inside the CNI JSON: the multus admission webhook rejects it.
  'demo-virt/example/nad-ipvlan.yaml': (f) =>
    f.some((x) => x.rule === 'admission: CNI config must be JSON'),
  // `kind: namespace`: no such kind.
  'demo-virt/example/nad-1924.yaml': (f) => f.some((x) => x.rule === 'kind'),
  'demo-virt/example/nad-1927.yaml': (f) => f.some((x) => x.rule === 'kind'),
  // Found by the oracle, not in SOURCES.md: `layer2.excludeSubnets` does not exist (Localnet only).
  'demo-autofs/components/l2-infra/clusteruserdefinednetwork.yaml': (f) =>
    f.some((x) => x.rule === 'unknown field' && x.path === 'spec.network.layer2.excludeSubnets'),
};

/** Localnet CUDNs exist from 4.19 on; the rest of the examples target every version here. */
const objectsOf = (file: string): K8sObject[] =>
  loadSharedObjects(file.startsWith('/') ? file : `examples/${file}`).filter(
    (o) => KINDS.test(String(o.kind)) || /^namespace$/.test(String(o.kind)),
  );

describe('oracle against ../shared/examples', () => {
  it('finds the example files', () => {
    expect(exampleFiles.length).toBeGreaterThan(50);
  });

  const valid = exampleFiles.filter((f) => !(f in BROKEN));
  it.each(VERSIONS)('every valid UDN/CUDN/NAD/MNP/NNCP example passes on %s', (version) => {
    let checked = 0;
    for (const file of valid) {
      for (const obj of objectsOf(file)) {
        expect({ file, name: obj.metadata?.name, findings: validators[version](obj) }).toEqual({
          file,
          name: obj.metadata?.name,
          findings: [],
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it.each(Object.keys(BROKEN))('%s is refused with the expected rule on every version', (file) => {
    for (const version of VERSIONS) {
      const findings = objectsOf(file).flatMap((o) => validators[version](o));
      expect(BROKEN[file](findings)).toBe(true);
    }
  });

  it('the `----` line glues two documents into one object, which is the one refused', () => {
    const docs = parseAllDocuments(
      readShared('examples/demo-virt/example/networkattachmentdefinition.yaml'),
    );
    const objs = docs.map((d) => d.toJS() as Record<string, unknown>);
    const glued = objs.filter((o) => '---- apiVersion' in o);
    expect(glued).toHaveLength(1);
    expect(validators['4.20'](glued[0]).map((f) => f.path)).toEqual(['---- apiVersion']);
    for (const o of objs.filter((x) => !('---- apiVersion' in x)))
      expect(validators['4.20'](o)).toEqual([]);
  });

  it('defects the API server accepts are accepted (they are for the linters, not the oracle)', () => {
    // `"macspoof": false`, `"vlanId": {}` (unknown bridge keys) and an MNP naming a missing NAD.
    for (const file of [
      'demo-virt/demos/vgt/components/trunk/linux-bridge/nad.yaml',
      'demo-virt/demos/rhel-box-ovn/multinetworkpolicy.yaml',
      'field/epheo-localnet-brex.nad-vm-mnp.yaml',
    ]) {
      expect(objectsOf(file).flatMap((o) => validators['4.20'](o))).toEqual([]);
    }
  });
});

const udn = (layer2: Record<string, unknown>) => ({
  apiVersion: 'k8s.ovn.org/v1',
  kind: 'UserDefinedNetwork',
  metadata: { name: 'n', namespace: 'ns' },
  spec: { topology: 'Layer2', layer2: { role: 'Primary', ...layer2 } },
});

const cudnLocalnet = (localnet: Record<string, unknown>) => ({
  apiVersion: 'k8s.ovn.org/v1',
  kind: 'ClusterUserDefinedNetwork',
  metadata: { name: 'n' },
  spec: {
    namespaceSelector: { matchLabels: { a: 'b' } },
    network: {
      topology: 'Localnet',
      localnet: { role: 'Secondary', physicalNetworkName: 'physnet', ...localnet },
    },
  },
});

const rulesOf = (f: Finding[]) => f.map((x) => `${x.kind}:${x.path}:${x.message}`);

describe('CEL IP/CIDR semantics (api-facts §1.6)', () => {
  const v = validators['4.20'];

  it.each([
    ['10.0.0.0/24', true],
    ['10.0.0.1/24', true], // host bits are accepted by isCIDR
    ['fd00::/64', true],
    ['fd00::1/64', true],
    ['::ffff:10.0.0.0/120', false], // IPv4-mapped IPv6
    ['::ffff:a00:0/120', false], // the same, spelled in hex
    ['fe80::%eth0/64', false], // zone
    ['010.0.0.0/24', false], // leading zero octet
    ['10.0.0.0/024', false], // leading zero in bits
    ['10.0.0.0/33', false],
    ['10.0.0/24', false],
    ['10.0.0.0', false],
    ['1:2:3:4:5:6:7::/64', true], // :: standing for one field
    ['1:2:3:4:5:6:7:8::/64', false], // :: standing for none
    ['::1.2.3.4/128', true], // IPv4-compatible (not mapped) is fine
  ])('isCIDR(%s) == %s', (cidr, ok) => {
    const f = v(udn({ subnets: [cidr] }));
    expect(
      f.some((x) => x.path === 'spec.layer2.subnets[0]' && x.message === 'CIDR is invalid'),
    ).toBe(!ok);
  });

  it.each([
    ['10.0.0.1', true],
    ['fd00::1', true],
    ['::ffff:10.0.0.1', false],
    ['fe80::1%eth0', false],
    ['10.0.0.01', false],
    ['10.0.0.256', false],
  ])('isIP(%s) == %s (defaultGatewayIPs[])', (ip, ok) => {
    const f = v(udn({ subnets: ['10.0.0.0/24'], defaultGatewayIPs: [ip] }));
    expect(
      f.some((x) => x.path === 'spec.layer2.defaultGatewayIPs[0]' && x.message === 'IP is invalid'),
    ).toBe(!ok);
  });

  it('masked(): reservedSubnets with host bits are refused, masked ones accepted', () => {
    expect(rulesOf(v(udn({ subnets: ['10.0.0.0/16'], reservedSubnets: ['10.0.1.0/24'] })))).toEqual(
      [],
    );
    expect(rulesOf(v(udn({ subnets: ['10.0.0.0/16'], reservedSubnets: ['10.0.1.1/24'] })))).toEqual(
      ['cel:spec.layer2:reservedSubnets must be a masked network address (no host bits set)'],
    );
  });

  it('containsCIDR: equal CIDR is contained, wider is not, other family is not', () => {
    const reserved = (r: string, subnets = ['10.0.0.0/16']) =>
      v(udn({ subnets, reservedSubnets: [r] })).map((x) => x.path);
    expect(reserved('10.0.0.0/16')).toEqual([]);
    expect(reserved('10.0.0.0/8')).toContain('spec.layer2.reservedSubnets');
    expect(reserved('10.1.0.0/24')).toContain('spec.layer2.reservedSubnets');
    expect(reserved('fd00::/64', ['10.0.0.0/16', 'fd00::/48'])).toEqual([]);
    expect(reserved('fd01::/64', ['10.0.0.0/16', 'fd00::/48'])).toContain(
      'spec.layer2.reservedSubnets',
    );
  });

  it('containsCIDR uses the masked subnet: a subnet with host bits still contains its network', () => {
    // Overlaps() compares the first min(bits) bits only, so host bits of the container do not matter.
    expect(v(udn({ subnets: ['10.0.0.5/16'], reservedSubnets: ['10.0.1.0/24'] }))).toEqual([]);
  });

  it('containsIP: defaultGatewayIPs must be inside a subnet and of both families', () => {
    expect(v(udn({ subnets: ['10.0.0.0/24'], defaultGatewayIPs: ['10.0.0.1'] }))).toEqual([]);
    expect(rulesOf(v(udn({ subnets: ['10.0.0.0/24'], defaultGatewayIPs: ['10.0.1.1'] })))).toEqual([
      'cel:spec.layer2:defaultGatewayIPs must belong to one of the subnets specified in the subnets field',
    ]);
    expect(
      rulesOf(v(udn({ subnets: ['10.0.0.0/24', 'fd00::/64'], defaultGatewayIPs: ['10.0.0.1'] }))),
    ).toEqual(['cel:spec.layer2:defaultGatewayIPs must be specified for all IP families']);
  });

  it('family(): two subnets of one family are refused; MTU under 1280 with IPv6 is refused', () => {
    expect(rulesOf(v(udn({ subnets: ['10.0.0.0/24', '10.1.0.0/24'] })))).toEqual([
      'cel:spec.layer2.subnets:When 2 CIDRs are set, they must be from different IP families',
    ]);
    expect(rulesOf(v(udn({ subnets: ['fd00::/64'], mtu: 1279 })))).toEqual([
      'cel:spec.layer2:MTU should be greater than or equal to 1280 when IPv6 subent is used',
    ]);
    expect(v(udn({ subnets: ['fd00::/64'], mtu: 1280 }))).toEqual([]);
  });

  it('has(): absent fields pass the conditional rules, present ones are checked', () => {
    expect(v(udn({ subnets: ['10.0.0.0/24'] }))).toEqual([]);
    expect(rulesOf(v(udn({})))).toEqual([
      'cel:spec.layer2:Subnets is required with ipam.mode is Enabled or unset',
    ]);
  });

  it('Layer3 hostSubnet rules are evaluated per list item ([])', () => {
    const l3 = (subnets: unknown[]) => ({
      apiVersion: 'k8s.ovn.org/v1',
      kind: 'UserDefinedNetwork',
      metadata: { name: 'n', namespace: 'ns' },
      spec: { topology: 'Layer3', layer3: { role: 'Secondary', subnets } },
    });
    expect(v(l3([{ cidr: '10.0.0.0/16', hostSubnet: 24 }]))).toEqual([]);
    expect(
      rulesOf(
        v(
          l3([
            { cidr: '10.0.0.0/16', hostSubnet: 24 },
            { cidr: 'fd00::/48', hostSubnet: 40 },
          ]),
        ),
      ),
    ).toEqual(['cel:spec.layer3.subnets[1]:HostSubnet must be smaller than CIDR subnet']);
    expect(rulesOf(v(l3([{ cidr: '10.0.0.0/16', hostSubnet: 32 }])))).toEqual([
      'cel:spec.layer3.subnets[0]:HostSubnet must < 32 for ipv4 CIDR',
    ]);
  });

  it('Localnet: excludeSubnets ⊂ subnets (OCP only), physicalNetworkName matches(), VLAN range', () => {
    const ok = cudnLocalnet({ subnets: ['192.168.4.0/24'], excludeSubnets: ['192.168.4.0/25'] });
    expect(v(ok)).toEqual([]);
    const outside = cudnLocalnet({
      subnets: ['192.168.4.0/24'],
      excludeSubnets: ['192.168.5.0/25'],
    });
    expect(rulesOf(v(outside))).toEqual([
      'cel:spec.network.localnet.excludeSubnets:excludeSubnets must be subnetworks of the networks specified in the subnets field',
    ]);
    expect(validators.upstream(outside)).toEqual([]); // rule commented out upstream (k8s #130441)
    expect(
      rulesOf(v(cudnLocalnet({ physicalNetworkName: 'a:b', ipam: { mode: 'Disabled' } }))),
    ).toEqual([
      'cel:spec.network.localnet.physicalNetworkName:physicalNetworkName cannot contain `,` or `:` characters',
    ]);
    const vlan = (id: number) =>
      cudnLocalnet({ ipam: { mode: 'Disabled' }, vlan: { mode: 'Access', access: { id } } });
    expect(v(vlan(4094))).toEqual([]);
    expect(v(vlan(4095)).map((x) => `${x.kind}:${x.path}`)).toEqual([
      'schema:spec.network.localnet.vlan.access.id',
    ]);
    expect(v(vlan(0)).map((x) => `${x.kind}:${x.path}`)).toEqual([
      'schema:spec.network.localnet.vlan.access.id',
    ]);
  });

  it('reservedSubnets exist from 4.20 on only', () => {
    const obj = udn({ subnets: ['10.0.0.0/16'], reservedSubnets: ['10.0.1.0/24'] });
    expect(validators['4.19'](obj).map((x) => x.rule)).toEqual(['unknown field']);
    expect(validators['4.20'](obj)).toEqual([]);
    expect(validators['4.22'](obj)).toEqual([]);
  });
});

describe('transition rules', () => {
  const v = validators['4.20'];
  const before = udn({ subnets: ['10.0.0.0/24'] });
  const after = udn({ subnets: ['10.0.1.0/24'] });

  it('are skipped on create and enforced on update (OCP: whole spec immutable)', () => {
    expect(v(after)).toEqual([]);
    expect(rulesOf(v(after, { oldObj: before }))).toEqual(['cel:spec:Spec is immutable']);
    expect(v(before, { oldObj: before })).toEqual([]);
  });

  it('upstream master: per-field immutability', () => {
    expect(rulesOf(validators.upstream(after, { oldObj: before }))).toEqual([
      'cel:spec.layer2:Layer2 is immutable',
    ]);
  });

  it('CUDN namespaceSelector stays mutable', () => {
    const a = cudnLocalnet({ ipam: { mode: 'Disabled' } });
    const b = { ...a, spec: { ...a.spec, namespaceSelector: { matchLabels: { c: 'd' } } } };
    expect(v(b, { oldObj: a })).toEqual([]);
  });
});

describe('schema mapping', () => {
  const v = validators['4.20'];
  const nncp = (spec: Record<string, unknown>) => ({
    apiVersion: 'nmstate.io/v1',
    kind: 'NodeNetworkConfigurationPolicy',
    metadata: { name: 'p' },
    spec,
  });

  it('int-or-string, preserve-unknown-fields and the format library (NNCP)', () => {
    expect(v(nncp({ maxUnavailable: 3, desiredState: { anything: { goes: [1] } } }))).toEqual([]);
    expect(v(nncp({ maxUnavailable: '50%' }))).toEqual([]);
    expect(v(nncp({ maxUnavailable: true })).map((x) => x.path)).toContain('spec.maxUnavailable');
    expect(rulesOf(v(nncp({ nodeSelector: { 'node-role.kubernetes.io/worker': '' } })))).toEqual(
      [],
    );
    expect(rulesOf(v(nncp({ nodeSelector: { 'bad key!': '' } })))).toEqual([
      'cel:spec.nodeSelector:nodeSelector keys must be valid qualified names',
    ]);
  });

  it('object meta: names and label keys', () => {
    const obj = udn({ subnets: ['10.0.0.0/24'] });
    expect(
      v({ ...obj, metadata: { name: 'Bad_Name', namespace: 'ns' } }).map((x) => x.path),
    ).toEqual(['metadata.name']);
    expect(
      v({ ...obj, metadata: { name: 'ok', namespace: 'ns', labels: { 'a/b/c': 'x' } } }).map(
        (x) => x.path,
      ),
    ).toEqual(['metadata.labels["a/b/c"]']);
  });

  it('NAD config must parse as a CNI config (multus admission webhook)', () => {
    const nad = (config: string) => ({
      apiVersion: 'k8s.cni.cncf.io/v1',
      kind: 'NetworkAttachmentDefinition',
      metadata: { name: 'a', namespace: 'b' },
      spec: { config },
    });
    expect(v(nad(JSON.stringify({ cniVersion: '0.3.1', type: 'bridge' })))).toEqual([]);
    expect(v(nad('{"cniVersion": "0.3.1"}')).map((x) => x.rule)).toEqual([
      "admission: CNI config needs 'type'",
    ]);
    expect(v(nad('{')).map((x) => x.path)).toEqual(['spec.config']);
  });

  it('null for a non-nullable field is dropped, not a type error', () => {
    const mnp = loadSharedObjects(
      'examples/demo-autofs/ldap/overlays/localnet/multinetworkpolicy.yaml',
    );
    const spec = mnp[0] as unknown as { spec: { ingress: { from?: unknown }[] } };
    expect(spec.spec.ingress[0].from).toBeNull();
    expect(v(mnp[0])).toEqual([]);
  });
});
