/** @jest-environment node */
import { mnpEnforcement, OVN_TYPE } from './networks';

describe('mnpEnforcement', () => {
  it('refuses Linux bridge networks, SR-IOV passthrough and selector peers without IPAM', () => {
    const secondary = 'secondary' as const;
    expect(mnpEnforcement({ kind: secondary, cniType: 'bridge', ipam: 'yes' })).toEqual({
      enforced: false,
      reason: 'linux-bridge',
    });
    expect(mnpEnforcement({ kind: secondary, cniType: 'sriov', ipam: 'yes' })).toEqual({
      enforced: false,
      reason: 'sriov-passthrough',
    });
    expect(
      mnpEnforcement({ kind: secondary, cniType: OVN_TYPE, ipam: 'no' }, { selectorPeers: true }),
    ).toEqual({ enforced: false, reason: 'ipamless-selector-peers' });
    expect(mnpEnforcement({ kind: secondary, cniType: OVN_TYPE, ipam: 'no' })).toEqual({
      enforced: true,
    });
    expect(
      mnpEnforcement({ kind: secondary, cniType: OVN_TYPE, ipam: 'yes' }, { binding: 'bridge' }),
    ).toEqual({ enforced: true });
  });
});
