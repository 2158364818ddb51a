/**
 * Bundles the host page (app + SDK implementation + shared modules) with esbuild into preview/.build/.
 * ESM with code splitting, so large shared modules (react-topology) load only when a plugin asks for them.
 */
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..');
export const DEFAULT_BUILD_DIR = path.join(__dirname, '.build');

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

const versionOf = (pkg: string): string | undefined => {
  try {
    return (
      JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return undefined;
  }
};

export const sharedVersions = (): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const name of SHARED)
    out[name] = versionOf(name) ?? versionOf('@openshift-console/dynamic-plugin-sdk') ?? '0.0.0';
  return out;
};

export interface HostBuild {
  outDir: string;
  files: Array<{ file: string; bytes: number }>;
  entryBytes: number;
  ms: number;
}

export const buildHost = async ({
  outDir = DEFAULT_BUILD_DIR,
  dev = false,
} = {}): Promise<HostBuild> => {
  const started = Date.now();
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
      __SHARED_VERSIONS__: JSON.stringify(sharedVersions()),
    },
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [
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
