/**
 * @jest-environment node
 *
 * A readable ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2, the successor of
 * AdminNetworkPolicy and its baseline) is not modelled yet. Left out, it only ever widened what
 * was allowed: a CNP denying everything still gave "Allowed". Now what it could decide is unknown,
 * tier by tier, and the diagnostic says so.
 */
import type { K8sObject } from '../k8s/types';
import { PolicyAnalysis } from './analysis';
import { diagnose } from './diagnostics';
import { render } from './messages';
import { ns, networkPolicy, pod } from './__fixtures__/objects';

const cnp = (name: string, spec: Record<string, unknown>, apiVersion = 'v1alpha2'): K8sObject =>
  ({
    apiVersion: apiVersion.includes('/') ? apiVersion : `policy.networking.k8s.io/${apiVersion}`,
    kind: 'ClusterNetworkPolicy',
    metadata: { name },
    spec,
  }) as K8sObject;
const denyAll = (tier: unknown) =>
  cnp(`deny-all-${String(tier)}`, {
    tier,
    priority: 10,
    subject: { namespaces: {} },
    ingress: [{ name: 'deny', action: 'Deny', from: [{ namespaces: {} }] }],
  });
const allowClient = networkPolicy('a', 'allow-client', {
  podSelector: { matchLabels: { app: 'server' } },
  policyTypes: ['Ingress'],
  ingress: [{ from: [{ namespaceSelector: { matchLabels: { tenant: 'b' } } }] }],
});
/** The client's egress, isolated and allowed everywhere: also decided before any baseline. */
const clientEgress = networkPolicy('b', 'client-egress', {
  podSelector: {},
  policyTypes: ['Egress'],
  egress: [{}],
});

const world = (...extra: K8sObject[]): K8sObject[] => [
  ns('a', { tenant: 'a' }),
  ns('b', { tenant: 'b' }),
  pod('a', 'server', '10.128.0.10', { app: 'server' }),
  pod('b', 'client', '10.128.1.20', { app: 'client' }),
  ...extra,
];
const ask = (objects: K8sObject[]) =>
  new PolicyAnalysis(objects).evaluate({
    endpoint: 'a/server',
    direction: 'ingress',
    peer: { endpoint: 'b/client' },
    protocol: 'TCP',
    port: 80,
  });

describe('a readable ClusterNetworkPolicy, not modelled yet, fails closed', () => {
  it('Admin tier: every answer it could decide is unknown, with the policy named (it was "Allowed")', () => {
    expect(ask(world()).verdict).toBe('Allowed');
    const r = ask(world(denyAll('Admin')));
    expect(r.verdict).toBe('Unknown');
    expect(r.unknownReason && render(r.unknownReason)).toBe(
      'ClusterNetworkPolicy deny-all-Admin is not modelled yet',
    );
    // Even where a NetworkPolicy allows it: an Admin tier decides first.
    expect(ask(world(denyAll('Admin'), allowClient as K8sObject)).verdict).toBe('Unknown');
  });

  it('Baseline tier: only what NetworkPolicy leaves to it is unknown', () => {
    expect(ask(world(denyAll('Baseline'))).verdict).toBe('Unknown');
    // The server's ingress is isolated by a NetworkPolicy that allows the client; the client's
    // egress is still the baseline's to decide: unknown.
    expect(ask(world(denyAll('Baseline'), allowClient as K8sObject)).verdict).toBe('Unknown');
    // With the client's egress isolated and allowed too, both sides are decided before it.
    const r = ask(world(denyAll('Baseline'), allowClient as K8sObject, clientEgress as K8sObject));
    expect([r.verdict, r.tier, r.policy?.name]).toEqual([
      'Allowed',
      'NetworkPolicy',
      'allow-client',
    ]);
  });

  it('a tier that is not Admin or Baseline is read as Admin, the wider', () => {
    for (const tier of [undefined, null, 'admin', 7, { Admin: true }])
      expect(ask(world(denyAll(tier))).verdict).toBe('Unknown');
  });

  it('an object of that kind from another API group is not a ClusterNetworkPolicy', () => {
    const antrea = cnp('other', {}, 'crd.antrea.io/v1beta1');
    expect(ask(world(antrea)).verdict).toBe('Allowed');
    // Nor is it said to be one: it is another API's kind the analysis does not read at all.
    expect(diagnose(new PolicyAnalysis(world(antrea))).map((d) => d.code)).not.toContain(
      'not-analysed',
    );
  });

  it('the diagnostic says its answers are unknown, not that they ignore it', () => {
    const d = diagnose(new PolicyAnalysis(world(denyAll('Admin')))).find(
      (x) => x.code === 'not-analysed',
    );
    expect(d?.message).toBe(
      'ClusterNetworkPolicy deny-all-Admin is not analysed (policy.networking.k8s.io/v1alpha2 is not modelled yet); answers it could decide are unknown',
    );
    expect(d?.object).toMatchObject({ kind: 'ClusterNetworkPolicy' });
    // What the user can do: read it, with the command to do so.
    expect(d?.fix.params?.command).toBe(
      'oc get clusternetworkpolicies.policy.networking.k8s.io deny-all-Admin -o yaml',
    );
  });
});
