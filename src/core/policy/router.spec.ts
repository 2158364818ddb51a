/**
 * @jest-environment node
 *
 * The OpenShift router as a peer: Routes and Ingresses → Services → workloads, let in by
 * NetworkPolicies through the openshift-ingress policy-group namespace labels.
 */
import type { K8sObject, NetworkPolicy } from '../k8s/types';
import { PolicyAnalysis } from './analysis';
import { connlistText } from './connlist';

const objects = (...extra: K8sObject[]): K8sObject[] => [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
    spec: {
      containers: [{ name: 'c', image: 'i', ports: [{ name: 'http', containerPort: 8080 }] }],
    },
  } as K8sObject,
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { selector: { app: 'web' }, ports: [{ name: 'web', port: 80, targetPort: 'http' }] },
  } as K8sObject,
  {
    apiVersion: 'route.openshift.io/v1',
    kind: 'Route',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { to: { kind: 'Service', name: 'web' }, port: { targetPort: 'web' } },
  } as K8sObject,
  ...extra,
];
const np = (ingress: NonNullable<NetworkPolicy['spec']>['ingress']): NetworkPolicy => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'p', namespace: 'shop' },
  spec: { podSelector: {}, policyTypes: ['Ingress'], ingress },
});
const routerLines = (o: K8sObject[]) =>
  connlistText(new PolicyAnalysis(o), { multipleNetworks: false })
    .split('\n')
    .filter((l) => l.startsWith('{ingress-controller}'));

describe('the router peer', () => {
  it('reaches the Route’s Service target port (named, resolved on the pod)', () => {
    expect(routerLines(objects())).toEqual(['{ingress-controller} => shop/web[Pod] : TCP 8080']);
  });

  it('is let in by the policy-group.network.openshift.io/ingress namespace label', () => {
    const allowRouter = np([
      {
        from: [
          {
            namespaceSelector: {
              matchLabels: { 'policy-group.network.openshift.io/ingress': '' },
            },
          },
        ],
      },
    ]);
    expect(routerLines(objects(allowRouter))).toEqual([
      '{ingress-controller} => shop/web[Pod] : TCP 8080',
    ]);
    const legacyLabel = np([
      {
        from: [
          {
            namespaceSelector: { matchLabels: { 'network.openshift.io/policy-group': 'ingress' } },
          },
        ],
      },
    ]);
    expect(routerLines(objects(legacyLabel))).toHaveLength(1);
  });

  it('is kept out by isolation that does not select it, and by an ipBlock-only allow', () => {
    const sameNamespace = np([{ from: [{ podSelector: {} }] }]);
    expect(routerLines(objects(sameNamespace))).toEqual([]);
    const ipOnly = np([{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }]);
    expect(routerLines(objects(ipOnly))).toEqual([]);
  });

  it('Ingress backends by service port number map to the target port', () => {
    const ingress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'i', namespace: 'shop' },
      spec: {
        rules: [
          {
            http: {
              paths: [{ path: '/', backend: { service: { name: 'web', port: { number: 80 } } } }],
            },
          },
        ],
      },
    } as K8sObject;
    const withoutRoute = objects(ingress).filter((o) => o.kind !== 'Route');
    expect(routerLines(withoutRoute)).toEqual(['{ingress-controller} => shop/web[Pod] : TCP 8080']);
  });
});

describe('connlist external blocks', () => {
  it('are cut at the edges of each ipBlock address set, not at every except', () => {
    const o: K8sObject[] = [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', namespace: 'a', labels: { app: 'p' } },
        spec: { containers: [{ name: 'c', image: 'i' }] },
      } as K8sObject,
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'np', namespace: 'a' },
        spec: {
          podSelector: {},
          policyTypes: ['Ingress'],
          ingress: [
            {
              from: [
                {
                  ipBlock: {
                    cidr: '10.0.0.0/8',
                    // Adjacent excepts: one hole 10.1.0.0-10.2.255.255.
                    except: ['10.1.0.0/16', '10.2.0.0/16'],
                  },
                },
              ],
            },
            { from: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ protocol: 'TCP', port: 80 }] },
          ],
        },
      } as K8sObject,
    ];
    const lines = connlistText(new PolicyAnalysis(o), { multipleNetworks: false })
      .split('\n')
      .filter((l) => l.includes('=> a/p[Pod]'));
    expect(lines).toEqual([
      '10.0.0.0-10.0.255.255[External] => a/p[Pod] : All Connections',
      '10.1.0.0-10.2.255.255[External] => a/p[Pod] : TCP 80',
      '10.3.0.0-10.255.255.255[External] => a/p[Pod] : All Connections',
    ]);
  });
});
