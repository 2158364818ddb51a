/**
 * @jest-environment node
 *
 * A Namespace object left out as unreadable hides the labels namespace selectors match on. It must
 * not read as "no labels" (an admin Deny or a NetworkPolicy peer would silently stop matching):
 * every answer that depends on matching that namespace's labels is unknown, naming the Namespace;
 * answers that do not depend on them keep their verdict.
 */
import fc from 'fast-check';
import * as path from 'path';
import { readManifestFile } from '../../../test-support/manifests';
import type { K8sObject } from '../k8s/types';
import { PolicyAnalysis, type AnalysisOptions, type EvalQuery } from './analysis';
import { diagnose } from './diagnostics';
import { render } from './messages';
import { anp, networkPolicy, ns, pod } from './__fixtures__/objects';
import { allVerdicts } from './__fixtures__/verdicts';

/** The same Namespace with a label value that is not text: left out of the analysis. */
const unreadable = (o: K8sObject): K8sObject =>
  ({
    ...o,
    metadata: { ...o.metadata, labels: { ...o.metadata?.labels, broken: 7 } },
  }) as unknown as K8sObject;

const ask = (
  objects: K8sObject[],
  q: Partial<EvalQuery> & Pick<EvalQuery, 'endpoint'>,
  options?: AnalysisOptions,
) => {
  const r = new PolicyAnalysis(objects, options).evaluate({
    direction: 'ingress',
    peer: { ip: '8.8.8.8' },
    protocol: 'TCP',
    port: 80,
    ...q,
  });
  return { verdict: r.verdict, why: r.unknownReason ? render(r.unknownReason) : undefined };
};

const nsA = ns('a', { team: 'a' });
const nsB = ns('b', { team: 'a' });
const nsC = ns('c', { team: 'a' });
const pods = [
  pod('a', 'server', '10.128.0.10'),
  pod('a', 'client', '10.128.0.11'),
  pod('b', 'client', '10.128.0.20'),
  pod('c', 'client', '10.128.0.30'),
];
/** a/server lets in TCP 80 from namespaces labelled team=a only. */
const fromTeamA = networkPolicy('a', 'from-team-a', {
  podSelector: { matchLabels: { app: 'server' } },
  ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'a' } } }] }],
});

describe('a NetworkPolicy namespaceSelector peer whose Namespace cannot be read', () => {
  const objects = [nsA, unreadable(nsB), nsC, ...pods, fromTeamA];

  it('makes ingress from that namespace unknown, naming the Namespace', () => {
    expect(ask(objects, { endpoint: 'a/server', peer: { endpoint: 'b/client' } })).toEqual({
      verdict: 'Unknown',
      why: 'Namespace b could not be read',
    });
    // By address too: the address is b/client's.
    expect(ask(objects, { endpoint: 'a/server', peer: { ip: '10.128.0.20' } })).toEqual({
      verdict: 'Unknown',
      why: 'Namespace b could not be read',
    });
  });

  it('from a namespace that can be read, the answer is unchanged', () => {
    const readable = [nsA, nsB, nsC, ...pods, fromTeamA];
    for (const peer of ['b/client', 'c/client'])
      expect(ask(readable, { endpoint: 'a/server', peer: { endpoint: peer } }).verdict).toBe(
        'Allowed',
      );
    expect(ask(objects, { endpoint: 'a/server', peer: { endpoint: 'c/client' } }).verdict).toBe(
      'Allowed',
    );
    // Unknown, not denied: b's labels may say team=a.
    expect(ask(objects, { endpoint: 'a/server', peer: { endpoint: 'b/client' } }).verdict).toBe(
      'Unknown',
    );
  });

  it('a selector on the name label alone is still decided (the API server sets it from the name)', () => {
    const byName = networkPolicy('a', 'from-b', {
      podSelector: { matchLabels: { app: 'server' } },
      ingress: [
        { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'b' } } }] },
      ],
    });
    const objs = [nsA, unreadable(nsB), unreadable(nsC), ...pods, byName];
    expect(ask(objs, { endpoint: 'a/server', peer: { endpoint: 'b/client' } }).verdict).toBe(
      'Allowed',
    );
    expect(ask(objs, { endpoint: 'a/server', peer: { endpoint: 'c/client' } }).verdict).toBe(
      'Denied',
    );
  });

  it('a Namespace whose name cannot be read could be any namespace not read otherwise', () => {
    const nameless = {
      ...nsB,
      metadata: { name: 42, labels: { team: 'a' } },
    } as unknown as K8sObject;
    // b has no readable Namespace object (it could be the nameless one); c has one.
    const objs = [nsA, nameless, nsC, ...pods, fromTeamA];
    expect(ask(objs, { endpoint: 'a/server', peer: { endpoint: 'b/client' } })).toEqual({
      verdict: 'Unknown',
      why: 'Namespace ? could not be read',
    });
    expect(ask(objs, { endpoint: 'a/server', peer: { endpoint: 'c/client' } }).verdict).toBe(
      'Allowed',
    );
  });

  it('a Namespace the view could not fetch (an option) is unknown the same way', () => {
    const objs = [nsA, nsC, ...pods, fromTeamA];
    expect(
      ask(
        objs,
        { endpoint: 'a/server', peer: { endpoint: 'c/client' } },
        {
          unreadableNamespaces: ['c'],
        },
      ),
    ).toEqual({ verdict: 'Unknown', why: 'Namespace c could not be read' });
  });
});

