import fc from 'fast-check';
import { clip } from './WiringDiagram';

const width = (s: string) =>
  Array.from(s).reduce(
    (w, c) => w + (/[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]/.test(c) ? 2 : 1),
    0,
  );

describe('clip', () => {
  it('keeps a text that fits and shortens Latin text to the budget', () => {
    expect(clip('br-vmdata', 12)).toBe('br-vmdata');
    expect(clip('demo-vlan-1924-network', 10)).toBe('demo-vlan…');
  });

  it('counts Japanese characters as two widths, so a clipped label stays inside its box', () => {
    const label = 'クラスター Pod ネットワーク';
    const clipped = clip(label, 14);
    expect(clipped.endsWith('…')).toBe(true);
    expect(width(clipped)).toBeLessThanOrEqual(14);
  });

  it('counts capitals wider than lower case (OVN, VLAN), so a bold title in capitals is cut sooner', () => {
    expect(clip('ovn（集群网络）', 12)).toBe('ovn（集群网…');
    expect(clip('OVN（集群网络）', 12)).toBe('OVN（集群…');
  });

  it('never exceeds the budget for any mix of wide and narrow characters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'Z', '-', 'ネ', '网', '네', ' '), { maxLength: 40 }),
        fc.integer({ min: 4, max: 30 }),
        (chars, max) => {
          const out = clip(chars.join(''), max);
          expect(width(out)).toBeLessThanOrEqual(max);
        },
      ),
    );
  });
});
