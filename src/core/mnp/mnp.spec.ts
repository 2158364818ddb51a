/**
 * @jest-environment node
 */
import * as path from 'path';
import * as fc from 'fast-check';
import { loadSharedObjects, sharedPath } from '../../../test-support/shared';
import { createCRDValidator } from '../crd-oracle';
import { loadCRDsForVersion } from '../crd-oracle/load';
import type { K8sObject } from '../k8s/types';
import { readManifests } from '../manifests/read-dir';
import { PolicyAnalysis } from '../policy/analysis';
import { fieldErrorToEnglish } from '../validation/format';
import { loadDemo } from '../create-vm/__fixtures__/demo';
import {
  applyStartingPoint,
  defaultMNPState,
  generateMNP,
  parseBackMNP,
  validateMNPForm,
  vmPolicyState,
  defaultVMPolicyDraft,
  type MNPFormState,
  type MNPRuleState,
} from './index';

const oracle = createCRDValidator(loadCRDsForVersion('4.20', sharedPath('crds')));
const findings = (o: unknown) => oracle(o).map((f) => `${f.path}: ${f.message}`);

const realPolicies: K8sObject[] = [
  ...loadDemo('06-localnet-multinetworkpolicies.yaml'),
  ...loadSharedObjects('examples', 'field', 'wz-localnet-brex.multinetworkpolicies.yaml'),
  ...loadSharedObjects('examples', 'field', 'epheo-localnet-brex.nad-vm-mnp.yaml'),
  ...loadSharedObjects('examples', 'demo-virt', 'demos', 'rhel-box-ovn', 'multinetworkpolicy.yaml'),
  ...loadSharedObjects(
    'examples',
    'demo-autofs',
    'ldap',
    'overlays',
    'localnet',
    'multinetworkpolicy.yaml',
  ),
].filter((o) => o.kind === 'MultiNetworkPolicy');

/**
 * An empty or null `from`/`to`/`ports` means "all", exactly like a missing one (NetworkPolicy
 * semantics), and so does an empty `except`; the form writes the missing form.
 */
const sameMeaning = (p: K8sObject): K8sObject => {
  const c = JSON.parse(JSON.stringify(p)) as { spec?: Record<string, Record<string, unknown>[]> };
  for (const dir of ['ingress', 'egress']) {
    for (const r of c.spec?.[dir] ?? []) {
      for (const k of ['from', 'to', 'ports']) {
        if (r[k] === null || (Array.isArray(r[k]) && !(r[k] as unknown[]).length)) delete r[k];
      }
      for (const peer of (r.from ?? r.to ?? []) as { ipBlock?: { except?: unknown[] } }[]) {
        if (peer.ipBlock?.except && !peer.ipBlock.except.length) delete peer.ipBlock.except;
      }
    }
  }
  return c as K8sObject;
};

const NS = 'llm-demo';
const NAD = 'llm-demo-localnet-network';
const ctx = { networks: [{ key: `${NS}/${NAD}`, hasIpam: false }] };
const forVM = (vm: string): MNPFormState => ({
  ...defaultMNPState(NS),
  name: `${vm}-policy`,
  networks: [NAD],
  target: { mode: 'vms', vmNames: [vm] },
});

describe('parseBackMNP on real policies', () => {
  it('reads them all', () => expect(realPolicies.length).toBeGreaterThanOrEqual(10));

  it.each(realPolicies.map((p) => [`${p.metadata?.namespace}/${p.metadata?.name}`, p] as const))(
    '%s: generate(parseBack(x)) gives x back, egress peers included',
    (_n, p) => {
      const { state, preserved } = parseBackMNP(p);
      expect(generateMNP(state, preserved)).toEqual(sameMeaning(p));
      const egressPeers = (
        (p as { spec?: { egress?: { to?: unknown[] }[] } }).spec?.egress ?? []
      ).flatMap((r) => r.to ?? []);
      expect(state.egress.flatMap((r) => r.peers)).toHaveLength(egressPeers.length);
    },
  );
});