describe('the diagnostic of an unreadable Namespace', () => {
  it('says which answers it makes unknown', () => {
    const d = diagnose(new PolicyAnalysis([nsA, unreadable(nsB), ...pods])).find(
      (x) => x.code === 'unreadable-object',
    )!;
    expect(d.message).toContain('Namespace b could not be read');
    expect(d.message).toContain(
      'answers that depend on namespace selectors matching its labels are unknown until it is fixed',
    );
  });
});

describe('an AdminNetworkPolicy subject whose Namespace cannot be read', () => {
  const deny = anp('deny-web', {
    priority: 10,
    subject: { namespaces: { matchLabels: { team: 'a' } } },
    ingress: [{ name: 'all', action: 'Deny', from: [{ networks: ['0.0.0.0/0'] }] }],
  });

  it('makes what its Deny could decide unknown, naming the Namespace', () => {
    expect(ask([nsA, nsB, ...pods, deny], { endpoint: 'a/server' }).verdict).toBe('Denied');
    expect(ask([unreadable(nsA), nsB, ...pods, deny], { endpoint: 'a/server' })).toEqual({
      verdict: 'Unknown',
      why: 'Namespace a could not be read',
    });
    // An endpoint of a readable namespace the subject selects stays denied.
    expect(ask([unreadable(nsA), nsB, ...pods, deny], { endpoint: 'b/client' }).verdict).toBe(
      'Denied',
    );
  });

  it('an admin peer `namespaces` selector: unknown from that namespace', () => {
    const denyFrom = anp('deny-from-team-a', {
      priority: 10,
      subject: { namespaces: {} },
      ingress: [
        { name: 'x', action: 'Deny', from: [{ namespaces: { matchLabels: { team: 'a' } } }] },
      ],
    });
    const objs = [nsA, unreadable(nsB), nsC, ...pods, denyFrom];
    expect(ask(objs, { endpoint: 'a/server', peer: { endpoint: 'c/client' } }).verdict).toBe(
      'Denied',
    );
    expect(ask(objs, { endpoint: 'a/server', peer: { endpoint: 'b/client' } })).toEqual({
      verdict: 'Unknown',
      why: 'Namespace b could not be read',
    });
  });

  it('is not listed as applied: only evaluated, as unknown', () => {
    const a = new PolicyAnalysis([unreadable(nsA), nsB, ...pods, deny]);
    const server = a.findEndpoint('a/server')!;
    expect(a.adminPoliciesSelecting(server.interfaces[0])).toEqual([]);
  });
});

describe('policies that do not match on an unreadable Namespace keep their answers', () => {
  it('a podSelector-only NetworkPolicy in its own namespace', () => {
    const fromClients = networkPolicy('a', 'from-clients', {
      podSelector: { matchLabels: { app: 'server' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }] }],
    });
    for (const objs of [
      [nsA, nsB, ...pods, fromClients],
      [nsA, unreadable(nsB), ...pods, fromClients],
    ]) {
      expect(ask(objs, { endpoint: 'a/server', peer: { endpoint: 'a/client' } }).verdict).toBe(
        'Allowed',
      );
      expect(ask(objs, { endpoint: 'a/server', peer: { endpoint: 'b/client' } }).verdict).toBe(
        'Denied',
      );
    }
  });
});

