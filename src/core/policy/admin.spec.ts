/**
 * @jest-environment node
 *
 * AdminNetworkPolicy / BaselineAdminNetworkPolicy precedence: ANPs by priority with Allow, Deny and
 * Pass, then NetworkPolicy, then the BANP; where OVN-Kubernetes applies them; and the verdicts the
 * SIG's own tool (policy-assistant) prints for its walkthrough
 * (../shared/examples/network-policy-api/walkthrough_README.md).
 */
import type { K8sObject, NetworkPolicy } from '../k8s/types';
import { loadSharedObjects } from '../../../test-support/shared';
import { PolicyAnalysis, type EvalResult } from './analysis';
import { connlistText } from './connlist';

const ns = (name: string, labels: Record<string, string> = {}, udn = false): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: {
    name,
    labels: { ...labels, ...(udn ? { 'k8s.ovn.org/primary-user-defined-network': '' } : {}) },
  },
});
const pod = (
  namespace: string,
  name: string,
  labels: Record<string, string>,
  ip: string,
  ports: { name: string; containerPort: number }[] = [],
): K8sObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: { containers: [{ name: 'c', image: 'i', ports }] },
    status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
  }) as K8sObject;
const anp = (
  name: string,
  priority: number,
  spec: Record<string, unknown>,
  kind: 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy' = 'AdminNetworkPolicy',
): K8sObject =>
  ({
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind,
    metadata: { name },
    spec: kind === 'AdminNetworkPolicy' ? { priority, ...spec } : spec,
  }) as K8sObject;
const banp = (spec: Record<string, unknown>) =>
  anp('default', 0, spec, 'BaselineAdminNetworkPolicy');
const np = (namespace: string, name: string, spec: NetworkPolicy['spec']): NetworkPolicy => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, namespace },
  spec,
});
const allNs = { namespaces: {} };
const fromTenant = (tenant: string) => [{ namespaces: { matchLabels: { tenant } } }];

const world = (...extra: K8sObject[]) => [
  ns('a', { tenant: 'a' }),
  ns('b', { tenant: 'b' }),
  pod('a', 'server', { app: 'server' }, '10.128.0.10', [{ name: 'http', containerPort: 8080 }]),
  pod('b', 'client', { app: 'client' }, '10.128.1.20'),
  ...extra,
];
const ask = (objects: K8sObject[], port = 8080, protocol = 'TCP'): EvalResult =>
  new PolicyAnalysis(objects).evaluate({
    endpoint: 'a/server',
    direction: 'ingress',
    peer: { endpoint: 'b/client' },
    protocol,
    port,
  });
const decision = (r: EvalResult) =>
  [r.verdict, r.tier, r.policy?.name, r.rule?.name ?? r.rule?.index].filter((x) => x !== undefined);

