#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order: type-check, lint, i18n, unit tests, production
 * build, browser tests. Runs them all (the browser tests need the build), prints a summary and a
 * closing `N passed, N failed` line, and exits non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';

const cache = '.cache';
mkdirSync(cache, { recursive: true });

const steps = [];
let passed = 0;
let failed = 0;

const run = (name, cmd, args, { jsonReport } = {}) => {
  const started = Date.now();
  if (jsonReport) rmSync(jsonReport, { force: true });
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
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

const chromium = ensureChromium();
run('type-check', npx('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
run('eslint', npx('eslint'), ['.']);
run('stylelint', npx('stylelint'), ['src/**/*.css', '--allow-empty-input']);
run('prettier', npx('prettier'), ['--check', '.']);
run('i18n', process.execPath, ['scripts/i18n.mjs', '--check']);
run('unit tests', npx('jest'), ['--ci', '--json', `--outputFile=${cache}/jest-unit.json`], {
  jsonReport: `${cache}/jest-unit.json`,
});
const built = run('production build', 'npm', ['run', '--silent', 'build']);
if (!built) {
  steps.push({ name: 'browser tests', ok: false, seconds: 0, detail: 'skipped: the build failed' });
  failed += 1;
} else if (!chromium.ok) {
  steps.push({ name: 'browser tests', ok: false, seconds: 0, detail: chromium.message });
  failed += 1;
} else {
  run(
    'browser tests',
    npx('jest'),
    [
      '-c',
      'e2e/jest.config.js',
      '--runInBand',
      '--ci',
      '--json',
      `--outputFile=${cache}/jest-e2e.json`,
    ],
    { jsonReport: `${cache}/jest-e2e.json` },
  );
}

console.log('\n=== summary');
for (const s of steps) {
  console.log(
    `${s.ok ? 'ok  ' : 'FAIL'}  ${s.name.padEnd(18)} ${s.seconds.toFixed(1).padStart(6)} s  ${s.detail}`,
  );
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || steps.some((s) => !s.ok) ? 1 : 0);
