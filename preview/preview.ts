/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/**
 * Starts the preview host programmatically: the same steps as `npm start`, used by the CLI and by the
 * browser tests (which run it in-process).
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  CONSOLE_MODES,
  DEFAULT_BUILD_DIR,
  ROOT,
  buildHost,
  type ConsoleMode,
  type HostBuild,
} from './build-host';
import { FixtureApi } from './server/fixture-api/api';
import { startPreviewServer, type PluginSource, type PreviewServer } from './server';

export const DEFAULT_FIXTURES = path.join(__dirname, 'fixtures', 'demo');

export interface PreviewOptions {
  port?: number;
  host?: string;
  /** Manifests to seed the fixture API with (dirs or files); ignored with `api`. */
  fixtures?: string[];
  api?: string;
  /** The main plugin: its dist dir (default ./dist) or an origin serving it. */
  dist?: string;
  pluginUrl?: string;
  pluginName?: string;
  /** More plugins to load beside the main one. */
  extraPlugins?: PluginSource[];
  forbid?: string[];
  /** CRDs (`<plural>.<group>`) the fixture API does not serve, as on a cluster without them. */
  withoutCrds?: string[];
  /** The console the host emulates (share scope, loader protocol, PatternFly CSS). Default 4.21. */
  console?: ConsoleMode;
  /** The release reported to plugins and by ClusterVersion (default: the emulated console's, x.y.0). */
  releaseVersion?: string;
  /** The user the fixture API answers as (default kube:admin). */
  user?: string;
  /** The active namespace a fresh session starts with (default: all namespaces, as console 4.22). */
  namespace?: string;
  /** Hostnames accepted besides the loopback names (regular expressions, as kubectl proxy). */
  acceptHosts?: string[];
  insecureSkipTlsVerify?: boolean;
  /** Reuse a host bundle instead of building one (tests build it once): a dir per console mode. */
  hostBuildDir?: string;
  devHost?: boolean;
  log?: (line: string) => void;
}

export const releaseFor = (mode: ConsoleMode): string => `${mode}.0`;

export interface Preview extends PreviewServer {
  fixtureApi?: FixtureApi;
  console: ConsoleMode;
  pluginName: string;
  manifest?: PluginManifestLike;
  hostBuild?: HostBuild;
  seedReport?: ReturnType<FixtureApi['seedFromDir']>[];
}

export interface PluginManifestLike {
  name: string;
  version: string;
  loadScripts?: string[];
  extensions: Array<{ type: string; properties: Record<string, any> }>;
}

export class PreviewError extends Error {}

export const readManifest = (dist: string): PluginManifestLike => {
  const file = path.join(dist, 'plugin-manifest.json');
  if (!fs.existsSync(file)) {
    throw new PreviewError(
      `No plugin build at ${dist} (missing plugin-manifest.json): run \`npm run build\` or drop --no-build`,
    );
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as PluginManifestLike;
};

const packagePluginName = (): string =>
  (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      consolePlugin: { name: string };
    }
  ).consolePlugin.name;

export const startPreview = async (opts: PreviewOptions = {}): Promise<Preview> => {
  const log = opts.log ?? (() => undefined);
  const mode: ConsoleMode = opts.console ?? '4.21';
  if (!CONSOLE_MODES.includes(mode))
    throw new PreviewError(`--console must be one of ${CONSOLE_MODES.join(', ')}, got ${mode}`);
  const release = opts.releaseVersion ?? releaseFor(mode);
  let fixtureApi: FixtureApi | undefined;
  const seedReport: ReturnType<FixtureApi['seedFromDir']>[] = [];
  if (!opts.api) {
    fixtureApi = new FixtureApi({
      forbid: opts.forbid,
      withoutCrds: opts.withoutCrds,
      user: opts.user,
      release,
    });
    for (const dir of opts.fixtures ?? [DEFAULT_FIXTURES]) {
      if (!fs.existsSync(dir)) throw new PreviewError(`Fixtures directory ${dir} does not exist`);
      seedReport.push(fixtureApi.seedFromDir(dir));
    }
  }

  let pluginName = opts.pluginName;
  let manifest: PluginManifestLike | undefined;
  const dist = path.resolve(opts.dist ?? path.join(ROOT, 'dist'));
  if (!opts.pluginUrl) {
    manifest = readManifest(dist);
    pluginName ??= manifest.name;
  }
  pluginName ??= packagePluginName();

  let hostBuild: HostBuild | undefined;
  // A dir holding one build per mode (`<dir>/4.21`, `<dir>/4.22`), or a single build (4.21 mode).
  let hostBuildDir =
    opts.hostBuildDir && fs.existsSync(path.join(opts.hostBuildDir, mode, 'host.js'))
      ? path.join(opts.hostBuildDir, mode)
      : opts.hostBuildDir;
  if (hostBuildDir && mode !== '4.21' && !hostBuildDir.endsWith(mode))
    throw new PreviewError(`No ${mode} host build in ${opts.hostBuildDir}`);
  if (!hostBuildDir) {
    hostBuild = await buildHost({
      outDir: path.join(DEFAULT_BUILD_DIR, mode),
      dev: opts.devHost,
      console: mode,
    });
    hostBuildDir = hostBuild.outDir;
    log(
      `host bundle: ${hostBuild.files.map((f) => `${f.file} ${(f.bytes / 1024).toFixed(0)} KiB`).join(', ')} (${hostBuild.ms} ms)`,
    );
  }

  const server = await startPreviewServer({
    port: opts.port ?? 9000,
    host: opts.host,
    plugins: [
      { name: pluginName, ...(opts.pluginUrl ? { url: opts.pluginUrl } : { dir: dist }) },
      ...(opts.extraPlugins ?? []),
    ],
    hostBuildDir,
    patternflyDir: patternflyDirFor(mode),
    api: opts.api,
    fixtureApi,
    releaseVersion: release,
    acceptHosts: opts.acceptHosts,
    insecureSkipTlsVerify: opts.insecureSkipTlsVerify,
    extraFlags: {
      consoleMode: mode,
      ...(opts.namespace ? { initialNamespace: opts.namespace } : {}),
    },
    log,
  });
  return { ...server, fixtureApi, pluginName, manifest, hostBuild, seedReport, console: mode };
};

/** The PatternFly CSS the emulated console ships: 6.2 for 4.19–4.21, 6.4 for 4.22. */
export const patternflyDirFor = (mode: ConsoleMode): string =>
  mode === '4.22'
    ? path.join(ROOT, 'preview', 'console-4.22', 'node_modules', '@patternfly', 'patternfly')
    : path.join(ROOT, 'node_modules', '@patternfly', 'patternfly');

/** Links to every VirtualMachine the fixture API holds, on the first VM tab the plugin contributes. */
export const demoLinks = (preview: Preview): string[] => {
  const vmTab = preview.manifest?.extensions.find(
    (e) =>
      e.type === 'console.tab/horizontalNav' &&
      e.properties.model?.group === 'kubevirt.io' &&
      e.properties.model?.kind === 'VirtualMachine',
  );
  const vms = preview.fixtureApi?.store.list('kubevirt.io/virtualmachines') ?? [];
  return vms.map(
    (vm) =>
      `${preview.url}/k8s/ns/${vm.metadata.namespace}/kubevirt.io~v1~VirtualMachine/${vm.metadata.name}${vmTab ? `/${vmTab.properties.page.href}` : ''}`,
  );
};
