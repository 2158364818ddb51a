/**
 * Once per run: make sure dist/ holds the plugin's production build (minified, hashed entry), building it if
 * it is missing or a development build, and bundle the host page.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildHost } from '../../preview/build-host';
import { chromiumPath, missingChromiumMessage } from './browser';

const ROOT = path.resolve(__dirname, '../..');

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
  // A private build dir: `npm start` (or another test run) may be rebuilding preview/.build meanwhile.
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-host-'));
  process.env.PREVIEW_HOST_BUILD_DIR = outDir;
  const host = await buildHost({ outDir });
  console.log(
    `\ne2e: host bundle ${host.files.map((f) => `${f.file} ${f.bytes} B`).join(', ')} in ${host.ms} ms`,
  );
}
