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

  it('the usage text documents the Unknown section: its heading, what it lists and why', () => {
    const r = run('policy', '--help');
    expect(r.code).toBe(0);
    const usage = r.stdout.replace(/\s+/g, ' ');
    // The heading as connlist prints it (src/core/policy/connlist.ts).
    expect(usage).toContain(
      'Unknown connectivity in <network> (it depends on input that could not be read):',
    );
    expect(usage).toContain('<src> => <dst> : <connections>');
    expect(usage).toMatch(/left out as unreadable could decide it/);
    expect(usage).toMatch(/Namespace whose labels a namespace selector matches on/);
  });
});

describe('policy input the analysis cannot read, and connlist diagnostics', () => {
  const tmp = (files: Record<string, unknown[]>) => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'vmnet-cli-'));
    for (const [name, objects] of Object.entries(files))
      fs.writeFileSync(path.join(dir, name), objects.map((o) => JSON.stringify(o)).join('\n---\n'));
    return dir;
  };
  const pod = (name: string, ns = 'a') => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels: { app: name } },
    spec: { containers: [{ name: 'c', image: 'i' }] },
    status: { podIP: '10.128.0.10', podIPs: [{ ip: '10.128.0.10' }] },
  });
  const badPolicy = (cidr: string, except?: string[]) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'bad', namespace: 'a' },
    spec: {
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ ipBlock: { cidr, ...(except ? { except } : {}) } }] }],
    },
  });

  it('eval: a CIDR that does not parse is "Unknown", reported with file and rule (was a BigInt crash)', () => {
    const dir = tmp({ 'pods.yaml': [pod('server')], 'np.yaml': [badPolicy('10.0.0.0/8x')] });
    const r = run(
      'policy',
      'eval',
      '--manifests',
      dir,
      '--vm',
      'a/server',
      '--direction',
      'ingress',
      '--peer',
      '10.1.1.1',
      '--expect',
      'allowed',
    );
    expect(r.stdout.split('\n')[0]).toBe('Unknown: ipBlock cidr "10.0.0.0/8x" is not a CIDR');
    expect(r.stderr).toContain(
      `${path.join(dir, 'np.yaml')}: ingress[0]: NetworkPolicy a/bad ingress[0]: ipBlock cidr "10.0.0.0/8x" is not a CIDR`,
    );
    expect(r.code).toBe(1);
  });

  it('eval: except: [bogus] does not allow the whole CIDR', () => {
    const dir = tmp({ 'all.yaml': [pod('server'), badPolicy('10.0.0.0/8', ['bogus'])] });
    const r = run(
      'policy',
      'eval',
      '--manifests',
      dir,
      '--vm',
      'a/server',
      '--direction',
      'ingress',
      '--peer',
      '10.1.1.1',
    );
    expect(r.stdout.split('\n')[0]).toBe('Unknown: ipBlock except "bogus" is not a CIDR');
  });

  it('connlist: no workloads is fatal (exit 2), not "all workloads are on UDNs"', () => {
    const r = run('policy', 'connlist', '--manifests', tmp({ 'empty.yaml': [] }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: no workloads');
    expect(r.stdout).toBe('');
  });

  it('connlist: two objects of one kind with one name are fatal', () => {
    const r = run(
      'policy',
      'connlist',
      '--manifests',
      tmp({ 'a.yaml': [pod('x')], 'b.yaml': [pod('x')] }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: Pod a\/x is defined twice \(.*a\.yaml and .*b\.yaml\)/);
  });

  it('connlist: an unknown --focusworkload and a --focus-conn port outside 1–65535 are fatal', () => {
    const dir = tmp({ 'a.yaml': [pod('x')] });
    const focus = run('policy', 'connlist', '--manifests', dir, '--focusworkload', 'nope');
    expect(focus.code).toBe(2);
    expect(focus.stderr).toContain('--focusworkload nope: no such workload');
    for (const port of ['0', '65536']) {
      const conn = run('policy', 'connlist', '--manifests', dir, '--focus-conn', `tcp-${port}`);
      expect(conn.code).toBe(2);
      expect(conn.stderr).toContain('port must be from 1 to 65535');
    }
  });

  it('connlist: prints diagnostics on stderr and lists objects it does not analyse', () => {
    const route = {
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: { name: 'web', namespace: 'a' },
    };
    const cnp = {
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: 'c' },
    };
    const dir = tmp({ 'a.yaml': [pod('x'), badPolicy('10.0.0.0/8', ['bogus']), route, cnp] });
    const r = run('policy', 'connlist', '--manifests', dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('info: not analysed: Route a/web');
    expect(r.stderr).toMatch(/warning: .*a\.yaml: ClusterNetworkPolicy c is not analysed/);
    expect(r.stderr).toContain('error: ');
    expect(r.stderr).toContain('ipBlock except "bogus" is not a CIDR');
  });
});
