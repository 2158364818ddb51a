/** @jest-environment node */
import { loadSharedObjects } from '../../../test-support/shared';
import type { ClusterUserDefinedNetwork } from './types';
import { matchesSelector } from './selectors';

const cudn = (file: string) =>
  loadSharedObjects<ClusterUserDefinedNetwork>(file).find(
    (o) => o.kind === 'ClusterUserDefinedNetwork',
  )!;

describe('matchesSelector on real CUDN namespace selectors', () => {
  it('matchExpressions In on the namespace name (FOSDEM happy-tenant)', () => {
    const sel = cudn('examples/field/fosdem-primary-udn-l2bridge.udn-cudn-vms.yaml').spec!
      .namespaceSelector;
    expect(matchesSelector({ 'kubernetes.io/metadata.name': 'red-namespace' }, sel)).toBe(true);
    expect(matchesSelector({ 'kubernetes.io/metadata.name': 'green' }, sel)).toBe(false);
  });
  it('matchLabels with an empty value (demo-autofs localnet-1924)', () => {
    const sel = cudn('examples/demo-autofs/components/localnet-1924/clusteruserdefinednetwork.yaml')
      .spec!.namespaceSelector;
    expect(matchesSelector({ 'vlan-1924': '' }, sel)).toBe(true);
    expect(matchesSelector({ 'vlan-1926': '' }, sel)).toBe(false);
  });
  it('NotIn, Exists, DoesNotExist; empty matches all, missing matches none, invalid none', () => {
    const l = { a: '1' };
    expect(
      matchesSelector(l, { matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['2'] }] }),
    ).toBe(true);
    expect(matchesSelector(l, { matchExpressions: [{ key: 'a', operator: 'Exists' }] })).toBe(true);
    expect(matchesSelector(l, { matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] })).toBe(
      false,
    );
    expect(matchesSelector(l, {})).toBe(true);
    expect(matchesSelector(l, undefined)).toBe(false);
    expect(matchesSelector(l, null)).toBe(false);
    expect(
      matchesSelector(l, { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }),
    ).toBe(false);
  });
});
