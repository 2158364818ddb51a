/** @jest-environment node */
/**
 * Property: fed VMs, VMIs, launcher pods and networks from the demo captures with fields missing,
 * null, malformed or of the wrong type (annotations included, parsed and mutated inside), the model
 * never throws and every fact it returns carries its evidence (a field of an object, or a named
 * computation).
 */
import fc from 'fast-check';
import { runDiagnostics } from '../diagnostics';
import type { IpFact } from './addresses';
import { buildNetworkingModel } from './interface-model';
import type { Evidence, InterfaceRow, NetworkingInput, NetworkingModel } from './types';
import { CAPTURE_SCENARIOS } from './__fixtures__/scenarios';
import { arbMutations, mutate, type Mutation } from './__fixtures__/mutate';

const RUNS = Number(process.env.MODEL_PROPERTY_RUNS ?? 5000);

const SCENARIOS = CAPTURE_SCENARIOS;
// Parsed once; each run mutates a clone.
const BASES = SCENARIOS.map((s) => JSON.stringify(s()));

const arbInput = fc.record({
  scenario: fc.nat(SCENARIOS.length - 1),
  mutations: arbMutations,
});

const mutated = (scenario: number, mutations: Mutation[]) =>
  mutate<NetworkingInput>(BASES[scenario], mutations);

const present = (v: unknown) =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** Keys that are not facts themselves (labels, links, raw objects) or are checked one by one. */
const NOT_FACTS: Record<string, string[]> = {
  guest: ['ips', 'linkLocal', 'hotplugMessage', 'mac', 'linkState', 'model'],
  pod: ['ips'],
  network: [
    'kindLabel',
    'role',
    'refs',
    'nad',
    'udn',
    'nodeBridges',
    'evidence',
    'canonicalType',
    'missingCause',
  ],
};

const isEvidence = (e: Evidence | undefined): boolean =>
  !!e &&
  ((e.kind === 'field' && !!e.object?.kind && typeof e.field === 'string' && !!e.field) ||
    (e.kind === 'computed' && !!e.rule && Array.isArray(e.from)));

/** The facts of a row that have no evidence; empty when every fact has a source. */
const factsWithoutSource = (row: InterfaceRow): string[] => {
  const missing: string[] = [];
  const evidenceAt = (path: string) =>
    path.startsWith('network.')
      ? row.network.evidence[path.slice('network.'.length)]
      : row.evidence[path];
  const need = (path: string, value: unknown) => {
    if (present(value) && !isEvidence(evidenceAt(path))) missing.push(path);
  };
  for (const section of ['guest', 'pod', 'network'] as const) {
    const obj = row[section] as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(obj)) {
      if (NOT_FACTS[section].includes(k)) continue;
      if (section === 'network' && k === 'ipam') {
        need('network.ipam', (v as { enabled?: boolean }).enabled);
        continue;
      }
      need(`${section}.${k}`, v);
    }
  }
  need('network.kind', row.network.kind);
  for (const [k, v] of Object.entries(row.guest.mac)) need(`guest.mac.${k}`, v);
  for (const [k, v] of Object.entries(row.guest.linkState)) need(`guest.linkState.${k}`, v);
  need('guest.model', row.guest.model.value ?? (row.guest.model.passthrough || undefined));
  need('binding.name', row.binding.name);
  row.binding.facts.forEach((f) => {
    if (!isEvidence(f.source)) missing.push(`binding.facts.${f.id}`);
  });
  const ips: [string, IpFact[]][] = [
    ['guest.ips', row.guest.ips],
    ['guest.linkLocal', row.guest.linkLocal],
    ['pod.ips', row.pod.ips],
    ['pod.lockedDefault.ips', row.pod.lockedDefault?.ips ?? []],
  ];
  for (const [path, list] of ips)
    list.forEach((ip) => {
      if (!isEvidence(ip.evidence)) missing.push(`${path}.${ip.address}`);
    });
  return missing;
};

const modelFactsWithoutSource = (m: NetworkingModel): string[] => [
  ...(m.clusterNetwork.type && !isEvidence(m.clusterNetwork.source) ? ['clusterNetwork'] : []),
  ...(m.stateEvidence.length === 0 && m.state !== 'unknown' ? ['state'] : []),
  ...m.interfaces.flatMap((r) => factsWithoutSource(r).map((p) => `${r.name}: ${p}`)),
];

describe('buildNetworkingModel on mutated real captures', () => {
  it('every unmutated scenario states every fact with its source', () => {
    for (const scenario of SCENARIOS) {
      const m = buildNetworkingModel(scenario());
      expect(m.interfaces.length).toBeGreaterThan(0);
      expect(modelFactsWithoutSource(m)).toEqual([]);
      expect(m.dataProblems).toEqual([]);
    }
  });

  it(`never throws and gives every fact a source (${RUNS} generated inputs)`, () => {
    let withRows = 0;
    fc.assert(
      fc.property(arbInput, ({ scenario, mutations }) => {
        const input = mutated(scenario, mutations);
        const m = buildNetworkingModel(input);
        runDiagnostics(m);
        if (m.interfaces.length) withRows += 1;
        const missing = modelFactsWithoutSource(m);
        if (missing.length) throw new Error(`facts without a source: ${missing.join(', ')}`);
        // Every reported problem names its object and keeps the raw value.
        for (const p of m.dataProblems) {
          if (!p.object?.kind || !p.field || !('raw' in p)) throw new Error('bad problem entry');
        }
      }),
      { numRuns: RUNS, seed: 11 },
    );
    // The generator keeps most inputs recognisable: rows are built for most of them.
    expect(withRows).toBeGreaterThan(RUNS / 2);
  });
});
