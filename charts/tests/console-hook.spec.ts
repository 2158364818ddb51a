/**
 * @jest-environment node
 *
 * The hook Jobs' script, exactly as the chart renders it into the Jobs, run by a POSIX shell
 * against a fake `oc` that applies JSON patches the way the API server does.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Job } from 'kubernetes-types/batch/v1';
import { one, render } from './render';

const pluginName = 'vm-networking-console-plugin';
const fakeOcDir = path.join(__dirname, 'fake-oc');

const renderedCommand = (action: 'enable' | 'disable'): string[] => {
  const job = one<Job>(render(), 'Job', `${pluginName}-console-hook-${action}`);
  return job.spec!.template.spec!.containers[0].command!;
};

interface Console {
  apiVersion: string;
  kind: string;
  metadata: { name: string; resourceVersion: string };
  spec: { managementState: string; plugins?: string[] };
}

const consoleWith = (plugins?: string[]): Console => ({
  apiVersion: 'operator.openshift.io/v1',
  kind: 'Console',
  metadata: { name: 'cluster', resourceVersion: '1000' },
  spec: { managementState: 'Managed', ...(plugins ? { plugins } : {}) },
});

const runHook = (
  action: 'enable' | 'disable',
  initial: Console,
  env: Record<string, string> = {},
): { status: number | null; output: string; console: Console; calls: string[][] } => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-hook-'));
  try {
    const state = path.join(dir, 'console.json');
    const log = path.join(dir, 'calls.log');
    fs.writeFileSync(state, JSON.stringify(initial));
    fs.writeFileSync(log, '');
    const [shell, ...args] = renderedCommand(action);
    const run = spawnSync(shell, args, {
      encoding: 'utf8',
      env: {
        PATH: `${fakeOcDir}:${process.env.PATH}`,
        FAKE_OC_STATE: state,
        FAKE_OC_LOG: log,
        CONSOLE_PATCH_RETRY_DELAY: '0',
        ...env,
      },
    });
    return {
      status: run.status,
      output: run.stdout + run.stderr,
      console: JSON.parse(fs.readFileSync(state, 'utf8')) as Console,
      calls: fs
        .readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as string[]),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

const patches = (calls: string[][]): unknown[] =>
  calls.filter((call) => call[0] === 'patch').map((call) => JSON.parse(call[4]));

describe('the rendered hook command', () => {
  it('is the chart’s script run by /bin/sh with the action and our name', () => {
    const script = fs.readFileSync(
      path.join(__dirname, '..', pluginName, 'files', 'console-plugins.sh'),
      'utf8',
    );
    const command = renderedCommand('enable');
    expect(command.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(command[2]).toBe(script);
    expect(command.slice(3)).toEqual(['console-plugins.sh', 'enable', pluginName]);
  });
});

describe('enable', () => {
  it('appends our name and keeps every other plugin, in order', () => {
    const result = runHook('enable', consoleWith(['kubevirt-plugin', 'networking-console-plugin']));
    expect(result.status).toBe(0);
    expect(result.console.spec.plugins).toEqual([
      'kubevirt-plugin',
      'networking-console-plugin',
      pluginName,
    ]);
    // The patch adds one entry, guarded by the resourceVersion it read: it never rewrites the list.
    expect(patches(result.calls)).toEqual([
      [
        { op: 'test', path: '/metadata/resourceVersion', value: '1000' },
        { op: 'add', path: '/spec/plugins/-', value: pluginName },
      ],
    ]);
    expect(result.console.spec.managementState).toBe('Managed');
  });

  it('creates the list when the Console has none', () => {
    const result = runHook('enable', consoleWith());
    expect(result.status).toBe(0);
    expect(result.console.spec.plugins).toEqual([pluginName]);
  });

  it('does nothing when we are already enabled', () => {
    const result = runHook('enable', consoleWith([pluginName, 'kubevirt-plugin']));
    expect(result.status).toBe(0);
    expect(result.console.spec.plugins).toEqual([pluginName, 'kubevirt-plugin']);
    expect(patches(result.calls)).toEqual([]);
    expect(result.output).toContain(`${pluginName} is enabled`);
  });

  it('does not lose a plugin that another writer adds at the same moment', () => {
    const result = runHook('enable', consoleWith(['kubevirt-plugin']), {
      FAKE_OC_CONCURRENT: JSON.stringify(['monitoring-plugin']),
    });
    expect(result.status).toBe(0);
    expect(result.console.spec.plugins).toEqual([
      'kubevirt-plugin',
      'monitoring-plugin',
      pluginName,
    ]);
    // The first patch was refused (stale resourceVersion) and the second one made from a fresh read.
    expect(patches(result.calls)).toHaveLength(2);
  });

  it('retries a failing API server, then gives up with a clear message', () => {
    const flaky = runHook('enable', consoleWith([]), { FAKE_OC_FAIL_GETS: '2' });
    expect(flaky.status).toBe(0);
    expect(flaky.console.spec.plugins).toEqual([pluginName]);

    const down = runHook('enable', consoleWith(['kubevirt-plugin']), {
      FAKE_OC_FAIL_GETS: '100',
      CONSOLE_PATCH_ATTEMPTS: '3',
    });
    expect(down.status).toBe(1);
    expect(down.output).toContain(`giving up after 3 failed attempts to enable ${pluginName}`);
    expect(down.console.spec.plugins).toEqual(['kubevirt-plugin']);
  });
});

describe('disable (pre-delete)', () => {
  it('removes only our entry', () => {
    const result = runHook(
      'disable',
      consoleWith(['kubevirt-plugin', pluginName, 'monitoring-plugin']),
    );
    expect(result.status).toBe(0);
    expect(result.console.spec.plugins).toEqual(['kubevirt-plugin', 'monitoring-plugin']);
    expect(patches(result.calls)).toEqual([
      [
        { op: 'test', path: '/metadata/resourceVersion', value: '1000' },
        { op: 'test', path: '/spec/plugins/1', value: pluginName },
        { op: 'remove', path: '/spec/plugins/1' },
      ],
    ]);
  });

  it('removes a duplicated entry too, and a plugin with a similar name stays', () => {
    const result = runHook(
      'disable',
      consoleWith([pluginName, `${pluginName}-old`, 'kubevirt-plugin', pluginName]),
    );
    expect(result.status).toBe(0);
    expect(result.console.spec.plugins).toEqual([`${pluginName}-old`, 'kubevirt-plugin']);
  });

  it('is a no-op when we are not enabled or there is no list', () => {
    for (const initial of [consoleWith(['kubevirt-plugin']), consoleWith()]) {
      const result = runHook('disable', initial);
      expect(result.status).toBe(0);
      expect(result.console).toEqual(initial);
      expect(result.output).toContain(`${pluginName} is not enabled`);
    }
  });

  it('keeps a plugin added concurrently while removing ours', () => {
    const result = runHook('disable', consoleWith([pluginName, 'kubevirt-plugin']), {
      FAKE_OC_CONCURRENT: JSON.stringify(['monitoring-plugin']),
    });
    expect(result.status).toBe(0);
    expect(result.console.spec.plugins).toEqual(['kubevirt-plugin', 'monitoring-plugin']);
  });
});
