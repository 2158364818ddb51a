/**
 * The VM's Namespace is fetched for its labels (namespace selectors match on them). When that fetch
 * fails (not a 404), the labels are unknown, not "none": answers that depend on them are Unknown.
 */
import * as React from 'react';
import { render as renderElement } from '@testing-library/react';
import {
  __setMockResources,
  __statusError,
} from '../../../__mocks__/@openshift-console/dynamic-plugin-sdk';
import type { K8sObject } from '../../core/k8s/types';
import { render } from '../../core/policy/messages';
import { useVmPolicyAnalysis } from './useVmPolicyAnalysis';

const pod = (name: string, ip: string): K8sObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'a', labels: { app: name } },
    spec: { containers: [{ name: 'c', image: 'i' }] },
    status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
  }) as K8sObject;
const objects: K8sObject[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a', labels: { team: 'a' } } },
  pod('server', '10.128.0.10'),
  pod('client', '10.128.0.11'),
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'from-team-a', namespace: 'a' },
    spec: {
      podSelector: { matchLabels: { app: 'server' } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'a' } } }] }],
    },
  } as K8sObject,
];

/** The hook's value, rendered in a component (this React's testing library has no renderHook). */
const renderHook = <T>(use: () => T) => {
  const result = { current: undefined as unknown as T };
  const Probe = () => {
    result.current = use();
    return null;
  };
  renderElement(React.createElement(Probe));
  return { result };
};

const answer = () => {
  const { result } = renderHook(() => useVmPolicyAnalysis('a', []));
  const r = result.current.built!.analysis.evaluate({
    endpoint: 'a/server',
    direction: 'ingress',
    peer: { endpoint: 'a/client' },
    protocol: 'TCP',
    port: 80,
  });
  return { verdict: r.verdict, why: r.unknownReason && render(r.unknownReason) };
};

describe('useVmPolicyAnalysis and the VM Namespace', () => {
  it('read: the namespace selector matches its labels', () => {
    __setMockResources(objects as never);
    expect(answer().verdict).toBe('Allowed');
  });

  it('forbidden: answers that match on its labels are Unknown, naming it', () => {
    __setMockResources(objects as never, {
      Namespace: __statusError(403, 'Forbidden', 'namespaces "a" is forbidden'),
    });
    expect(answer()).toEqual({ verdict: 'Unknown', why: 'Namespace a could not be read' });
  });
});
