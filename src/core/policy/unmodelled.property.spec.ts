/**
 * @jest-environment node
 *
 * Property: a policy object the analysis does not model (a ClusterNetworkPolicy, an EgressFirewall),
 * whatever its spec, tier, name or apiVersion, never throws and never makes an answer "Allowed" that
 * was not; egress out of the cluster past an EgressFirewall of the namespace is never "Allowed".
 */
import fc from 'fast-check';
import type { K8sObject } from '../k8s/types';
import { PolicyAnalysis } from './analysis';
import { diagnose } from './diagnostics';
import { ns, networkPolicy, pod } from './__fixtures__/objects';

const allowWeb = networkPolicy('a', 'web', {
  podSelector: {},
  policyTypes: ['Ingress', 'Egress'],
  ingress: [{ ports: [{ protocol: 'TCP', port: 80 }] }],
  egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }],
});

const base = (withPolicy: boolean): K8sObject[] => [
  ns('a'),
  ns('b'),
  pod('a', 'server', '10.128.0.10'),
  pod('b', 'client', '10.128.1.20'),
  ...(withPolicy ? [allowWeb] : []),
];

const unmodelled = fc.record({
  kind: fc.constantFrom('ClusterNetworkPolicy', 'EgressFirewall'),
  apiVersion: fc.constantFrom(
    'policy.networking.k8s.io/v1alpha2',
    'k8s.ovn.org/v1',
    'example.com/v1',
    undefined,
  ),
  name: fc.oneof(fc.constant('default'), fc.string()),
  namespace: fc.constantFrom('a', 'b', undefined),
  spec: fc.oneof(
    fc.anything(),
    fc.record({ tier: fc.oneof(fc.constantFrom('Admin', 'Baseline'), fc.anything()) }),
  ),
});

const question = fc.record({
  direction: fc.constantFrom('ingress' as const, 'egress' as const),
  peer: fc.oneof(
    fc.constant({ endpoint: 'b/client' }),
    fc.constantFrom('8.8.8.8', '10.129.0.5', '192.168.1.1').map((ip) => ({ ip })),
  ),
  port: fc.constantFrom(22, 80, 443),
});

describe('objects not modelled never widen what is allowed', () => {
  it('property: never a throw, never "Allowed" where the answer without them was not', () => {
    fc.assert(
      fc.property(unmodelled, question, fc.boolean(), (u, q, withPolicy) => {
        const object = {
          kind: u.kind,
          ...(u.apiVersion ? { apiVersion: u.apiVersion } : {}),
          metadata: { name: u.name, ...(u.namespace ? { namespace: u.namespace } : {}) },
          spec: u.spec,
        } as K8sObject;
        const query = { endpoint: 'a/server', protocol: 'TCP', ...q };
        const before = new PolicyAnalysis(base(withPolicy)).evaluate(query);
        const analysis = new PolicyAnalysis([...base(withPolicy), object]);
        const after = analysis.evaluate(query);
        diagnose(analysis);
        if (after.verdict === 'Allowed') expect(before.verdict).toBe('Allowed');
        const firewallHere =
          u.kind === 'EgressFirewall' &&
          u.namespace === 'a' &&
          (u.apiVersion === undefined || u.apiVersion === 'k8s.ovn.org/v1');
        if (firewallHere && q.direction === 'egress' && 'ip' in q.peer)
          expect(after.verdict).not.toBe('Allowed');
      }),
      { numRuns: 1500 },
    );
  });
});