describe('AdminNetworkPolicy precedence', () => {
  const denyFromB = anp('deny-b', 10, {
    subject: allNs,
    ingress: [{ name: 'deny-b', action: 'Deny', from: fromTenant('b') }],
  });
  const allowFromB = anp('allow-b', 20, {
    subject: allNs,
    ingress: [{ name: 'allow-b', action: 'Allow', from: fromTenant('b') }],
  });

  it('a lower priority number wins: Deny at 10 before Allow at 20, Allow at 5 before Deny at 10', () => {
    expect(decision(ask(world(denyFromB, allowFromB)))).toEqual([
      'Denied',
      'AdminNetworkPolicy',
      'deny-b',
      'deny-b',
    ]);
    const allowFirst = anp('allow-b', 5, {
      subject: allNs,
      ingress: [{ name: 'allow-b', action: 'Allow', from: fromTenant('b') }],
    });
    const r = ask(world(denyFromB, allowFirst));
    expect(decision(r)).toEqual(['Allowed', 'AdminNetworkPolicy', 'allow-b', 'allow-b']);
    expect(r.priority).toBe(5);
  });

  it('rules of one ANP apply in order; ports narrow a rule (numbers, ranges, named ports)', () => {
    const ordered = anp('ordered', 10, {
      subject: allNs,
      ingress: [
        {
          name: 'web',
          action: 'Allow',
          from: fromTenant('b'),
          ports: [{ portRange: { protocol: 'TCP', start: 8000, end: 8090 } }],
        },
        { name: 'rest', action: 'Deny', from: fromTenant('b') },
      ],
    });
    expect(decision(ask(world(ordered), 8080))).toEqual([
      'Allowed',
      'AdminNetworkPolicy',
      'ordered',
      'web',
    ]);
    expect(decision(ask(world(ordered), 22))).toEqual([
      'Denied',
      'AdminNetworkPolicy',
      'ordered',
      'rest',
    ]);
    const named = anp('named', 10, {
      subject: allNs,
      ingress: [
        { name: 'http', action: 'Allow', from: fromTenant('b'), ports: [{ namedPort: 'http' }] },
        { name: 'rest', action: 'Deny', from: fromTenant('b') },
      ],
    });
    expect(ask(world(named), 8080).verdict).toBe('Allowed');
    expect(ask(world(named), 8081).verdict).toBe('Denied');
  });

  it('an ANP Allow overrides NetworkPolicy isolation; an ANP Deny overrides an NP allow', () => {
    const isolate = np('a', 'deny-all', { podSelector: {}, policyTypes: ['Ingress'] });
    expect(ask(world(isolate)).verdict).toBe('Denied');
    expect(decision(ask(world(isolate, allowFromB)))).toEqual([
      'Allowed',
      'AdminNetworkPolicy',
      'allow-b',
      'allow-b',
    ]);
    const allowAll = np('a', 'allow-all', { podSelector: {}, ingress: [{}] });
    expect(ask(world(allowAll, denyFromB)).verdict).toBe('Denied');
  });

  it('Pass hands the decision to NetworkPolicy, and without one to the BANP', () => {
    const pass = anp('pass-b', 10, {
      subject: allNs,
      ingress: [{ name: 'pass-b', action: 'Pass', from: fromTenant('b') }],
    });
    const allowAfter = anp('allow-b', 20, {
      subject: allNs,
      ingress: [{ name: 'allow-b', action: 'Allow', from: fromTenant('b') }],
    });
    const isolate = np('a', 'deny-all', { podSelector: {}, policyTypes: ['Ingress'] });
    // Pass skips the lower-priority ANP Allow: the NP isolation decides.
    const r = ask(world(pass, allowAfter, isolate));
    expect(decision(r)).toEqual(['Denied', 'NetworkPolicy']);
    expect(r.self.passedBy?.map((p) => p.rule.name)).toEqual(['pass-b']);
    const baselineDeny = banp({
      subject: allNs,
      ingress: [{ name: 'baseline', action: 'Deny', from: [allNs] }],
    });
    expect(decision(ask(world(pass, allowAfter, baselineDeny)))).toEqual([
      'Denied',
      'BaselineAdminNetworkPolicy',
      'default',
      'baseline',
    ]);
  });

  it('the BANP comes after NetworkPolicy: an NP allow wins, NP isolation wins, else the BANP', () => {
    const baselineDeny = banp({
      subject: allNs,
      ingress: [{ name: 'baseline', action: 'Deny', from: [allNs] }],
    });
    expect(decision(ask(world(baselineDeny)))).toEqual([
      'Denied',
      'BaselineAdminNetworkPolicy',
      'default',
      'baseline',
    ]);
    const allowHttp = np('a', 'allow-http', {
      podSelector: {},
      ingress: [{ ports: [{ protocol: 'TCP', port: 8080 }] }],
    });
    expect(decision(ask(world(baselineDeny, allowHttp), 8080))).toEqual([
      'Allowed',
      'NetworkPolicy',
      'allow-http',
      0,
    ]);
    // Isolated by the NP: the BANP is never consulted, even for what it would allow.
    const baselineAllow = banp({
      subject: allNs,
      ingress: [{ name: 'baseline', action: 'Allow', from: [allNs] }],
    });
    expect(decision(ask(world(baselineAllow, allowHttp), 22))).toEqual(['Denied', 'NetworkPolicy']);
  });

  it('egress: networks (CIDRs) peers and the subject by pod selector', () => {
    const egress = anp('egress', 10, {
      subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'server' } } } },
      egress: [
        { name: 'intranet', action: 'Allow', to: [{ networks: ['192.168.0.0/16'] }] },
        { name: 'world', action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] },
      ],
    });
    const a = new PolicyAnalysis(world(egress));
    const out = (ip: string) =>
      a.evaluate({ endpoint: 'a/server', direction: 'egress', peer: { ip } }).rule?.name;
    expect(out('192.168.4.4')).toBe('intranet');
    expect(out('8.8.8.8')).toBe('world');
    // The client is not a subject.
    expect(
      a.evaluate({ endpoint: 'b/client', direction: 'egress', peer: { ip: '8.8.8.8' } }).verdict,
    ).toBe('Allowed');
  });

  it('never applies on secondary networks; on primary UDNs only with adminPoliciesOnPrimaryUdns', () => {
    const udnWorld = [
      ns('green', { tenant: 'green' }, true),
      {
        apiVersion: 'k8s.ovn.org/v1',
        kind: 'UserDefinedNetwork',
        metadata: { name: 'net', namespace: 'green' },
        spec: { topology: 'Layer2', layer2: { role: 'Primary', subnets: ['10.10.0.0/16'] } },
      } as K8sObject,
      pod('green', 'x', { app: 'x' }, '10.10.0.5'),
      pod('green', 'y', { app: 'y' }, '10.10.0.6'),
      anp('deny-green', 1, {
        subject: { namespaces: { matchLabels: { tenant: 'green' } } },
        ingress: [{ name: 'deny', action: 'Deny', from: [allNs] }],
      }),
    ];
    const q = (adminPoliciesOnPrimaryUdns: boolean) => {
      const r = new PolicyAnalysis(udnWorld, { adminPoliciesOnPrimaryUdns }).evaluate({
        endpoint: 'green/x',
        direction: 'ingress',
        peer: { endpoint: 'green/y' },
      });
      return [r.verdict, r.notes.some((n) => n.includes('cluster pod network only'))];
    };
    expect(q(false)).toEqual(['Allowed', true]);
    expect(q(true)).toEqual(['Denied', false]);
  });
});

