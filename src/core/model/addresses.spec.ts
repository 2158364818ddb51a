/** Link-local detection matches what ipaddr.js's own range table calls 'linkLocal'. */
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { ipFact } from './addresses';

const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((b) => b.join('.'));
// Biased towards the ranges' edges: fe80::/10 is fe80-febf, 169.254/16.
const v4Near = fc
  .tuple(fc.constantFrom(169, 168, 170), fc.constantFrom(253, 254, 255), fc.nat(255), fc.nat(255))
  .map((b) => b.join('.'));
const v6 = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0xfe40, max: 0xfeff }), fc.nat(0xffff)),
    fc.array(fc.nat(0xffff), { minLength: 7, maxLength: 7 }),
  )
  .map(([first, rest]) => [first, ...rest].map((h) => h.toString(16)).join(':'));

describe('ipFact linkLocal', () => {
  it('agrees with ipaddr.js range() on generated IPv4 and IPv6 addresses', () => {
    fc.assert(
      fc.property(fc.oneof(v4, v4Near, v6), (text) => {
        const fact = ipFact(text, 'instance');
        expect(fact?.linkLocal).toBe(ipaddr.parse(text).range() === 'linkLocal');
      }),
      { numRuns: 3000 },
    );
  });

  it('on the usual cases', () => {
    expect(ipFact('169.254.1.1', 'instance')?.linkLocal).toBe(true);
    expect(ipFact('fe80::858:aff:fe80:1', 'instance')?.linkLocal).toBe(true);
    expect(ipFact('10.0.2.2', 'instance')?.linkLocal).toBe(false);
    expect(ipFact('fd10:0:2::2', 'instance')?.linkLocal).toBe(false);
    expect(ipFact('::ffff:169.254.1.1', 'instance')?.linkLocal).toBe(false);
  });
});
