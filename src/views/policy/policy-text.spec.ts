/**
 * @jest-environment node
 *
 * The per-direction summaries never say what is allowed where an object the analysis does not
 * read as a policy (unreadable, or a ClusterNetworkPolicy, not modelled yet) could decide it.
 */
import type { K8sObject } from '../../core/k8s/types';
import { PolicyAnalysis } from '../../core/policy/analysis';
import { summarize, undecidedBy, type T } from './policy-text';
import { ns, networkPolicy, pod } from '../../core/policy/__fixtures__/objects';

const t = ((key: string, params: Record<string, string> = {}) =>
  key.replace(/{{(\w+)}}/g, (_m, name: string) => params[name] ?? '')) as unknown as T;

const objects = (...extra: K8sObject[]): K8sObject[] => [
  ns('a'),
  pod('a', 'server', '10.128.0.10', { app: 'server' }),
  ...extra,
];
const cnp = {
  apiVersion: 'policy.networking.k8s.io/v1alpha2',
  kind: 'ClusterNetworkPolicy',
  metadata: { name: 'isolate-tenants' },
  spec: { tier: 'Admin', priority: 20, subject: { namespaces: {} }, ingress: [] },
} as unknown as K8sObject;
const isolateIngress = networkPolicy('a', 'web-only', {
  podSelector: {},
  policyTypes: ['Ingress'],
  ingress: [{ ports: [{ protocol: 'TCP', port: 80 }] }],
});

const headlines = (objs: K8sObject[]) => {
  const analysis = new PolicyAnalysis(objs);
  const iface = analysis.findEndpoint('a/server')!.interfaces[0];
  return {
    undecided: undecidedBy(analysis, iface),
    ingress: summarize(t, analysis, iface, 'ingress'),
    egress: summarize(t, analysis, iface, 'egress').headline,
  };
};

describe('summaries with an object that could decide but is not read as a policy', () => {
  it('without one: "all … allowed" where nothing isolates', () => {
    const h = headlines(objects());
    expect(h.undecided).toBeUndefined();
    expect(h.ingress.headline).toBe('Not isolated for ingress: all incoming traffic is allowed.');
  });

  it('a ClusterNetworkPolicy: never "all … allowed", it is named, what is allowed is unknown', () => {
    const h = headlines(objects(cnp));
    expect(h.undecided).toBe('ClusterNetworkPolicy isolate-tenants');
    expect(h.ingress.headline).toBe(
      'ClusterNetworkPolicy isolate-tenants could decide incoming traffic: what is allowed is unknown.',
    );
    expect(h.egress).toBe(
      'ClusterNetworkPolicy isolate-tenants could decide outgoing traffic: what is allowed is unknown.',
    );
  });

  it('isolated by a NetworkPolicy too: its rules are listed, but not as the only traffic allowed', () => {
    const h = headlines(objects(cnp, isolateIngress));
    expect(h.ingress.isolated).toBe(true);
    expect(h.ingress.headline).toMatch(
      /^Isolated for ingress by web-only, but ClusterNetworkPolicy isolate-tenants could also decide incoming traffic: what is allowed is unknown\./,
    );
    expect(h.ingress.allowed.map((a) => a.policy.name)).toEqual(['web-only']);
  });

  it('isolated by a NetworkPolicy without rules: "allow nothing", never an empty list of what is allowed', () => {
    const denyAll = networkPolicy('a', 'deny-all', { podSelector: {}, policyTypes: ['Ingress'] });
    const h = headlines(objects(cnp, denyAll));
    expect(h.ingress.headline).toBe(
      'Isolated for ingress by deny-all, whose rules allow nothing; ClusterNetworkPolicy isolate-tenants could also decide incoming traffic: what is allowed is unknown.',
    );
    expect(h.ingress.allowed).toEqual([]);
  });

  it('an EgressFirewall of the namespace is noted on egress, not on ingress', () => {
    const efw = {
      apiVersion: 'k8s.ovn.org/v1',
      kind: 'EgressFirewall',
      metadata: { name: 'default', namespace: 'a' },
      spec: { egress: [{ type: 'Deny', to: { cidrSelector: '0.0.0.0/0' } }] },
    } as K8sObject;
    const analysis = new PolicyAnalysis(objects(efw));
    const endpoint = analysis.findEndpoint('a/server')!;
    const iface = endpoint.interfaces[0];
    expect(summarize(t, analysis, iface, 'egress', endpoint).note).toBe(
      'Out of the cluster, an EgressFirewall of namespace a also filters this traffic; it is not analysed, so what leaves the cluster is unknown.',
    );
    expect(summarize(t, analysis, iface, 'ingress', endpoint).note).toBeUndefined();
    expect(summarize(t, new PolicyAnalysis(objects()), iface, 'egress', endpoint).note).toBe(
      undefined,
    );
  });

  it('an admin policy that cannot be read is named as such', () => {
    const unreadable = {
      kind: 'AdminNetworkPolicy',
      metadata: { name: 7 },
    } as unknown as K8sObject;
    expect(headlines(objects(unreadable)).undecided).toBe('AdminNetworkPolicy ?');
  });
});