describe('starting points', () => {
  const base = forVM('centos-stream9-gold-rabbit-80');
  const analysisWith = (policy: K8sObject) =>
    new PolicyAnalysis([
      ...readManifests(path.join(__dirname, '../policy/__fixtures__/seed-004/base')).objects,
      policy,
    ]);
  const VM = `${NS}/centos-stream9-gold-rabbit-80`;

  it('deny all but the gateway: the gateway passes both ways, every other address is denied', () => {
    const s = applyStartingPoint(applyStartingPoint(base, 'deny-all'), 'allow-gateway', {
      gateways: ['192.168.77.1'],
    });
    expect(validateMNPForm(s, ctx)).toEqual([]);
    const mnp = generateMNP(s);
    expect(findings(mnp)).toEqual([]);
    expect(mnp.spec).toEqual({
      podSelector: { matchLabels: { 'vm.kubevirt.io/name': 'centos-stream9-gold-rabbit-80' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ ipBlock: { cidr: '192.168.77.1/32' } }] }],
      egress: [{ to: [{ ipBlock: { cidr: '192.168.77.1/32' } }] }],
    });
    const a = analysisWith(mnp);
    const q = (direction: 'ingress' | 'egress', ip: string) =>
      a.evaluate({ endpoint: VM, direction, peer: { ip } }).verdict;
    expect(q('egress', '192.168.77.1')).toBe('Allowed');
    expect(q('ingress', '192.168.77.1')).toBe('Allowed');
    expect(q('egress', '192.168.77.50')).toBe('Denied');
    expect(q('ingress', '192.168.77.50')).toBe('Denied');
  });

  it('allow DHCP opens UDP 67 out and 68 in, nothing else', () => {
    const s = applyStartingPoint(applyStartingPoint(base, 'deny-all'), 'allow-dhcp');
    const a = analysisWith(generateMNP(s));
    const q = (direction: 'ingress' | 'egress', protocol: string, port: number) =>
      a.evaluate({ endpoint: VM, direction, peer: { ip: '192.168.77.254' }, protocol, port })
        .verdict;
    expect(q('egress', 'UDP', 67)).toBe('Allowed');
    expect(q('ingress', 'UDP', 68)).toBe('Allowed');
    expect(q('egress', 'UDP', 68)).toBe('Denied');
    expect(q('egress', 'TCP', 67)).toBe('Denied');
  });

  it('allow one CIDR and allow from another VM (by its IP), egress isolated by the user', () => {
    const s = applyStartingPoint(
      applyStartingPoint({ ...base, egressEnabled: true }, 'allow-cidr', { cidr: '10.20.0.0/16' }),
      'allow-from-vm',
      { vmIp: '192.168.77.91' },
    );
    const mnp = generateMNP(s);
    expect(findings(mnp)).toEqual([]);
    const a = analysisWith(mnp);
    expect(
      a.evaluate({ endpoint: VM, direction: 'ingress', peer: { ip: '192.168.77.91' } }).verdict,
    ).toBe('Allowed');
    expect(
      a.evaluate({ endpoint: VM, direction: 'egress', peer: { ip: '10.20.3.4' } }).verdict,
    ).toBe('Allowed');
    expect(
      a.evaluate({ endpoint: VM, direction: 'egress', peer: { ip: '192.168.77.91' } }).verdict,
    ).toBe('Denied');
  });
});

describe('validateMNPForm', () => {
  const english = (s: MNPFormState, c = ctx) =>
    validateMNPForm(s, c).map((e) => `${e.field}: ${fieldErrorToEnglish(e)}`);

  it('refuses selector peers on an IPAM-less network, with the reason', () => {
    const s = forVM('vm-a');
    s.ingress = [
      {
        peers: [
          {
            kind: 'podSelector',
            cidr: '',
            except: [],
            podLabels: { app: 'x' },
            namespaceLabels: {},
          },
        ],
        ports: [],
      },
    ];
    expect(english(s)).toEqual([
      `ingress[0].peers[0].kind: ${NS}/${NAD} hands out no addresses (no IPAM): MultiNetworkPolicy rejects pod and namespace selector peers there because it cannot tell their addresses; use an IP block (the VM address /32).`,
    ]);
    expect(validateMNPForm(s, { networks: [{ key: `${NS}/${NAD}`, hasIpam: true }] })).toEqual([]);
  });

  it('names each bad field', () => {
    const s: MNPFormState = {
      ...forVM('Bad_VM'),
      egressEnabled: true,
      name: '',
      networks: ['nope', 'a/b/c'],
      egress: [
        {
          peers: [
            {
              kind: 'ipBlock',
              cidr: '10.0.0.0/33',
              except: [],
              podLabels: {},
              namespaceLabels: {},
            },
          ],
          ports: [{ protocol: 'TCP', port: '70000' }],
        },
        {
          peers: [
            {
              kind: 'ipBlock',
              cidr: '10.0.0.0/16',
              except: ['10.1.0.0/24'],
              podLabels: {},
              namespaceLabels: {},
            },
          ],
          ports: [
            { protocol: 'UDP', port: 'dns', endPort: 60 },
            { protocol: 'TCP', port: '100', endPort: 50 },
          ],
        },
      ],
    };
    expect(validateMNPForm(s, ctx).map((e) => e.field)).toEqual([
      'name',
      'networks',
      'networks',
      'target.vmNames',
      'egress[0].peers[0].cidr',
      'egress[0].ports[0].port',
      'egress[1].peers[0].except[0]',
      'egress[1].ports[0].endPort',
      'egress[1].ports[1].endPort',
    ]);
  });
});

