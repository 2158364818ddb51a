/**
 * @jest-environment node
 *
 * The real `bin/vm-networking.cjs` (TypeScript loaded through tsx, no build), run as a child process.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { sharedPath } from '../../test-support/shared';

const root = path.resolve(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'vm-networking.cjs');
const seed = path.join(root, 'src', 'core', 'policy', '__fixtures__', 'seed-004');
const phases = (n: number) =>
  ['base', 'phase-1-deny-all', 'phase-2-allow-some', 'phase-3-cnv']
    .slice(0, n + 1)
    .flatMap((p) => ['--manifests', path.join(seed, p)]);

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** `policy eval` at a phase of the seed 004 field test; `args` as typed on a command line. */
const evalAt = (phase: number, args: string) =>
  run('policy', 'eval', ...phases(phase), ...args.split(/\s+/));

jest.setTimeout(60_000);

describe('vm-networking policy eval', () => {
  it('is an executable node script', () => {
    expect(fs.readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(fs.statSync(bin).mode & 0o111).not.toBe(0);
  });

  it('prints the deciding policy of an allowed ping (seed 004, phase 3) and exits 0', () => {
    const r = evalAt(
      3,
      '--vm llm-demo/centos-stream9-gold-rabbit-80 --direction egress --peer 192.168.77.1',
    );
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Allowed by llm-demo/allow-ipblock-cnv-01');
  });

  it('prints Denied and exits 0 without --expect', () => {
    const r = evalAt(
      3,
      '--vm llm-demo/centos-stream9-gold-rabbit-80 --direction ingress --peer 192.168.77.10',
    );
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Denied');
  });

  it('says when no policy selects the interface', () => {
    const r = evalAt(
      0,
      '--vm llm-demo/centos-stream9-gold-rabbit-80 --direction egress --peer 192.168.77.10 --protocol TCP --port 22',
    );
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Allowed: no policy selects this interface');
  });

  it('--expect: exit 0 when the verdict holds, 1 when it does not', () => {
    const args = [
      'policy',
      'eval',
      ...phases(3),
      '--vm',
      'llm-demo/centos-stream9-green-ferret-41',
      '--direction',
      'egress',
      '--peer',
      '192.168.77.71',
    ];
    expect(run(...args, '--expect', 'denied').code).toBe(0);
    const wrong = run(...args, '--expect', 'allowed');
    expect(wrong.code).toBe(1);
    expect(wrong.stdout.split('\n')[0]).toBe('Denied');
    expect(wrong.stderr).toContain('expected allowed, got denied');
  });

  it('exit 2 with a clear message for a missing VM or bad arguments', () => {
    const missing = evalAt(1, '--vm llm-demo/no-such-vm --direction egress --peer 10.0.0.1');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no VM or pod llm-demo/no-such-vm');
    const badDirection = evalAt(1, '--vm llm-demo/tinypod --direction sideways --peer 10.0.0.1');
    expect(badDirection.code).toBe(2);
    expect(badDirection.stderr).toContain('--direction must be ingress or egress');
    const noManifests = run(
      'policy',
      'eval',
      '--vm',
      'a/b',
      '--direction',
      'egress',
      '--peer',
      '10.0.0.1',
    );
    expect(noManifests.code).toBe(2);
    expect(noManifests.stderr).toContain('--manifests');
  });
});

describe('vm-networking policy connlist', () => {
  it("prints np-guard's connlist for nad_test_4", () => {
    const r = run(
      'policy',
      'connlist',
      '--manifests',
      sharedPath('conformance', 'np-guard', 'cases', 'nad_test_4'),
    );
    expect(r.code).toBe(0);
    const expected = fs.readFileSync(
      sharedPath('conformance', 'np-guard', 'expected', 'nad_test_4_connlist_output.txt'),
      'utf8',
    );
    expect(r.stdout.trim().split('\n')).toEqual(expected.trim().split('\n'));
  });
});
