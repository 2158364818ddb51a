/**
 * @jest-environment node
 *
 * Seed 004 (../shared/seeds/004_562b92179e324ec7.txt): VMs and pods on an OVN localnet secondary
 * network (no IPAM) secured with MultiNetworkPolicies, then checked with ping from every VM and pod.
 * Each expectation quotes the seed's observed result. Ping is ICMP: the question is asked without
 * protocol, so only rules without ports allow it, and both ends' policies must allow it.
 */
import * as path from 'path';
import { readManifests } from '../manifests/read-dir';
import { PolicyAnalysis, type Verdict } from './analysis';
import { diagnose } from './diagnostics';
import { outsideBlocksOf } from './matrix';

const fixtures = path.join(__dirname, '__fixtures__', 'seed-004');
const PHASES = ['base', 'phase-1-deny-all', 'phase-2-allow-some', 'phase-3-cnv'];
const analysisAt = (phase: number) =>
  new PolicyAnalysis(
    readManifests(...PHASES.slice(0, phase + 1).map((p) => path.join(fixtures, p))).objects,
  );

const NS = 'llm-demo';
const GOLD_RABBIT = `${NS}/centos-stream9-gold-rabbit-80`;
const GREEN_FERRET = `${NS}/centos-stream9-green-ferret-41`;

/** `from` pings `ip`: egress from `from`, plus the ingress side when `ip` is a known interface. */
const ping = (a: PolicyAnalysis, from: string, ip: string): Verdict =>
  a.evaluate({ endpoint: from, direction: 'egress', peer: { ip } }).verdict;

/** An outside host at `ip` pings the endpoint: ingress only. */
const pingedFrom = (a: PolicyAnalysis, target: string, ip: string): Verdict =>
  a.evaluate({ endpoint: target, direction: 'ingress', peer: { ip } }).verdict;

describe('seed 004 fixtures are read as the cluster had them', () => {
  const a = analysisAt(3);
  it('places the VMs and pods on the localnet network with their addresses', () => {
    const vm = a.findEndpoint(GOLD_RABBIT)!;
    expect(vm.kind).toBe('VirtualMachine');
    // Selected through the virt-launcher pod's labels (vm.kubevirt.io/name), not the VM's own.
    expect(vm.labels['vm.kubevirt.io/name']).toBe('centos-stream9-gold-rabbit-80');
    expect(vm.interfaces).toHaveLength(1);
    expect(vm.interfaces[0]).toMatchObject({ name: 'nic-yellow-duck-37', ipSource: 'cloud-init' });
    expect(vm.interfaces[0].ips.map((i) => i.text)).toEqual(['192.168.77.71']);
    const net = a.network(vm.interfaces[0].networkId)!;
    // The network is the NAD config name (localnet-cnv), shown by its NAD name.
    expect(net).toMatchObject({
      id: 'nad:localnet-cnv',
      topology: 'localnet',
      ipam: 'no',
      policyKind: 'MultiNetworkPolicy',
    });
    const tinypod = a.findEndpoint(`${NS}/tinypod`)!;
    expect(
      tinypod.interfaces.map((i) => [i.name, i.networkId, i.ips.map((x) => x.text).join()]),
    ).toEqual([
      ['eth0', 'pod', '10.132.0.39'],
      ['net1', 'nad:localnet-cnv', '192.168.77.91'],
    ]);
  });
});

describe('phase 0: no MultiNetworkPolicy', () => {
  const a = analysisAt(0);
  it('lets tinypod reach the other pod and the outside VM', () => {
    // L234-236: `oc exec -it tinypod -- ping 192.168.77.92` → "64 bytes from 192.168.77.92"
    expect(ping(a, `${NS}/tinypod`, '192.168.77.92')).toBe('Allowed');
    // L241-243: `ping 192.168.77.10` → "64 bytes from 192.168.77.10"
    expect(ping(a, `${NS}/tinypod`, '192.168.77.10')).toBe('Allowed');
    // L248-250: `ping 8.8.8.8` → "64 bytes from 8.8.8.8"
    expect(ping(a, `${NS}/tinypod`, '8.8.8.8')).toBe('Allowed');
    expect(
      a.evaluate({ endpoint: `${NS}/tinypod`, direction: 'egress', peer: { ip: '192.168.77.92' } })
        .reason,
    ).toBe('no-policy');
  });
});

