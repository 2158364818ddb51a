/** @jest-environment node */
import fc from 'fast-check';
import { buildNetworkingModel } from './interface-model';
import { prepareNetworkingInput } from './prepare';
import type { NetworkingInput } from './types';
import { CAPTURE_SCENARIOS } from './__fixtures__/scenarios';
import { arbMutations, mutate } from './__fixtures__/mutate';

const BASES = CAPTURE_SCENARIOS.map((s) => JSON.stringify(s()));
/** The lists a tab may still be waiting for. */
const LISTS = ['vmi', 'pods', 'nads', 'udns', 'cudns', 'namespace', 'nncps', 'nodeNetworkStates'];

describe('prepareNetworkingInput', () => {
  it('never throws, and a model built after it equals one built without it', () => {
    fc.assert(
      fc.property(
        fc.nat(BASES.length - 1),
        arbMutations,
        fc.subarray(LISTS),
        (scenario, mutations, arrived) => {
          const input = mutate<NetworkingInput>(BASES[scenario], mutations);
          // While waiting: only some lists are there.
          const partial = { ...input } as Record<string, unknown>;
          for (const key of LISTS) if (!arrived.includes(key)) delete partial[key];
          expect(() => prepareNetworkingInput(partial as unknown as NetworkingInput)).not.toThrow();
          const prepared = buildNetworkingModel(input);
          const fresh = buildNetworkingModel(mutate<NetworkingInput>(BASES[scenario], mutations));
          expect(JSON.stringify(prepared)).toEqual(JSON.stringify(fresh));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads anything as an input without throwing', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (vm, nads) => {
        expect(() =>
          prepareNetworkingInput({ vm, nads } as unknown as NetworkingInput),
        ).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
