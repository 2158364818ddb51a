/**
 * Once per run: make sure dist/ holds the plugin's production build (minified, hashed entry), building it if
 * it is missing or a development build, and bundle the host page for both emulated consoles (4.21 and
 * 4.22) in development mode, so React reports its warnings (e2e/support/setup.ts fails a test on them).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CONSOLE_MODES, buildHost } from '../../preview/build-host';
import { chromiumPath, missingChromiumMessage } from './browser';

const ROOT = path.resolve(__dirname, '../..');
const HOST_DIR_PREFIX = 'preview-host-';
/** Written into a run's host build dir: the id of the Jest process that uses it. */
const OWNER_FILE = '.owner-pid';
/** A host build dir without an owner file is from before they had one; past this age it is stale. */
const UNOWNED_STALE_MS = 60 * 60 * 1000;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes host build dirs left by earlier runs that ended without cleaning up (killed, crashed). A dir
 * whose owner is still running belongs to a concurrent run and is kept.
 */
export const sweepStaleHostDirs = (tmp = os.tmpdir(), now = Date.now()): string[] => {
  const removed: string[] = [];
  for (const name of fs.readdirSync(tmp)) {
    if (!name.startsWith(HOST_DIR_PREFIX)) continue;
    const dir = path.join(tmp, name);
    try {
      const owner = path.join(dir, OWNER_FILE);
      const stale = fs.existsSync(owner)
        ? !isAlive(Number(fs.readFileSync(owner, 'utf8').trim()))
        : now - fs.statSync(dir).mtimeMs > UNOWNED_STALE_MS;
      if (!stale) continue;
      fs.rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch {
      // gone meanwhile, or not ours to read: leave it
    }
  }
  return removed;
};

export const isProductionDist = (dist: string): boolean => {
  const file = path.join(dist, 'plugin-manifest.json');
  if (!fs.existsSync(file)) return false;
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { loadScripts?: string[] };
  return (manifest.loadScripts ?? []).some((s) => /^plugin-entry\.[0-9a-f]+\.min\.js$/.test(s));
};

export default async function globalSetup(): Promise<void> {
  if (!fs.existsSync(chromiumPath())) throw new Error(missingChromiumMessage(chromiumPath()));
  const dist = path.join(ROOT, 'dist');
  if (!isProductionDist(dist)) {
    console.log('\ne2e: dist/ is not a production build; running `npm run build`');
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('e2e: `npm run build` failed');
  }
  const given = process.env.PREVIEW_HOST_BUILD_DIR;
  if (given) {
    // A directory the caller owns (scripts/test-all.mjs shares one between the 4.21 and 4.22 runs).
    for (const mode of CONSOLE_MODES) {
      if (fs.existsSync(path.join(given, mode, 'host.js'))) continue;
      const host = await buildHost({ outDir: path.join(given, mode), console: mode, dev: true });
      console.log(`\ne2e: console ${mode} host bundle in ${host.ms} ms`);
    }
    return;
  }
  sweepStaleHostDirs();
  // A private build dir: `npm start` (or another test run) may be rebuilding preview/.build meanwhile.
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), HOST_DIR_PREFIX));
  process.env.PREVIEW_HOST_BUILD_DIR = outDir;
  // Global setup runs in Jest's own process: its exit ends the run, whatever the outcome.
  process.on('exit', () => fs.rmSync(outDir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(outDir, OWNER_FILE), String(process.pid));
  for (const mode of CONSOLE_MODES) {
    const host = await buildHost({ outDir: path.join(outDir, mode), console: mode, dev: true });
    console.log(
      `\ne2e: console ${mode} host bundle ${host.files.map((f) => `${f.file} ${f.bytes} B`).join(', ')} in ${host.ms} ms`,
    );
  }
}
