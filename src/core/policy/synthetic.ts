/**
 * Synthetic clusters for benchmarks and scale tests: one namespace with N VMs on a localnet
 * network with IPAM and M MultiNetworkPolicies mixing selector, ipBlock and port rules; with
 * `adminPolicies`, the VMs are on the pod network too and the set gets that many
 * AdminNetworkPolicies (Allow, Deny and Pass rules over namespace, pod and CIDR peers) and a BANP.
 */
import type { K8sObject, NetworkAttachmentDefinition } from '../k8s/types';

export const syntheticCluster = (
  vms: number,
  policies: number,
  namespace = 'bench',
  options: { adminPolicies?: number } = {},
): K8sObject[] => {
  const admin = options.adminPolicies ?? 0;
  const objects: K8sObject[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: { team: 'a' } } },
    {
      apiVersion: 'k8s.cni.cncf.io/v1',
      kind: 'NetworkAttachmentDefinition',
      metadata: { name: 'tenant', namespace },
      spec: {
        config: JSON.stringify({
          cniVersion: '0.3.1',
          name: 'tenant-net',
          type: 'ovn-k8s-cni-overlay',
          topology: 'localnet',
          subnets: '10.20.0.0/16',
          netAttachDefName: `${namespace}/tenant`,
        }),
      },
    } as NetworkAttachmentDefinition,
  ];
  const ip = (i: number) => `10.20.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  const podIp = (i: number) => `10.128.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  for (let i = 0; i < vms; i++) {
    const name = `vm-${i}`;
    objects.push({
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: { name, namespace },
      spec: {
        template: {
          metadata: { labels: { app: `app-${i % 50}`, tier: ['web', 'db', 'cache'][i % 3] } },
          spec: {
            domain: {
              devices: {
                interfaces: [
                  { name: 'tenant', bridge: {}, ports: [{ name: 'http', port: 8080 }] },
                  ...(admin ? [{ name: 'default', masquerade: {} }] : []),
                ],
              },
            },
            networks: [
              { name: 'tenant', multus: { networkName: 'tenant' } },
              ...(admin ? [{ name: 'default', pod: {} }] : []),
            ],
          },
        },
      },
    } as K8sObject);
    objects.push({
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachineInstance',
      metadata: { name, namespace },
      status: {
        interfaces: [
          { name: 'tenant', ipAddress: ip(i), ipAddresses: [`${ip(i)}/16`] },
          ...(admin ? [{ name: 'default', ipAddress: podIp(i), ipAddresses: [podIp(i)] }] : []),
        ],
      },
    } as K8sObject);
  }
  for (let p = 0; p < policies; p++) {
    const kind = p % 4;
    objects.push({
      apiVersion: 'k8s.cni.cncf.io/v1beta1',
      kind: 'MultiNetworkPolicy',
      metadata: {
        name: `mnp-${p}`,
        namespace,
        annotations: { 'k8s.v1.cni.cncf.io/policy-for': 'tenant' },
      },
      spec: {
        podSelector: { matchLabels: { 'vm.kubevirt.io/name': `vm-${p % Math.max(vms, 1)}` } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          kind === 0
            ? {
                from: [{ podSelector: { matchLabels: { app: `app-${p % 50}` } } }],
                ports: [{ protocol: 'TCP', port: 443 }],
              }
            : kind === 1
              ? { from: [{ ipBlock: { cidr: '10.20.0.0/16', except: [`${ip(p % vms)}/32`] } }] }
              : kind === 2
                ? {
                    from: [
                      {
                        namespaceSelector: { matchLabels: { team: 'a' } },
                        podSelector: {
                          matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }],
                        },
                      },
                    ],
                    ports: [{ protocol: 'TCP', port: 'http' }],
                  }
                : { ports: [{ protocol: 'UDP', port: 5000, endPort: 5100 }] },
        ],
        egress: [{ to: [{ ipBlock: { cidr: `10.20.${p % 4}.0/24` } }] }],
      },
    } as K8sObject);
  }
  for (let a = 0; a < admin; a++) {
    const action = (['Allow', 'Deny', 'Pass'] as const)[a % 3];
    objects.push({
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'AdminNetworkPolicy',
      metadata: { name: `anp-${a}` },
      spec: {
        priority: a,
        subject:
          a % 2
            ? { namespaces: { matchLabels: { team: 'a' } } }
            : {
                pods: {
                  namespaceSelector: {},
                  podSelector: { matchLabels: { tier: ['web', 'db', 'cache'][a % 3] } },
                },
              },
        ingress: [
          {
            name: `in-${a}`,
            action,
            from: [
              {
                pods: {
                  namespaceSelector: { matchLabels: { team: 'a' } },
                  podSelector: { matchLabels: { app: `app-${a % 50}` } },
                },
              },
            ],
            ports: [{ portNumber: { protocol: 'TCP', port: 1000 + a } }],
          },
        ],
        egress: [
          {
            name: `out-${a}`,
            action: a % 3 === 1 ? 'Deny' : 'Pass',
            to: [{ networks: [`192.168.${a}.0/24`] }],
            ports: [{ portRange: { protocol: 'UDP', start: 2000, end: 2000 + a } }],
          },
        ],
      },
    } as K8sObject);
  }
  if (admin)
    objects.push({
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'BaselineAdminNetworkPolicy',
      metadata: { name: 'default' },
      spec: {
        subject: { namespaces: {} },
        ingress: [
          {
            name: 'deny-other-teams',
            action: 'Deny',
            from: [
              {
                namespaces: {
                  matchExpressions: [{ key: 'team', operator: 'NotIn', values: ['a'] }],
                },
              },
            ],
          },
        ],
        egress: [
          { name: 'deny-metadata', action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] },
        ],
      },
    } as K8sObject);
  return objects;
};
