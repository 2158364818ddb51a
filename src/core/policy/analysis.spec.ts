/**
 * @jest-environment node
 *
 * Semantics and diagnostics of the policy analysis on the seed-004 scenario, varied the way the
 * field notes (../shared/notes/field-examples.md, gotchas 36–40) say people get it wrong.
 */
import * as path from 'path';
import type { K8sObject, MultiNetworkPolicy } from '../k8s/types';
import { readManifests } from '../manifests/read-dir';
import { PolicyAnalysis } from './analysis';
import { diagnose } from './diagnostics';
import { buildMatrix } from './matrix';
import { syntheticCluster } from './synthetic';

const fixtures = path.join(__dirname, '__fixtures__', 'seed-004');
const load = (...dirs: string[]) =>
  readManifests(...dirs.map((d) => path.join(fixtures, d))).objects;
const GOLD = 'llm-demo/centos-stream9-gold-rabbit-80';

const mnp = (
  name: string,
  spec: MultiNetworkPolicy['spec'],
  policyFor = 'llm-demo-localnet-network',
): MultiNetworkPolicy => ({
  apiVersion: 'k8s.cni.cncf.io/v1beta1',
  kind: 'MultiNetworkPolicy',
  metadata: {
    name,
    namespace: 'llm-demo',
    annotations: { 'k8s.v1.cni.cncf.io/policy-for': policyFor },
  },
  spec,
});
const selectGold = { matchLabels: { 'vm.kubevirt.io/name': 'centos-stream9-gold-rabbit-80' } };

describe('rule semantics', () => {
  const base = load('base');
  it('ports: a rule with ports does not allow ping; endPort ranges; except carves out', () => {
    const a = new PolicyAnalysis([
      ...base,
      mnp('ssh-and-range', {
        podSelector: selectGold,
        ingress: [
          {
            ports: [
              { protocol: 'TCP', port: 22 },
              { protocol: 'UDP', port: 5000, endPort: 5010 },
            ],
            from: [],
          },
          { from: [{ ipBlock: { cidr: '192.168.77.0/24', except: ['192.168.77.10/32'] } }] },
        ],
      }),
    ]);
    const q = (ip: string, protocol?: string, port?: number) =>
      a.evaluate({ endpoint: GOLD, direction: 'ingress', peer: { ip }, protocol, port }).verdict;
    expect(q('8.8.8.8', 'TCP', 22)).toBe('Allowed'); // `from: []` = any source (gotcha 40)
    expect(q('8.8.8.8')).toBe('Denied'); // ICMP: only rules without ports allow it
    expect(q('8.8.8.8', 'UDP', 5010)).toBe('Allowed');
    expect(q('8.8.8.8', 'UDP', 5011)).toBe('Denied');
    expect(q('192.168.77.20')).toBe('Allowed');
    expect(q('192.168.77.10')).toBe('Denied');
    // Egress is not isolated: policyTypes default to Ingress when there are no egress rules.
    expect(
      a.evaluate({ endpoint: GOLD, direction: 'egress', peer: { ip: '1.1.1.1' } }).reason,
    ).toBe('no-policy');
  });

  it('ingress: [] isolates, ingress: [{}] allows everything', () => {
    const deny = new PolicyAnalysis([
      ...base,
      mnp('deny', { podSelector: selectGold, ingress: [] }),
    ]);
    expect(
      deny.evaluate({ endpoint: GOLD, direction: 'ingress', peer: { ip: '1.1.1.1' } }).verdict,
    ).toBe('Denied');
    const all = new PolicyAnalysis([
      ...base,
      mnp('all', { podSelector: selectGold, ingress: [{}] }),
    ]);
    const r = all.evaluate({ endpoint: GOLD, direction: 'ingress', peer: { ip: '1.1.1.1' } });
    expect(r).toMatchObject({
      verdict: 'Allowed',
      reason: 'rule',
      rule: { direction: 'ingress', index: 0 },
    });
  });

  it('named ports resolve against the VM interface ports', () => {
    const withPort = base.map((o) =>
      o.metadata?.name === 'centos-stream9-gold-rabbit-80' && o.kind === 'VirtualMachine'
        ? JSON.parse(
            JSON.stringify(o).replace(
              '"name":"nic-yellow-duck-37"',
              '"name":"nic-yellow-duck-37","ports":[{"name":"web","port":8443}]',
            ),
          )
        : o,
    );
    const a = new PolicyAnalysis([
      ...withPort,
      mnp('web', { podSelector: selectGold, ingress: [{ ports: [{ port: 'web' }] }] }),
    ]);
    const q = (port: number) =>
      a.evaluate({
        endpoint: GOLD,
        direction: 'ingress',
        peer: { ip: '10.0.0.1' },
        protocol: 'TCP',
        port,
      }).verdict;
    expect(q(8443)).toBe('Allowed');
    expect(q(443)).toBe('Denied');
  });
});

