/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/**
 * Starts the preview host programmatically: the same steps as `npm start`, used by the CLI and by the
 * browser tests (which run it in-process).
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_BUILD_DIR, ROOT, buildHost, type HostBuild } from './build-host';
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
  releaseVersion?: string;
  /** Reuse a host bundle instead of building one (tests build it once). */
  hostBuildDir?: string;
  devHost?: boolean;
  log?: (line: string) => void;
}

export interface Preview extends PreviewServer {
  fixtureApi?: FixtureApi;
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
  let fixtureApi: FixtureApi | undefined;
  const seedReport: ReturnType<FixtureApi['seedFromDir']>[] = [];
  if (!opts.api) {
    fixtureApi = new FixtureApi({ forbid: opts.forbid });
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
  let hostBuildDir = opts.hostBuildDir;
  if (!hostBuildDir) {
    hostBuild = await buildHost({ outDir: DEFAULT_BUILD_DIR, dev: opts.devHost });
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
    api: opts.api,
    fixtureApi,
    releaseVersion: opts.releaseVersion,
    log,
  });
  return { ...server, fixtureApi, pluginName, manifest, hostBuild, seedReport };
};

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
