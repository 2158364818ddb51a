#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order: type-check, lint, i18n, unit tests, production
 * build, browser tests. Runs them all (the browser tests need the build), prints a summary and a
 * closing `N passed, N failed` line, and exits non-zero when anything failed.
 *
 * The browser tests run twice: all of them against the console 4.21 host (consoles 4.19–4.21: React 17,
 * react-router 5), then the Networking tab, wizard and action specs again against the console 4.22 host
 * (React 18, react-router 7, __load_plugin_entry__), with `PREVIEW_CONSOLE=4.22`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';

const cache = '.cache';
mkdirSync(cache, { recursive: true });

const steps = [];
let passed = 0;
let failed = 0;

/** The specs run again against the console 4.22 host. */
const CONSOLE_422_SPECS = [
  'e2e/networking-tab.spec.ts',
  'e2e/networking-details.spec.ts',
  'e2e/tab-layout.spec.ts',
  'e2e/wizards.spec.ts',
  'e2e/attach-detach.spec.ts',
  'e2e/create-vm.spec.ts',
].filter((f) => existsSync(f));

const run = (name, cmd, args, { jsonReport, env = {} } = {}) => {
  const started = Date.now();
  if (jsonReport) rmSync(jsonReport, { force: true });
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = (Date.now() - started) / 1000;
  const ok = result.status === 0;
  let detail = '';
  if (jsonReport && existsSync(jsonReport)) {
    const report = JSON.parse(readFileSync(jsonReport, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    detail = `${report.numPassedTests} passed, ${report.numFailedTests} failed`;
    if (!ok && report.numFailedTests === 0) failed += 1; // a suite that failed to run
  } else if (!ok) {
    failed += 1;
  }
  steps.push({ name, ok, seconds, detail });
  return ok;
};

const npx = (bin) => `node_modules/.bin/${bin}`;

/**
 * Checks that read the sources and write nothing, run at the same time (each mostly waits on one
 * core): their output is printed whole, one check after another, once all have finished.
 */
const runTogether = async (checks) => {
  const started = Date.now();
  const results = await Promise.all(
    checks.map(
      ([name, cmd, args]) =>
        new Promise((resolve) => {
          const t0 = Date.now();
          const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
          let output = '';
          child.stdout.on('data', (d) => (output += d));
          child.stderr.on('data', (d) => (output += d));
          const seconds = () => (Date.now() - t0) / 1000;
          child.on('error', (e) =>
            resolve({ name, cmd, args, ok: false, output: `${output}${e}`, seconds: seconds() }),
          );
          child.on('close', (code) =>
            resolve({ name, cmd, args, ok: code === 0, output, seconds: seconds() }),
          );
        }),
    ),
  );
  for (const r of results) {
    console.log(`\n=== ${r.name}: ${[r.cmd, ...r.args].join(' ')}`);
    process.stdout.write(r.output);
    if (!r.ok) failed += 1;
    steps.push({ name: r.name, ok: r.ok, seconds: r.seconds, detail: '' });
  }
  console.log(`\n(static checks together: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
};

const chromium = ensureChromium();
await runTogether([
  ['type-check', npx('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['eslint', npx('eslint'), ['.']],
  ['stylelint', npx('stylelint'), ['src/**/*.css', '--allow-empty-input']],
  ['prettier', npx('prettier'), ['--check', '.']],
  ['i18n', process.execPath, ['scripts/i18n.mjs', '--check']],
]);
// Two workers on two cores (Jest's default is one fewer than the cores): about 270 → 170 s.
run(
  'unit tests',
  npx('jest'),
  ['--ci', '--maxWorkers=2', '--json', `--outputFile=${cache}/jest-unit.json`],
  { jsonReport: `${cache}/jest-unit.json` },
);
const built = run('production build', 'npm', ['run', '--silent', 'build']);
if (!built) {
  steps.push({ name: 'browser tests', ok: false, seconds: 0, detail: 'skipped: the build failed' });
  failed += 1;
} else if (!chromium.ok) {
  steps.push({ name: 'browser tests', ok: false, seconds: 0, detail: chromium.message });
  failed += 1;
} else {
  // One host build per console mode, shared by both runs.
  const hostDir = mkdtempSync(join(tmpdir(), 'preview-host-test-all-'));
  const e2e = (name, report, specs, consoleMode) =>
    run(
      name,
      npx('jest'),
      [
        '-c',
        'e2e/jest.config.js',
        // Two workers, each with its own Chromium and preview: much of a browser test is waiting
        // (for the page, the fixture API, a settled layout), so two suites at a time on two cores
        // took the console 4.21 run from about 455 to 335 s.
        '--maxWorkers=2',
        '--ci',
        '--json',
        `--outputFile=${cache}/${report}`,
        ...specs,
      ],
      {
        jsonReport: `${cache}/${report}`,
        env: { PREVIEW_CONSOLE: consoleMode, PREVIEW_HOST_BUILD_DIR: hostDir },
      },
    );
  try {
    e2e('browser tests, console 4.21', 'jest-e2e.json', [], '4.21');
    e2e('browser tests, console 4.22', 'jest-e2e-4.22.json', CONSOLE_422_SPECS, '4.22');
  } finally {
    rmSync(hostDir, { recursive: true, force: true });
  }
}

console.log('\n=== summary');
for (const s of steps) {
  console.log(
    `${s.ok ? 'ok  ' : 'FAIL'}  ${s.name.padEnd(28)} ${s.seconds.toFixed(1).padStart(6)} s  ${s.detail}`,
  );
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || steps.some((s) => !s.ok) ? 1 : 0);
