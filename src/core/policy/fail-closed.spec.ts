/**
 * @jest-environment node
 *
 * Fail closed: input the analysis cannot read is reported (object and rule) and never widens what
 * is allowed; traffic it could affect is "unknown", not "allowed".
 */
import fc from 'fast-check';
import type { K8sObject, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from '../k8s/types';
import { PolicyAnalysis } from './analysis';
import { diagnose } from './diagnostics';
import { render } from './messages';

const world: K8sObject[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'server', namespace: 'a', labels: { app: 'server' } },
    spec: { containers: [{ name: 'c', image: 'i', ports: [{ name: 'http', containerPort: 80 }] }] },
    status: { phase: 'Running', podIP: '10.128.0.10', podIPs: [{ ip: '10.128.0.10' }] },
  } as K8sObject,
];
const policy = (
  direction: 'ingress' | 'egress',
  peers: NetworkPolicyPeer[],
  ports?: NetworkPolicyPort[],
): NetworkPolicy => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'p', namespace: 'a' },
  spec: {
    podSelector: {},
    policyTypes: [direction === 'ingress' ? 'Ingress' : 'Egress'],
    [direction]: [
      { ...(ports ? { ports } : {}), [direction === 'ingress' ? 'from' : 'to']: peers },
    ],
  },
});
const ask = (p: NetworkPolicy, ip: string, port = 80) => {
  const analysis = new PolicyAnalysis([...world, p], {
    sourceOf: (o) => (o === p ? 'policies/p.yaml' : undefined),
  });
  const direction = p.spec!.policyTypes![0] === 'Ingress' ? 'ingress' : 'egress';
  const r = analysis.evaluate({
    endpoint: 'a/server',
    direction,
    peer: { ip },
    protocol: 'TCP',
    port,
  });
  const reported = diagnose(analysis).filter((d) => d.code === 'unreadable-policy');
  return { r, reported, why: r.unknownReason ? render(r.unknownReason) : undefined };
};