describe("the SIG's policy-assistant walkthrough", () => {
  // policy-assistant's "fake" source demo2/[app=nginx] in a namespace labelled development=true.
  const objects = [
    ...loadSharedObjects('examples', 'network-policy-api', 'walkthrough_demo-deployment-a.yaml'),
    ...loadSharedObjects('examples', 'network-policy-api', 'walkthrough_demo-pod-b.yaml'),
    ...['anp1', 'anp2', 'banp', 'npv1'].flatMap((f) =>
      loadSharedObjects('examples', 'network-policy-api', `walkthrough_policies_${f}.yaml`),
    ),
    ns('demo'),
    ns('demo2', { development: 'true' }),
    pod('demo2', 'nginx', { app: 'nginx' }, '10.128.2.2'),
  ];
  const analysis = new PolicyAnalysis(objects);
  const walk = (src: string, dst: string, port: number) =>
    analysis.evaluate({
      endpoint: dst,
      direction: 'ingress',
      peer: { endpoint: src },
      protocol: 'TCP',
      port,
    });

  it('demo/deployment/a -> demo/pod/b:80 (TCP): Allowed, [ANP] Allow (allow-80)', () => {
    const r = walk('demo/a[Deployment]', 'demo/b', 80);
    expect([r.verdict, r.tier, r.rule?.name, r.rule?.action]).toEqual([
      'Allowed',
      'AdminNetworkPolicy',
      'allow-80',
      'Allow',
    ]);
  });

  it('demo/deployment/a -> demo/pod/b:81 (TCP): Denied, [ANP] No-Op -> [BANP] Deny (baseline-deny)', () => {
    const r = walk('demo/a[Deployment]', 'demo/b', 81);
    expect([r.verdict, r.tier, r.rule?.name]).toEqual([
      'Denied',
      'BaselineAdminNetworkPolicy',
      'baseline-deny',
    ]);
    expect(r.self.passedBy).toBeUndefined();
  });

  it('demo2/[app=nginx] -> demo/deployment/a:81: Denied, [ANP] Pass (development-ns) -> [NPv1] Dropped', () => {
    const r = walk('demo2/nginx', 'demo/a[Deployment]', 81);
    expect([r.verdict, r.tier, r.reason]).toEqual(['Denied', 'NetworkPolicy', 'isolated']);
    expect(r.self.passedBy?.map((p) => p.rule.name)).toEqual(['development-ns']);
    expect(r.self.isolatedBy.map((p) => p.name)).toEqual(['deny-anything-to-pod-a']);
  });

  it('egress: no policies targeting egress', () => {
    const r = walk('demo/a[Deployment]', 'demo/b', 80);
    expect(r.peer?.reason).toBe('no-policy');
  });

  it('connlist shows the same picture', () => {
    const text = connlistText(analysis, { multipleNetworks: false });
    expect(text).toContain('demo/a[Deployment] => demo/b[Pod] : TCP 80\n');
    // anp1's allow-80 comes before anp2's Pass: port 80 only, from anywhere in the cluster.
    expect(text).toContain('demo2/nginx[Pod] => demo/a[Deployment] : TCP 80\n');
  });
});