describe('property: an unreadable copy of one Namespace never allows more', () => {
  const NAMES = ['n0', 'n1', 'n2'];
  const label = fc.record({ team: fc.constantFrom('x', 'y') }, { requiredKeys: [] });
  const selector = fc.oneof(
    fc.constant({}),
    label.map((matchLabels) => ({ matchLabels })),
    fc.constant({ matchLabels: { 'kubernetes.io/metadata.name': 'n1' } }),
  );
  const npPeer = fc.oneof(
    fc.record({ namespaceSelector: selector }),
    fc.record({
      podSelector: fc.record({ matchLabels: fc.record({ app: fc.constantFrom('p0', 'p1') }) }),
    }),
    fc.record({ namespaceSelector: selector, podSelector: fc.constant({}) }),
  );
  const np = fc.record({
    namespace: fc.constantFrom(...NAMES),
    ingress: fc.array(fc.record({ from: fc.array(npPeer, { minLength: 1, maxLength: 2 }) }), {
      maxLength: 2,
    }),
    egress: fc.array(fc.record({ to: fc.array(npPeer, { minLength: 1, maxLength: 2 }) }), {
      maxLength: 2,
    }),
  });
  const adminRule = (peerKey: 'from' | 'to', actions: string[]) =>
    fc.record({
      name: fc.constant('r'),
      action: fc.constantFrom(...actions),
      [peerKey]: fc.array(
        fc.oneof(
          selector.map((namespaces) => ({ namespaces })),
          fc.constant({ networks: ['0.0.0.0/0'] }),
        ),
        { minLength: 1, maxLength: 2 },
      ),
    });
  const admin = fc.record({
    priority: fc.integer({ min: 1, max: 3 }),
    subject: selector.map((namespaces) => ({ namespaces })),
    ingress: fc.array(adminRule('from', ['Allow', 'Deny', 'Pass']), { maxLength: 2 }),
    egress: fc.array(adminRule('to', ['Allow', 'Deny', 'Pass']), { maxLength: 2 }),
  });
  const world = fc.record({
    labels: fc.tuple(label, label, label),
    nps: fc.array(np, { maxLength: 3 }),
    anps: fc.array(admin, { maxLength: 2 }),
    banp: fc.option(
      fc.record({
        subject: selector.map((namespaces) => ({ namespaces })),
        ingress: fc.array(adminRule('from', ['Allow', 'Deny']), { maxLength: 2 }),
        egress: fc.array(adminRule('to', ['Allow', 'Deny']), { maxLength: 2 }),
      }),
      { nil: undefined },
    ),
    broken: fc.integer({ min: 0, max: 2 }),
  });

  it('every changed answer becomes Unknown; nothing not allowed becomes allowed', () => {
    fc.assert(
      fc.property(world, (w) => {
        const namespaces = NAMES.map((n, i) => ns(n, w.labels[i] as Record<string, string>));
        const rest: K8sObject[] = [
          ...NAMES.flatMap((n, i) => [
            pod(n, 'p0', `10.128.${i}.1`, { app: 'p0' }),
            pod(n, 'p1', `10.128.${i}.2`, { app: 'p1' }),
          ]),
          ...w.nps.map((p, i) =>
            networkPolicy(p.namespace, `np${i}`, {
              podSelector: {},
              ingress: p.ingress,
              egress: p.egress,
              policyTypes: ['Ingress', 'Egress'],
            }),
          ),
          ...w.anps.map((spec, i) => anp(`anp${i}`, spec)),
          ...(w.banp
            ? [
                {
                  apiVersion: 'policy.networking.k8s.io/v1alpha1',
                  kind: 'BaselineAdminNetworkPolicy',
                  metadata: { name: 'default' },
                  spec: w.banp,
                } as K8sObject,
              ]
            : []),
        ];
        const before = allVerdicts([...namespaces, ...rest], { portToAddress: true });
        const broken = namespaces.map((n, i) => (i === w.broken ? unreadable(n) : n));
        const after = allVerdicts([...broken, ...rest], { portToAddress: true });
        for (const [k, v] of Object.entries(before)) {
          if (after[k] === v) continue;
          expect({ k, before: v, after: after[k] }).toEqual({ k, before: v, after: 'Unknown' });
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('a VM whose Namespace cannot be read, in a namespace with a primary UDN', () => {
  // The demo's primary-UDN VM, stopped: no launcher pod whose OVN annotation could tell which
  // network carries its pod network NIC; the Namespace's labels would.
  const objects = readManifestFile(
    path.resolve(__dirname, '../../../preview/fixtures/demo/02-vm-primary-udn-l2bridge.yaml'),
  ).filter((o) => o.kind !== 'Pod' && o.kind !== 'VirtualMachineInstance');
  const vm = 'demo-vm-primary-udn/vm-primary-udn';

  it('answers unknown on its pod network NIC, saying why, never as if on the pod network', () => {
    const withoutNamespace = objects.filter((o) => o.kind !== 'Namespace');
    const r = ask(
      withoutNamespace,
      { endpoint: vm },
      {
        unreadableNamespaces: ['demo-vm-primary-udn'],
      },
    );
    expect(r.verdict).toBe('Unknown');
    expect(r.why).toMatch(
      /Namespace demo-vm-primary-udn could not be read: its labels decide whether UserDefinedNetwork primary-udn carries this NIC/,
    );
    // The same object left out as unreadable (a label that is not text) says the same.
    const broken = objects.map((o) => (o.kind === 'Namespace' ? unreadable(o) : o));
    expect(ask(broken, { endpoint: vm }).verdict).toBe('Unknown');
  });

  it('with its Namespace read, answers as before', () => {
    expect(ask(objects, { endpoint: vm }).verdict).not.toBe('Unknown');
  });
});