describe('diagnostics', () => {
  it('MultiNetworkPolicy is inert while useMultiNetworkPolicy is off (gotcha 36), with the patch as fix', () => {
    const objects = load('base', 'phase-1-deny-all').map((o) =>
      o.kind === 'Network' ? { ...o, spec: { useMultiNetworkPolicy: false } } : o,
    );
    const a = new PolicyAnalysis(objects);
    expect(
      a.evaluate({
        endpoint: 'llm-demo/tinypod',
        direction: 'egress',
        peer: { ip: '192.168.77.92' },
      }).verdict,
    ).toBe('Allowed');
    const d = diagnose(a).find((x) => x.code === 'mnp-disabled')!;
    expect(d.fix.patch).toEqual({
      apiVersion: 'operator.openshift.io/v1',
      kind: 'Network',
      name: 'cluster',
      type: 'merge',
      body: { spec: { useMultiNetworkPolicy: true } },
    });
  });

  it('policy-for naming a NAD that does not exist is a silent no-op (gotcha 37)', () => {
    const a = new PolicyAnalysis([
      ...load('base'),
      mnp('typo', { podSelector: {}, ingress: [] }, 'llm-demo/localnet-cnv'),
    ]);
    expect(
      a.evaluate({ endpoint: GOLD, direction: 'ingress', peer: { ip: '1.1.1.1' } }).reason,
    ).toBe('no-policy');
    expect(diagnose(a).map((d) => d.code)).toContain('policy-for-unknown-nad');
  });

  it('selector peers on the IPAM-less localnet are rejected (gotcha 38, seed log line 665)', () => {
    // The seed's commented-out allow-specific-pods policy.
    const a = new PolicyAnalysis([
      ...load('base', 'phase-1-deny-all'),
      mnp('allow-specific-pods', {
        podSelector: { matchLabels: { app: 'tinypod' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'tinypod-01' } } }] }],
      }),
    ]);
    expect(diagnose(a).find((d) => d.code === 'ipamless-selector-peers')?.subject.name).toBe(
      'allow-specific-pods',
    );
    expect(
      a.evaluate({
        endpoint: 'llm-demo/tinypod',
        direction: 'ingress',
        interface: 'net1',
        peer: { endpoint: 'llm-demo/tinypod-01' },
      }).verdict,
    ).toBe('Denied');
  });

  it('a default-deny that blocks DHCP for a DHCP guest (gotcha 39), with an allow-DHCP policy as fix', () => {
    const objects = load('base', 'phase-1-deny-all').map((o) =>
      o.kind === 'VirtualMachine' && o.metadata?.name === 'centos-stream9-gold-rabbit-80'
        ? JSON.parse(
            JSON.stringify(o).replace('addresses:\\n      - 192.168.77.71\\n', 'dhcp4: true\\n'),
          )
        : o,
    );
    const a = new PolicyAnalysis(objects);
    const d = diagnose(a).find((x) => x.code === 'dhcp-blocked')!;
    expect(d.subject.name).toBe('centos-stream9-gold-rabbit-80');
    const fixed = new PolicyAnalysis([...objects, d.fix.create!]);
    expect(diagnose(fixed).some((x) => x.code === 'dhcp-blocked')).toBe(false);
  });

  it('a policy on a Linux bridge NAD is flagged as unsupported', () => {
    const bridgeNad: K8sObject = {
      apiVersion: 'k8s.cni.cncf.io/v1',
      kind: 'NetworkAttachmentDefinition',
      metadata: { name: 'br1', namespace: 'llm-demo' },
      spec: {
        config: JSON.stringify({ cniVersion: '0.3.1', name: 'br1', type: 'bridge', bridge: 'br1' }),
      },
    } as K8sObject;
    const a = new PolicyAnalysis([
      ...load('base'),
      bridgeNad,
      mnp('on-bridge', { podSelector: {}, ingress: [] }, 'br1'),
    ]);
    expect(diagnose(a).map((d) => d.code)).toContain('linux-bridge-mnp');
  });
});

describe('matrix', () => {
  it('lists every interface pair and outside block of the seed network (phase 3)', () => {
    const a = new PolicyAnalysis(
      load('base', 'phase-1-deny-all', 'phase-2-allow-some', 'phase-3-cnv'),
    );
    const m = buildMatrix(a, {
      namespace: 'llm-demo',
      networkId: 'nad:localnet-cnv',
      outside: ['192.168.77.1/32', '8.8.8.0/24'],
    });
    expect(m.peers.filter((p) => p.kind === 'interface')).toHaveLength(5);
    const cell = (from: string, to: string) =>
      m.cells.find((c) => c.from.startsWith(from) && c.to.startsWith(to))!;
    expect(cell('llm-demo/tinypod-01[Pod]', 'llm-demo/tinypod[Pod]').words).toBe('All connections');
    expect(cell('llm-demo/tinypod[Pod]', 'llm-demo/tinypod-01[Pod]').words).toBe('No connections');
    expect(cell('llm-demo/centos-stream9-gold-rabbit-80', '8.8.8.0/24').words).toBe(
      'All connections',
    );
    expect(cell('192.168.77.1/32', 'llm-demo/centos-stream9-green-ferret-41').words).toBe(
      'All connections',
    );
  });

  it('scales: 200 interfaces with 400 policies', () => {
    const a = new PolicyAnalysis(syntheticCluster(200, 400));
    const start = Date.now();
    const m = buildMatrix(a, {
      namespace: 'bench',
      networkId: 'nad:tenant-net',
      outside: ['0.0.0.0/0'],
    });
    expect(m.cells.length).toBe(200 * 199 + 400);
    expect(Date.now() - start).toBeLessThan(5000);
  });
});