describe('unreadable policy input is unknown, never allowed', () => {
  it('an except that does not parse does not widen the CIDR (was: the whole CIDR allowed)', () => {
    const { r, reported, why } = ask(
      policy('ingress', [{ ipBlock: { cidr: '10.0.0.0/8', except: ['bogus'] } }]),
      '10.1.2.3',
    );
    expect(r.verdict).toBe('Unknown');
    expect(why).toBe('ipBlock except "bogus" is not a CIDR');
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({
      source: 'policies/p.yaml',
      rule: 'ingress[0]',
      subject: { kind: 'NetworkPolicy', namespace: 'a', name: 'p' },
    });
  });

  it('a CIDR that does not parse ("10.0.0.0/8x") is unknown, and does not throw', () => {
    const { r, why } = ask(policy('ingress', [{ ipBlock: { cidr: '10.0.0.0/8x' } }]), '10.1.2.3');
    expect(r.verdict).toBe('Unknown');
    expect(why).toBe('ipBlock cidr "10.0.0.0/8x" is not a CIDR');
  });

  it('a peer with both podSelector and ipBlock', () => {
    const { r, why } = ask(
      policy('ingress', [{ podSelector: {}, ipBlock: { cidr: '10.0.0.0/8' } }]),
      '10.1.2.3',
    );
    expect([r.verdict, why]).toEqual([
      'Unknown',
      'a peer sets both ipBlock and a pod or namespace selector',
    ]);
  });

  it('rules of the wrong shape (read from a file or a watch) are unknown, never a crash or allowed', () => {
    const cases: [unknown, string][] = [
      [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }, 'ingress is not a list of rules'],
      [['not a rule'], 'ingress[0] is not an object'],
      [[{ from: { ipBlock: { cidr: '10.0.0.0/8' } } }], 'ingress[0].from is not a list'],
      [
        [{ from: [{ podSelector: { matchLabels: 'app=x' } }] }],
        'podSelector is not a label selector',
      ],
      [
        [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: '10.1.0.0/16' } }] }],
        'ipBlock.except is not a list',
      ],
    ];
    for (const [ingress, reason] of cases) {
      const p = policy('ingress', []);
      (p.spec as unknown as Record<string, unknown>).ingress = ingress;
      const { r, why } = ask(p, '10.1.2.3');
      expect([r.verdict, why]).toEqual(['Unknown', reason]);
    }
  });

  it('a policy whose podSelector or policyTypes cannot be read isolates, with every answer unknown', () => {
    for (const [field, value] of [
      ['podSelector', 'app=server'],
      ['policyTypes', 'Ingress'],
    ] as const) {
      const p = policy('ingress', [{ ipBlock: { cidr: '10.0.0.0/8' } }]);
      (p.spec as unknown as Record<string, unknown>)[field] = value;
      const { r } = ask(p, '192.168.1.1');
      expect(r.verdict).toBe('Unknown');
    }
  });

  it('an empty peer', () => {
    const { r, why } = ask(policy('ingress', [{}]), '10.1.2.3');
    expect([r.verdict, why]).toEqual([
      'Unknown',
      'a peer sets none of podSelector, namespaceSelector or ipBlock',
    ]);
  });

  it('a named port on an egress ipBlock', () => {
    const { r, why } = ask(
      policy('egress', [{ ipBlock: { cidr: '0.0.0.0/0' } }], [{ protocol: 'TCP', port: 'http' }]),
      '8.8.8.8',
    );
    expect(r.verdict).toBe('Unknown');
    expect(why).toContain('named port "http"');
  });

  it('endPort below port, and endPort with a named port', () => {
    const below = ask(
      policy('ingress', [{ ipBlock: { cidr: '0.0.0.0/0' } }], [{ port: 90, endPort: 85 }]),
      '8.8.8.8',
      80,
    );
    expect([below.r.verdict, below.why]).toEqual(['Unknown', 'endPort 85 is below port 90']);
    const named = ask(
      policy('ingress', [{ ipBlock: { cidr: '0.0.0.0/0' } }], [{ port: 'http', endPort: 85 }]),
      '8.8.8.8',
      80,
    );
    expect([named.r.verdict, named.why]).toEqual([
      'Unknown',
      'endPort 85 is set with the named port "http"',
    ]);
  });

  it('a readable rule still allows what it allows; an unreadable one does not deny it', () => {
    const p = policy('ingress', [{ ipBlock: { cidr: '10.0.0.0/8', except: ['bogus'] } }]);
    p.spec!.ingress!.push({ from: [{ ipBlock: { cidr: '10.1.0.0/16' } }] });
    expect(ask(p, '10.1.2.3').r.verdict).toBe('Allowed');
  });

  it('property: a garbage cidr or except never makes an address allowed', () => {
    // Whatever garbage a peer holds, the verdict for any address is never "Allowed" through it.
    const garbage = fc.oneof(
      fc.constant('bogus'),
      fc.constant('10.0.0.0/8x'),
      fc.constant('10.0.0.0/33'),
      fc.constant('10/8'),
      fc.constant('1.2.3.4/'),
      fc.string(),
    );
    fc.assert(
      fc.property(garbage, fc.boolean(), fc.ipV4(), (bad, inExcept, ip) => {
        const peer: NetworkPolicyPeer = inExcept
          ? { ipBlock: { cidr: '0.0.0.0/0', except: [bad] } }
          : { ipBlock: { cidr: bad } };
        const { r } = ask(policy('ingress', [peer]), ip);
        return r.verdict !== 'Allowed' || /^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(bad);
      }),
      { numRuns: 150 },
    );
  });
});

describe('objects the analysis cannot read at all', () => {
  it('are left out and reported, never silently dropped', () => {
    const broken = {
      ...policy('ingress', [{ ipBlock: { cidr: '10.0.0.0/8' } }]),
      metadata: { name: 'p', namespace: 'a', annotations: { 'k8s.v1.cni.cncf.io/policy-for': 42 } },
    } as unknown as K8sObject;
    const analysis = new PolicyAnalysis([...world, broken]);
    expect(analysis.skippedObjects).toEqual([broken]);
    const reported = diagnose(analysis).filter((d) => d.code === 'unreadable-object');
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({
      severity: 'error',
      subject: { kind: 'NetworkPolicy', namespace: 'a', name: 'p' },
    });
    expect(reported[0].message).toContain('NetworkPolicy a/p could not be read');
  });
});
