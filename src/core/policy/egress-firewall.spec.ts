/**
 * @jest-environment node
 *
 * An OVN-Kubernetes EgressFirewall filters, after the policies, what pods of its namespace send out
 * of the cluster. It is not modelled yet; left out, "would this be allowed?" answered "Allowed" for
 * egress it may deny. Now that egress is unknown, with the firewall named, and nothing else moves.
 */
import type { K8sObject } from '../k8s/types';
import { PolicyAnalysis } from './analysis';
import { diagnose } from './diagnostics';
import { render } from './messages';
import { ns, networkPolicy, pod } from './__fixtures__/objects';

const firewall = (namespace: string, apiVersion = 'k8s.ovn.org/v1') =>
  ({
    apiVersion,
    kind: 'EgressFirewall',
    metadata: { name: 'default', namespace },
    spec: { egress: [{ type: 'Deny', to: { cidrSelector: '0.0.0.0/0' } }] },
  }) as K8sObject;
const operator = {
  apiVersion: 'operator.openshift.io/v1',
  kind: 'Network',
  metadata: { name: 'cluster' },
  spec: {
    useMultiNetworkPolicy: true,
    clusterNetwork: [{ cidr: '10.128.0.0/14', hostPrefix: 23 }, { cidr: 7 }],
    serviceNetwork: ['172.30.0.0/16'],
  },
} as unknown as K8sObject;
const denyAllEgress = networkPolicy('a', 'deny-egress', {
  podSelector: {},
  policyTypes: ['Egress'],
});

const world = (...extra: K8sObject[]) => [
  ns('a'),
  ns('b'),
  pod('a', 'server', '10.128.0.10'),
  pod('b', 'client', '10.128.1.20'),
  ...extra,
];
const ask = (
  objects: K8sObject[],
  peer: { ip: string } | { endpoint: string },
  direction: 'egress' | 'ingress' = 'egress',
) =>
  new PolicyAnalysis(objects).evaluate({
    endpoint: 'a/server',
    direction,
    peer,
    protocol: 'TCP',
    port: 443,
  });

describe('an EgressFirewall, not modelled yet, fails closed for what leaves the cluster', () => {
  it('egress out of the cluster is unknown, the firewall named (it was "Allowed")', () => {
    expect(ask(world(), { ip: '8.8.8.8' }).verdict).toBe('Allowed');
    const r = ask(world(firewall('a')), { ip: '8.8.8.8' });
    expect(r.verdict).toBe('Unknown');
    expect(r.unknownReason && render(r.unknownReason)).toBe(
      'EgressFirewall a/default is not modelled yet',
    );
  });

  it('traffic that stays in the cluster is not its to filter: pods, the pod and service networks', () => {
    expect(ask(world(firewall('a')), { endpoint: 'b/client' }).verdict).toBe('Allowed');
    expect(ask(world(firewall('a'), operator), { ip: '10.129.3.4' }).verdict).toBe('Allowed');
    expect(ask(world(firewall('a'), operator), { ip: '172.30.0.1' }).verdict).toBe('Allowed');
    // Without the operator config the cluster's networks are not known: any address may be outside.
    expect(ask(world(firewall('a')), { ip: '10.129.3.4' }).verdict).toBe('Unknown');
  });

  it('only egress, only its own namespace, only an EgressFirewall of OVN-Kubernetes', () => {
    expect(ask(world(firewall('a')), { ip: '8.8.8.8' }, 'ingress').verdict).toBe('Allowed');
    expect(ask(world(firewall('b')), { ip: '8.8.8.8' }).verdict).toBe('Allowed');
    expect(ask(world(firewall('a', 'example.com/v1')), { ip: '8.8.8.8' }).verdict).toBe('Allowed');
  });

  it('never turns a denial into unknown: it can only take away', () => {
    const r = ask(world(firewall('a'), denyAllEgress), { ip: '8.8.8.8' });
    expect(r.verdict).toBe('Denied');
  });

  it('the diagnostic says its answers are unknown', () => {
    const d = diagnose(new PolicyAnalysis(world(firewall('a')))).find(
      (x) => x.code === 'not-analysed',
    );
    expect(d?.message).toBe(
      'EgressFirewall default is not analysed (OVN-Kubernetes EgressFirewall is not modelled); answers it could decide are unknown',
    );
    expect(d?.fix.params?.command).toBe('oc get egressfirewalls.k8s.ovn.org default -n a -o yaml');
  });
});