describe('phase 1: deny-by-default on the localnet network', () => {
  const a = analysisAt(1);
  it('blocks the secondary network but not the pod network', () => {
    // L414-417: tinypod → 10.132.0.40 (tinypod-01 on eth0) → "64 bytes from 10.132.0.40"
    expect(ping(a, `${NS}/tinypod`, '10.132.0.40')).toBe('Allowed');
    // L422-426: tinypod → 192.168.77.92 → "100% packet loss"
    expect(ping(a, `${NS}/tinypod`, '192.168.77.92')).toBe('Denied');
    // L430-434: tinypod → 192.168.77.10 → "100% packet loss"
    expect(ping(a, `${NS}/tinypod`, '192.168.77.10')).toBe('Denied');
    // L437-440: tinypod → 8.8.8.8 "through default network" → "64 bytes from 8.8.8.8"
    expect(ping(a, `${NS}/tinypod`, '8.8.8.8')).toBe('Allowed');
    // L451-454: tinypod-01 → 10.132.0.39 → "64 bytes from 10.132.0.39"
    expect(ping(a, `${NS}/tinypod-01`, '10.132.0.39')).toBe('Allowed');
    // L458-462: tinypod-01 → 192.168.77.91 → "100% packet loss"
    expect(ping(a, `${NS}/tinypod-01`, '192.168.77.91')).toBe('Denied');
  });
  it('says which interface and why', () => {
    const r = a.evaluate({
      endpoint: `${NS}/tinypod`,
      direction: 'egress',
      peer: { ip: '192.168.77.92' },
    });
    expect(r).toMatchObject({ verdict: 'Denied', reason: 'isolated', interface: 'net1' });
    expect(r.self.isolatedBy).toEqual([
      { kind: 'MultiNetworkPolicy', namespace: NS, name: 'deny-by-default' },
    ]);
  });
});

describe('phase 2: allow-ipblock (into tinypod from .92) and allow-ipblock-01 (out of tinypod-01 to .91)', () => {
  const a = analysisAt(2);
  it('matches every ping of the seed', () => {
    // L559-563: tinypod → .92 → "100% packet loss" (tinypod may not send: deny-by-default egress)
    expect(ping(a, `${NS}/tinypod`, '192.168.77.92')).toBe('Denied');
    // L565-569: tinypod → .93 → "100% packet loss"
    expect(ping(a, `${NS}/tinypod`, '192.168.77.93')).toBe('Denied');
    // L580-584: "but we set the egress rule, so we can not ping vm now" → "100% packet loss"
    expect(ping(a, `${NS}/tinypod`, '192.168.77.10')).toBe('Denied');
    // L587-590: tinypod → 8.8.8.8 through the default network → "64 bytes from 8.8.8.8"
    expect(ping(a, `${NS}/tinypod`, '8.8.8.8')).toBe('Allowed');
    // L608-612: "we can ping to tinypod, which is allowed by multi-network policy" → "64 bytes from 192.168.77.91"
    expect(ping(a, `${NS}/tinypod-01`, '192.168.77.91')).toBe('Allowed');
    // L615-619: tinypod-01 → .93 → "100% packet loss"
    expect(ping(a, `${NS}/tinypod-01`, '192.168.77.93')).toBe('Denied');
    // L622-626: tinypod-01 → .10 → "100% packet loss"
    expect(ping(a, `${NS}/tinypod-01`, '192.168.77.10')).toBe('Denied');
    // L629-632: tinypod-01 → 8.8.8.8 → "64 bytes from 8.8.8.8"
    expect(ping(a, `${NS}/tinypod-01`, '8.8.8.8')).toBe('Allowed');
    // L636-652: tinypod-02 → .91, .92, .10 → "100% packet loss" each
    for (const ip of ['192.168.77.91', '192.168.77.92', '192.168.77.10']) {
      expect(ping(a, `${NS}/tinypod-02`, ip)).toBe('Denied');
    }
  });
  it('names both deciding policies for the allowed ping', () => {
    const r = a.evaluate({
      endpoint: `${NS}/tinypod-01`,
      direction: 'egress',
      peer: { ip: '192.168.77.91' },
    });
    expect(r.policy).toEqual({
      kind: 'MultiNetworkPolicy',
      namespace: NS,
      name: 'allow-ipblock-01',
    });
    expect(r.rule).toEqual({ direction: 'egress', index: 0 });
    expect(r.peer).toMatchObject({
      endpoint: `${NS}/tinypod[Pod]`,
      verdict: 'Allowed',
      policy: { name: 'allow-ipblock' },
    });
  });
  it('the VMs are cut off by deny-by-default alone', () => {
    // L681: "In the beginning, the vm can not ping to any ip, and can not be ping from any ip."
    for (const ip of ['192.168.77.1', '192.168.77.92', '8.8.8.8']) {
      expect(ping(a, GOLD_RABBIT, ip)).toBe('Denied');
      expect(pingedFrom(a, GOLD_RABBIT, ip)).toBe('Denied');
    }
  });
});

