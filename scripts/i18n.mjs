#!/usr/bin/env node
// `--write` regenerates locales/en from the sources; `--check` fails when the committed file is stale.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FILE = 'locales/en/plugin__vm-networking-console-plugin.json';
const mode = process.argv.includes('--check') ? 'check' : 'write';

const run = (output) => {
  const result = spawnSync(
    process.execPath,
    ['node_modules/i18next-parser/bin/cli.js', '--config', 'i18next-parser.config.mjs', '--silent'],
    { stdio: 'inherit', env: { ...process.env, ...(output ? { I18N_OUTPUT: output } : {}) } },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (mode === 'write') {
  run();
  console.log(`i18n: wrote ${FILE}`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'i18n-'));
  run(join(dir, '$LOCALE/$NAMESPACE.json'));
  const fresh = readFileSync(join(dir, 'en/plugin__vm-networking-console-plugin.json'), 'utf8');
  const committed = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '';
  rmSync(dir, { recursive: true, force: true });
  if (
    JSON.stringify(JSON.parse(fresh)) !== JSON.stringify(committed ? JSON.parse(committed) : null)
  ) {
    const a = Object.keys(JSON.parse(fresh));
    const b = committed ? Object.keys(JSON.parse(committed)) : [];
    const missing = a.filter((k) => !b.includes(k));
    const stale = b.filter((k) => !a.includes(k));
    console.error(`i18n: ${FILE} is not up to date. Run \`npm run i18n\` and commit it.`);
    if (missing.length) console.error(`  missing keys: ${missing.join(' | ')}`);
    if (stale.length) console.error(`  unused keys: ${stale.join(' | ')}`);
    process.exit(1);
  }
  console.log('i18n: locales are up to date');
}
