/**
 * @jest-environment node
 *
 * An object the analysis could not read shows on the interfaces whose answers it makes unknown,
 * and only there: a policy-like one by what it could decide, any other in its namespace.
 */
import type { K8sObject } from '../../core/k8s/types';
import { PolicyAnalysis } from '../../core/policy/analysis';
import { diagnose } from '../../core/policy/diagnostics';
import { diagnosticsFor } from './diagnostics-for';
import { pod } from '../../core/policy/__fixtures__/objects';

const unreadable = (kind: string, namespace: string | undefined, apiVersion: string) =>
  ({
    apiVersion,
    kind,
    metadata: { name: 7, ...(namespace ? { namespace } : {}) },
    spec: {},
  }) as unknown as K8sObject;

const world: K8sObject[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'b' } },
  pod('a', 'server', '10.128.0.10'),
];

/** Which unreadable kinds show on a/server's pod-network interface, with `extra` in the input. */
const shownOnServer = (extra: K8sObject[]): string[] => {
  const analysis = new PolicyAnalysis([...world, ...extra]);
  const endpoint = analysis.endpoints.find((e) => e.namespace === 'a' && e.name === 'server')!;
  return diagnosticsFor(diagnose(analysis), analysis, endpoint, endpoint.interfaces[0])
    .filter((d) => d.code === 'unreadable-object')
    .map((d) => `${d.subject.kind} ${d.subject.namespace ?? '-'}`);
};

describe('unreadable objects on an interface', () => {
  it('a NetworkPolicy of its namespace shows, one of another namespace does not', () => {
    expect(
      shownOnServer([
        unreadable('NetworkPolicy', 'a', 'networking.k8s.io/v1'),
        unreadable('NetworkPolicy', 'b', 'networking.k8s.io/v1'),
      ]),
    ).toEqual(['NetworkPolicy a']);
  });

  it('a MultiNetworkPolicy does not show on the pod network, which it cannot filter', () => {
    expect(
      shownOnServer([unreadable('MultiNetworkPolicy', 'a', 'k8s.cni.cncf.io/v1beta1')]),
    ).toEqual([]);
  });

  it('an AdminNetworkPolicy shows on the pod network of any namespace', () => {
    expect(
      shownOnServer([
        unreadable('AdminNetworkPolicy', undefined, 'policy.networking.k8s.io/v1alpha1'),
      ]),
    ).toEqual(['AdminNetworkPolicy -']);
  });

  it('an object that is no policy shows in its own namespace only', () => {
    const broken = (namespace: string) =>
      ({
        ...pod(namespace, 'x', '10.128.0.99'),
        metadata: { name: null, namespace },
      }) as unknown as K8sObject;
    expect(shownOnServer([broken('a'), broken('b')])).toEqual(['Pod a']);
  });
});
