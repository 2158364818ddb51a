/**
 * @jest-environment node
 *
 * Manifests are read as `kubectl apply` reads them; what cannot be read is named with its file.
 */
import { parseManifests } from './parse';

describe('parseManifests', () => {
  it('accepts tabs inside a multi-line flow sequence, as kubectl does (was: the file vanished)', () => {
    const text = [
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata: {name: p, namespace: a}',
      'spec:',
      '  podSelector: {}',
      '  policyTypes: [',
      '\tIngress,',
      '\tEgress',
      '  ]',
    ].join('\n');
    const r = parseManifests(text, 'np.yaml');
    expect(r.problems).toEqual([]);
    expect(r.objects).toEqual([
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'p', namespace: 'a' },
        spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
      },
    ]);
  });

  it('a document that cannot be read is reported with its file and reason; the others are kept', () => {
    const text = 'kind: Pod\nmetadata: {name: ok}\n---\nkind: Pod\nmetadata: {name: [unclosed\n';
    const r = parseManifests(text, 'pods.yaml');
    expect(r.objects.map((o) => o.metadata?.name)).toEqual(['ok']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].source).toBe('pods.yaml');
    expect(r.problems[0].message.length).toBeGreaterThan(0);
  });
});
