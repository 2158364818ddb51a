import * as fc from 'fast-check';
import { abbreviateMiddle, matrixPeerLabel } from './matrix';

describe('matrixPeerLabel', () => {
  it('shows a CIDR block whole (it read "32" and "0")', () => {
    expect(matrixPeerLabel('192.168.77.93/32').name).toBe('192.168.77.93/32');
    expect(matrixPeerLabel('0.0.0.0/0').name).toBe('0.0.0.0/0');
    expect(matrixPeerLabel('fd00::/64').name).toBe('fd00::/64');
  });

  it('a workload: name without namespace, kind and NIC apart, full id for hover', () => {
    expect(
      matrixPeerLabel('llm-demo/centos-stream9-green-ferret-41[VirtualMachine] nic-localnet'),
    ).toEqual({
      name: 'centos-str…n-ferret-41',
      detail: 'VirtualMachine nic-localnet',
      full: 'llm-demo/centos-stream9-green-ferret-41[VirtualMachine] nic-localnet',
    });
    expect(matrixPeerLabel('llm-demo/tinypod[Pod] net1')).toMatchObject({
      name: 'tinypod',
      detail: 'Pod net1',
    });
  });

  it('abbreviations keep both ends and stay within the limit', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), (s) => {
        const a = abbreviateMiddle(s);
        expect(a.length).toBeLessThanOrEqual(22);
        if (s.length <= 22) expect(a).toBe(s);
        else expect(s.startsWith(a.split('…')[0]) && s.endsWith(a.split('…').pop()!)).toBe(true);
      }),
    );
  });
});
