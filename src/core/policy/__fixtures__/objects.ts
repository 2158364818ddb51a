/** Small Kubernetes objects for the policy specs: as the API server would return them. */
import type { K8sObject } from '../../k8s/types';

export const ns = (name: string, labels: Record<string, string> = {}): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels },
});

/** A running pod with one address; `ports` become its container's ports. */
export const pod = (
  namespace: string,
  name: string,
  ip: string,
  labels: Record<string, string> = { app: name },
  ports?: { name: string; containerPort: number }[],
): K8sObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: { containers: [{ name: 'c', image: 'i', ...(ports ? { ports } : {}) }] },
    status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
  }) as K8sObject;

export const networkPolicy = (namespace: string, name: string, spec: unknown): K8sObject =>
  ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace },
    spec,
  }) as K8sObject;

export const anp = (
  name: string,
  spec: unknown,
  metadata: Record<string, unknown> = {},
): K8sObject =>
  ({
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'AdminNetworkPolicy',
    metadata: { name, ...metadata },
    spec,
  }) as K8sObject;