describe('phase 3: allow-ipblock-cnv-01..03 for the VMs', () => {
  const a = analysisAt(3);
  it('matches every ping of the seed', () => {
    // L789-794 pings 192.169.77.10 — a typo for the outside test VM; L822-826 repeats it correctly:
    // "on the cnv vm(192.168.77.71), can not ping the test vm(192.168.77.10)" → "100% packet loss"
    expect(ping(a, GOLD_RABBIT, '192.168.77.10')).toBe('Denied');
    // L796-801: "on the outside test vm(192.168.77.10), can not ping the cnv vm" → "100% packet loss"
    expect(pingedFrom(a, GOLD_RABBIT, '192.168.77.10')).toBe('Denied');
    // L803-807: "can ping the gateway" → "64 bytes from 192.168.77.1"
    expect(ping(a, GOLD_RABBIT, '192.168.77.1')).toBe('Allowed');
    // L810-813: "... and the test pod" → "64 bytes from 192.168.77.92"
    expect(ping(a, GOLD_RABBIT, '192.168.77.92')).toBe('Allowed');
    // L816-819: "... and outside" → "64 bytes from 8.8.8.8"
    expect(ping(a, GOLD_RABBIT, '8.8.8.8')).toBe('Allowed');
    // L828-832: "... and another test pod" (.93) → "100% packet loss"
    expect(ping(a, GOLD_RABBIT, '192.168.77.93')).toBe('Denied');
    // L834-838: "on the test pod(192.168.77.92), can not ping the cnv vm(192.168.77.71)" → "100% packet loss"
    expect(ping(a, `${NS}/tinypod-01`, '192.168.77.71')).toBe('Denied');
    // L842-845: "on another cnv vm(192.168.77.72), can ping to gateway(192.168.77.1)" → "64 bytes"
    expect(ping(a, GREEN_FERRET, '192.168.77.1')).toBe('Allowed');
    // L848-852: "... but can not ping to cnv test vm(192.168.77.71)" → "100% packet loss"
    expect(ping(a, GREEN_FERRET, '192.168.77.71')).toBe('Denied');
  });
  it('explains the allowed VM → test pod ping by both policies', () => {
    const r = a.evaluate({
      endpoint: GOLD_RABBIT,
      direction: 'egress',
      peer: { ip: '192.168.77.92' },
    });
    expect(r.policy?.name).toBe('allow-ipblock-cnv-01');
    expect(r.peer).toMatchObject({ verdict: 'Allowed', policy: { name: 'allow-ipblock-cnv-03' } });
  });
  it('the same question asked by endpoint gives the same answer', () => {
    const r = a.evaluate({
      endpoint: GOLD_RABBIT,
      direction: 'egress',
      peer: { endpoint: `${NS}/tinypod-01` },
    });
    expect(r.verdict).toBe('Allowed');
    const back = a.evaluate({
      endpoint: GREEN_FERRET,
      direction: 'egress',
      peer: { endpoint: GOLD_RABBIT },
    });
    expect(back.verdict).toBe('Denied');
  });
  it('raises the diagnostics the seed ran into', () => {
    const codes = diagnose(a).map((d) => d.code);
    // The VMs use static addresses from cloud-init, so no DHCP warning for them.
    expect(codes).not.toContain('mnp-disabled');
    expect(codes).not.toContain('dhcp-blocked');
  });
});

describe('outside blocks of the connectivity matrix (seed 004, phase 3)', () => {
  it('are the whole IPv4 space plus every CIDR and except the enforced policies name', () => {
    const a = analysisAt(3);
    const networkId = a.findEndpoint(GOLD_RABBIT)!.interfaces[0].networkId;
    const blocks = outsideBlocksOf(a, networkId);
    expect(blocks[0]).toBe('0.0.0.0/0');
    // allow-some-cnv.yaml: egress to 0.0.0.0/0 except 192.168.77.0/24, the gateway .1/32, .92/32.
    expect(blocks).toEqual(
      expect.arrayContaining(['192.168.77.0/24', '192.168.77.1/32', '192.168.77.92/32']),
    );
    expect(new Set(blocks).size).toBe(blocks.length);
  });

  it('are only the whole space where no policy is enforced yet', () => {
    const a = analysisAt(0);
    const networkId = a.findEndpoint(GOLD_RABBIT)!.interfaces[0].networkId;
    expect(outsideBlocksOf(a, networkId)).toEqual(['0.0.0.0/0']);
  });
});
