/**
 * Bundles the host page (app + SDK implementation + shared modules) with esbuild into preview/.build/.
 * ESM with code splitting, so large shared modules (react-topology) load only when a plugin asks for them.
 *
 * One bundle per emulated console: `4.21` (React 17, react-router 5 + v5-compat 6, react-i18next 11, as
 * consoles 4.19–4.21) and `4.22` (React 18, react-router 7 standing in for `react-router-dom` and
 * `react-router-dom-v5-compat`, react-i18next 16, redux 5 / react-redux 9, from the
 * preview/console-4.22 workspace). The host app itself runs on the same modules it shares.
 */
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..');
export const DEFAULT_BUILD_DIR = path.join(__dirname, '.build');

export type ConsoleMode = '4.21' | '4.22';
export const CONSOLE_MODES: readonly ConsoleMode[] = ['4.21', '4.22'];

/** Where console 4.22's shared modules are installed (an npm workspace of this package). */
export const CONSOLE_422_DIR = path.join(__dirname, 'console-4.22');

/** Console 4.22 provides these; `react-router-dom` and its v5-compat are react-router 7 there. */
const PROVIDED_422: Record<string, string> = {
  react: 'react',
  'react-dom': 'react-dom',
  'react-router': 'react-router',
  'react-router-dom': 'react-router',
  'react-router-dom-v5-compat': 'react-router',
  'react-i18next': 'react-i18next',
  i18next: 'i18next',
  'react-redux': 'react-redux',
  redux: 'redux',
  'redux-thunk': 'redux-thunk',
};
const PROVIDED_422_IMPORT = new RegExp(
  `^(${Object.keys(PROVIDED_422)
    .map((k) => k.replace(/[-/]/g, '\\$&'))
    .join('|')})(/.*)?$`,
);

const SHARED = [
  'react',
  'react-i18next',
  'react-router',
  'react-router-dom',
  'react-router-dom-v5-compat',
  'redux',
  'react-redux',
  'redux-thunk',
  '@patternfly/react-topology',
  '@openshift-console/dynamic-plugin-sdk',
  '@openshift-console/dynamic-plugin-sdk-internal',
];

const versionOf = (pkg: string, dir = ROOT): string | undefined => {
  try {
    return (
      JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', pkg, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return undefined;
  }
};

/** The version key of each shared module: the version of the package the host bundles for it. */
export const sharedVersions = (mode: ConsoleMode = '4.21'): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const name of SHARED) {
    // Console 4.22 provides its own SDK build (4.22.x), whatever SDK the plugin was built with.
    if (mode === '4.22' && name.startsWith('@openshift-console/dynamic-plugin-sdk')) {
      out[name] = '4.22.0';
      continue;
    }
    const provided = mode === '4.22' ? PROVIDED_422[name] : undefined;
    out[name] =
      (provided ? versionOf(provided, CONSOLE_422_DIR) : versionOf(name)) ??
      versionOf('@openshift-console/dynamic-plugin-sdk') ??
      '0.0.0';
  }
  return out;
};

export interface HostBuild {
  outDir: string;
  files: Array<{ file: string; bytes: number }>;
  entryBytes: number;
  ms: number;
}

/**
 * 4.22 mode: every import of a module console 4.22 provides (from the host's code and from libraries
 * alike) resolves in the 4.22 workspace, and the host's React 17 runtime module is swapped for its
 * React 18 one.
 */
const console422Modules: esbuild.Plugin = {
  name: 'console-4.22-modules',
  setup(build) {
    build.onResolve({ filter: PROVIDED_422_IMPORT }, (args) => {
      if (args.pluginData === 'console-4.22') return undefined;
      const m = PROVIDED_422_IMPORT.exec(args.path)!;
      return build.resolve(`${PROVIDED_422[m[1]]}${m[2] ?? ''}`, {
        kind: args.kind,
        resolveDir: CONSOLE_422_DIR,
        pluginData: 'console-4.22',
      });
    });
    build.onResolve({ filter: /^\.\/runtime$/ }, (args) =>
      args.importer.startsWith(path.join(__dirname, 'app'))
        ? { path: path.join(__dirname, 'app', 'runtime-4.22.tsx') }
        : undefined,
    );
  },
};

export const buildHost = async ({
  outDir = DEFAULT_BUILD_DIR,
  dev = false,
  console: mode = '4.21' as ConsoleMode,
} = {}): Promise<HostBuild> => {
  const started = Date.now();
  if (mode === '4.22' && !fs.existsSync(path.join(CONSOLE_422_DIR, 'node_modules', 'react')))
    throw new Error(
      `The console 4.22 modules are not installed in ${CONSOLE_422_DIR}/node_modules: run \`npm ci\``,
    );
  fs.rmSync(outDir, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { host: path.join(__dirname, 'app/index.tsx') },
    outdir: outDir,
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: !dev,
    sourcemap: 'linked',
    target: 'es2021',
    jsx: 'automatic',
    metafile: true,
    logLevel: 'warning',
    define: {
      'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production'),
      __SHARED_VERSIONS__: JSON.stringify(sharedVersions(mode)),
      __CONSOLE_MODE__: JSON.stringify(mode),
    },
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [
      ...(mode === '4.22' ? [console422Modules] : []),
      {
        // PatternFly CSS comes from @patternfly/patternfly as in the console, never from component imports.
        name: 'no-react-styles-css',
        setup(build) {
          build.onResolve({ filter: /\.css$/ }, (args) =>
            /@patternfly[\\/]react-styles/.test(`${args.resolveDir}/${args.path}`)
              ? { path: args.path, namespace: 'empty-css' }
              : undefined,
          );
          build.onLoad({ filter: /.*/, namespace: 'empty-css' }, () => ({
            contents: '',
            loader: 'css',
          }));
        },
      },
    ],
  });
  const files = Object.entries(result.metafile.outputs)
    .filter(([f]) => !f.endsWith('.map'))
    .map(([file, o]) => ({
      file: path.relative(outDir, path.resolve(ROOT, file)),
      bytes: o.bytes,
    }));
  return {
    outDir,
    files,
    entryBytes: files.find((f) => f.file === 'host.js')?.bytes ?? 0,
    ms: Date.now() - started,
  };
};
