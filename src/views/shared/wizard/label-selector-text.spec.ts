import { parseSelectorText, selectorToText } from './label-selector-text';

describe('label selector text', () => {
  it('reads kubectl selector syntax into matchLabels and matchExpressions', () => {
    const { selector, unreadable } = parseSelectorText(
      'env=prod, team in (a, b), tier notin (x), has-key, !no-key, k!=v',
    );
    expect(unreadable).toEqual([]);
    expect(selector.matchLabels).toEqual({ env: 'prod' });
    expect(selector.matchExpressions).toEqual([
      { key: 'team', operator: 'In', values: ['a', 'b'] },
      { key: 'tier', operator: 'NotIn', values: ['x'] },
      { key: 'has-key', operator: 'Exists' },
      { key: 'no-key', operator: 'DoesNotExist' },
      { key: 'k', operator: 'NotIn', values: ['v'] },
    ]);
  });

  it('keeps what it cannot read and writes a selector back as text', () => {
    expect(parseSelectorText('a b c').unreadable).toEqual(['a b c']);
    const text = 'kubernetes.io/metadata.name in (x,y), env=prod';
    expect(parseSelectorText(selectorToText(parseSelectorText(text).selector)).selector).toEqual(
      parseSelectorText(text).selector,
    );
  });
});
