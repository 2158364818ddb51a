/** @jest-environment node */
/**
 * While the tab's lists load it shows the rows of the model built from the VM object alone, and
 * of each only what the VM spec says: the name, the binding, the model as written. Property: over
 * the demo captures with fields missing, null, malformed or of the wrong type, those never differ
 * from what the model built from every object shows for the same NIC, and no such row is one the
 * loaded model does not have (KubeVirt's own interface, added when the spec names none, waits for
 * the instance).
 */
import fc from 'fast-check';
import { buildNetworkingModel } from './interface-model';
import { specRowsOf } from './spec-rows';
import type { VirtualMachine } from '../k8s/types';
import type { InterfaceRow, NetworkingInput } from './types';
import { CAPTURE_SCENARIOS } from './__fixtures__/scenarios';
import { arbMutations, mutate } from './__fixtures__/mutate';

const SCENARIOS = CAPTURE_SCENARIOS;
const BASES = SCENARIOS.map((s) => JSON.stringify(s()));

/** What a row shows while loading (InterfacesTable `pending`). */
const specPart = (r: InterfaceRow) => ({
  name: r.name,
  binding: r.binding.name,
  source: r.binding.source,
  model: r.spec.model,
});

const build = (input: NetworkingInput) => {
  try {
    return buildNetworkingModel(input);
  } catch {
    return undefined; // the tab then shows no spec rows (and the model error panel once loaded)
  }
};

const compare = (input: NetworkingInput) => {
  const early = specRowsOf(input.vm);
  const loaded = build(input);
  if (!early || !loaded) return;
  const byName = new Map(loaded.interfaces.map((r) => [r.name, r]));
  for (const row of early.interfaces) {
    const full = byName.get(row.name);
    expect(full && specPart(full)).toEqual(specPart(row));
  }
};

describe('rows shown while the lists load', () => {
  it('leaves out the interface KubeVirt adds itself: the instance shows its name and binding', () => {
    const vm: VirtualMachine = {
      metadata: { name: 'empty', namespace: 'a' },
      spec: { template: { spec: {} } },
    } as VirtualMachine;
    expect(buildNetworkingModel({ vm }).interfaces.map((r) => r.name)).toEqual(['default']);
    expect(specRowsOf(vm)?.interfaces).toEqual([]);
  });

  it.each(SCENARIOS.map((s, i) => [i, s] as const))(
    'scenario %i: the spec part of every row equals the loaded row',
    (_i, scenario) => {
      const input = scenario();
      expect(specRowsOf(input.vm)?.interfaces.length).toBeGreaterThan(0);
      compare(input);
    },
  );

  it('holds for mutated captures (fast-check)', () => {
    fc.assert(
      fc.property(fc.nat(SCENARIOS.length - 1), arbMutations, (scenario, mutations) => {
        compare(mutate<NetworkingInput>(BASES[scenario], mutations));
      }),
      { numRuns: 1000 },
    );
  });
});
