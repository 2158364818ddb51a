import fc from 'fast-check';
import type { NodeNetworkConfigurationPolicy, NodeNetworkState } from '../k8s/types';
import { collectBridgeMappings } from './bridge-mappings';

const nncp = (mappings: unknown) =>
  ({
    apiVersion: 'nmstate.io/v1',
    kind: 'NodeNetworkConfigurationPolicy',
    metadata: { name: 'mapping' },
    spec: { desiredState: { ovn: { 'bridge-mappings': mappings } } },
  }) as unknown as NodeNetworkConfigurationPolicy;

describe('collectBridgeMappings', () => {
  it('reads a well-formed mapping', () => {
    const out = collectBridgeMappings([nncp([{ localnet: 'vmdata', bridge: 'br-vmdata' }])]);
    expect(out.get('vmdata')).toEqual([
      {
        localnet: 'vmdata',
        bridge: 'br-vmdata',
        from: { kind: 'NodeNetworkConfigurationPolicy', name: 'mapping' },
      },
    ]);
  });

  it('ignores what is not a list of mappings (the NNCP CRD accepts an object there), never throws', () => {
    expect(collectBridgeMappings([nncp({ localnet: 'vmdata', bridge: 'br-vmdata' })]).size).toBe(0);
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (mappings, state) => {
        const nns = {
          metadata: { name: 'worker-1' },
          status: { currentState: { ovn: { 'bridge-mappings': state } } },
        } as unknown as NodeNetworkState;
        const out = collectBridgeMappings([nncp(mappings), null as never], [nns, null as never]);
        for (const list of out.values()) {
          for (const m of list) expect(typeof m.localnet).toBe('string');
        }
      }),
    );
  });
});
