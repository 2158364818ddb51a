/**
 * Small objects for policy tests, as the API server returns them: a running pod with its IP, a
 * namespace with its labels, a NetworkPolicy.
 */
import type { K8sObject, NetworkPolicy } from '../src/core/k8s/types';

export const runningPod = (
  namespace: string,
  name: string,
  ip: string,
  labels: Record<string, string> = { app: name },
): K8sObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: { containers: [{ name: 'c', image: 'i' }] },
    status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
  }) as K8sObject;

export const namespaceObject = (name: string, labels: Record<string, string> = {}): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels },
});

export const networkPolicy = (
  namespace: string,
  name: string,
  spec: NetworkPolicy['spec'],
): NetworkPolicy => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, namespace },
  spec,
});