describe('every accepted form state passes the MultiNetworkPolicy CRD', () => {
  const label = fc.stringMatching(/^[a-z]([a-z0-9-]{0,10}[a-z0-9])?$/);
  const labels = fc.dictionary(label, label, { maxKeys: 2 });
  const octet = fc.integer({ min: 0, max: 255 });
  const cidr = fc
    .tuple(octet, octet, fc.integer({ min: 8, max: 32 }))
    .map(([a, b, p]) => `10.${a}.${b}.0/${p}`);
  const peer = fc.oneof(
    fc.record({
      kind: fc.constant('ipBlock' as const),
      cidr,
      except: fc.constant<string[]>([]),
      podLabels: fc.constant({}),
      namespaceLabels: fc.constant({}),
    }),
    fc.record({
      kind: fc.constantFrom(
        'podSelector' as const,
        'namespaceSelector' as const,
        'podAndNamespace' as const,
      ),
      cidr: fc.constant(''),
      except: fc.constant<string[]>([]),
      podLabels: labels,
      namespaceLabels: labels,
    }),
  );
  const port = fc.record({
    protocol: fc.constantFrom('TCP' as const, 'UDP' as const, 'SCTP' as const),
    port: fc.oneof(
      fc.constant(''),
      fc.integer({ min: 0, max: 70000 }).map(String),
      fc.constantFrom('http', 'dns-tcp', 'Bad'),
    ),
    endPort: fc.option(fc.integer({ min: 1, max: 70000 }), { nil: undefined }),
  });
  const rule: fc.Arbitrary<MNPRuleState> = fc.record({
    peers: fc.array(peer, { maxLength: 3 }),
    ports: fc.array(port, { maxLength: 2 }),
  });
  const state: fc.Arbitrary<MNPFormState> = fc.record({
    name: fc.oneof(label, fc.constant('')),
    namespace: fc.constant(NS),
    networks: fc.subarray([NAD, `${NS}/${NAD}`, 'other/nad'], { minLength: 0 }),
    target: fc.oneof(
      fc.record({ mode: fc.constant('vms' as const), vmNames: fc.array(label, { maxLength: 3 }) }),
      fc.record({ mode: fc.constant('labels' as const), labels }),
      fc.constant({ mode: 'all' as const }),
    ),
    ingressEnabled: fc.boolean(),
    egressEnabled: fc.boolean(),
    ingress: fc.array(rule, { maxLength: 3 }),
    egress: fc.array(rule, { maxLength: 3 }),
  });

  it('and parses back to the same state', () => {
    let accepted = 0;
    fc.assert(
      fc.property(state, fc.boolean(), (s, ipam) => {
        const c = {
          networks: [`${NS}/${NAD}`, 'other/nad'].map((key) => ({ key, hasIpam: ipam })),
        };
        if (validateMNPForm(s, c).length) return;
        accepted++;
        const mnp = generateMNP(s);
        expect(findings(mnp)).toEqual([]);
        const back = parseBackMNP(mnp);
        expect(generateMNP(back.state, back.preserved)).toEqual(mnp);
      }),
      { numRuns: 2000 },
    );
    // About one state in twenty is valid (~110 of 2,000, varying with the seed): enough accepted
    // states that the round trip was really exercised, with a margin that never fails by chance.
    expect(accepted).toBeGreaterThan(40);
  });
});

describe('vmPolicyState', () => {
  it('deny all but the gateway for one NIC of a new VM, selected by vm.kubevirt.io/name', () => {
    const s = vmPolicyState(
      // Egress isolated by the user's choice (the default isolates ingress only).
      { ...defaultVMPolicyDraft('nic-1', '192.168.77.1'), isolateEgress: true },
      { name: 'web', namespace: NS },
      NAD,
    );
    const mnp = generateMNP(s);
    expect(findings(mnp)).toEqual([]);
    expect(validateMNPForm(s, ctx)).toEqual([]);
    expect(mnp.metadata).toEqual({
      name: 'web-nic-1-policy',
      namespace: NS,
      annotations: { 'k8s.v1.cni.cncf.io/policy-for': NAD },
    });
    expect(mnp.spec?.podSelector).toEqual({ matchLabels: { 'vm.kubevirt.io/name': 'web' } });
    expect(mnp.spec?.egress).toEqual([{ to: [{ ipBlock: { cidr: '192.168.77.1/32' } }] }]);
  });
});
