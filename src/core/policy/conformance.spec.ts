/**
 * @jest-environment node
 *
 * Conformance with np-guard netpol-analyzer (../shared/conformance/np-guard): for every connlist
 * run of its cases (txt format), our connlist output, normalised (lines trimmed, blank lines
 * dropped, sorted, as np-guard's own harness ignores newlines), equals its expected output.
 * Deliberate differences are listed in docs/policy-conformance.md and skipped BY NAME below.
 */
import * as fs from 'fs';
import { sharedPath } from '../../../test-support/shared';
import { readManifests } from '../manifests/read-dir';
import { PolicyAnalysis } from './analysis';
import { connlistText, type ConnlistOptions } from './connlist';

interface RunOptions {
  mode: string;
  multipleNetworks?: boolean;
  focusWorkloads?: string[];
  focusWorkloadPeers?: string[];
  focusDirection?: 'ingress' | 'egress';
  focusConn?: string;
}
interface Case {
  name: string;
  category: string;
  runs: { options: RunOptions; expected: string[] }[];
}

/** Cases whose semantics we deliberately do not share with np-guard (see docs/policy-conformance.md). */
const SKIPPED: Record<string, string> = {};
/** What np-guard skips when multiple networks are off (classic runs). */
const MULTI_NETWORK_KINDS = new Set([
  'NetworkAttachmentDefinition',
  'UserDefinedNetwork',
  'ClusterUserDefinedNetwork',
  'MultiNetworkPolicy',
]);

const base = sharedPath('conformance', 'np-guard');
const cases = (JSON.parse(fs.readFileSync(`${base}/cases.json`, 'utf8')) as { cases: Case[] })
  .cases;

const normalise = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l)
    .sort();

interface Run {
  title: string;
  caseName: string;
  expectedFile: string;
  options: RunOptions;
}

const runs: Run[] = [];
for (const c of cases) {
  for (const run of c.runs ?? []) {
    const o = run.options;
    // Focus on workload pairs (`--focusworkload-peer`) and multi-workload focus are not implemented.
    if (o.mode !== 'connlist' || (o.focusWorkloads?.length ?? 0) > 1) continue;
    const txt = run.expected.find((e) => e.endsWith('.txt'));
    if (txt)
      runs.push({ title: `${c.name} → ${txt}`, caseName: c.name, expectedFile: txt, options: o });
  }
}

const outcome = { compared: 0, passed: 0, skipped: [] as string[] };

describe('np-guard connlist conformance', () => {
  it('has the np-guard cases to compare with', () => {
    expect(runs.length).toBeGreaterThanOrEqual(45);
  });

  for (const run of runs.filter((r) => SKIPPED[r.caseName])) {
    outcome.skipped.push(`${run.caseName}: ${SKIPPED[run.caseName]}`);
    it.skip(`${run.title} (deliberate difference: ${SKIPPED[run.caseName]})`, () => undefined);
  }

  const compared = runs.filter((r) => !SKIPPED[r.caseName]);
  it.each(compared.map((r) => [r.title, r] as const))('%s', (_title, run) => {
    let objects = readManifests(`${base}/cases/${run.caseName}`).objects;
    if (!run.options.multipleNetworks)
      objects = objects.filter((o) => !MULTI_NETWORK_KINDS.has(o.kind ?? ''));
    const options: ConnlistOptions = {
      multipleNetworks: !!run.options.multipleNetworks,
      focusWorkload: run.options.focusWorkloads?.[0],
      focusDirection: run.options.focusWorkloads ? run.options.focusDirection : undefined,
      focusWorkloadPeer: run.options.focusWorkloadPeers?.[0],
      focusConn: run.options.focusConn,
    };
    // np-guard applies admin network policies on primary UDNs too; OVN-Kubernetes 4.19–4.22 does
    // not (docs/policy-conformance.md), so the comparison runs with np-guard's reading.
    const ours = connlistText(
      new PolicyAnalysis(objects, { adminPoliciesOnPrimaryUdns: true }),
      options,
    );
    const expected = fs.readFileSync(`${base}/expected/${run.expectedFile}`, 'utf8');
    outcome.compared++;
    expect(normalise(ours)).toEqual(normalise(expected));
    outcome.passed++;
  });

  afterAll(() => {
    // Printed so the pass count is visible in CI logs.
    console.log(
      `np-guard conformance: ${outcome.passed}/${outcome.compared} runs equal; skipped by name: ${outcome.skipped.join('; ')}`,
    );
  });
});

/**
 * Cases without a connlist golden: np-guard stops with an error, or warns. Ours must report the same
 * object (as a network problem; the CLI's connlist exits 2 on the error kinds), or, where we
 * deliberately read the input differently, show that reading.
 */
describe('np-guard error and warning cases', () => {
  const withoutGolden = cases.filter(
    (c) => !(c.runs ?? []).some((r) => r.expected.some((e) => e.endsWith('.txt'))),
  );
  it('are the 12 error and warning cases', () => {
    expect(withoutGolden.map((c) => c.name).sort()).toEqual(
      [
        'cudn_bad_test_1',
        'cudn_warning_test_1',
        'udn_bad_path_test_1',
        'udn_bad_path_test_2',
        'udn_bad_path_test_3',
        'udn_bad_path_test_4',
        'udn_bad_path_test_5',
        'udn_bad_path_test_6',
        'udn_bad_path_test_7',
        'udn_warning_test_1',
        'udn_warning_test_2',
        'udn_warning_test_3',
      ].sort(),
    );
  });
  const full = cases as (Case & { expectError?: string | null; expectWarning?: string | null })[];
  it.each(full.filter((c) => withoutGolden.includes(c)).map((c) => [c.name, c] as const))(
    '%s',
    (_name, c) => {
      const analysis = new PolicyAnalysis(readManifests(`${base}/cases/${c.name}`).objects);
      const problems = analysis.catalog.problems;
      if (c.name === 'udn_warning_test_1') {
        // np-guard ignores secondary UDNs; we analyse them as the secondary network they are.
        expect(problems).toEqual([]);
        expect([...analysis.catalog.networks.values()].map((n) => n.kind)).toContain('secondary');
        return;
      }
      const expected = (c.expectError ?? c.expectWarning ?? '') as string;
      const errorCodes = ['udn-invalid', 'primary-conflict'];
      const ours = problems.filter((p) =>
        c.expectError ? errorCodes.includes(p.code) : !errorCodes.includes(p.code),
      );
      expect(ours.length).toBeGreaterThan(0);
      // The same object: its name (and namespace) appear in np-guard's message.
      for (const p of ours) {
        expect(expected).toContain(p.object.name);
        if (p.object.namespace) expect(expected).toContain(p.object.namespace);
      }
    },
  );
});

describe('MultiNetworkPolicy cases are really exercised', () => {
  it('covers cases with MNPs, NADs, UDNs, CUDNs and VMs', () => {
    const names = new Set(runs.map((r) => r.caseName));
    for (const category of [
      'nad+mnp',
      'nad+udn+vm+mnp+np',
      'cudn+vm',
      'udn+vm+np',
      'nad+vm+mnp+np',
      'classic',
    ]) {
      expect(cases.filter((c) => c.category === category).some((c) => names.has(c.name))).toBe(
        true,
      );
    }
  });
});
