/**
 * `npm start -- [--console 4.21|4.22] [--fixtures <dir>] [--port <p>] [--api <url>] [--plugin-url <origin>]
 *               [--dist <dir>] [--no-build] [--dev] [--forbid <plural,...>] [--release <x.y.z>]
 *               [--user <name>] [--namespace <ns>] [--host <addr>] [--accept-hosts <re,...>]
 *               [--insecure-skip-tls-verify]`
 * Builds the plugin, bundles the host page and serves both with the fixture API server (or a real API).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { parseArgs } from 'util';
import { CONSOLE_MODES, ROOT, type ConsoleMode } from './build-host';
import { PreviewError, demoLinks, releaseFor, startPreview } from './preview';

const usage = `Usage: npm start -- [options]
  --console <4.21|4.22> the console to emulate (default 4.21): 4.21 = consoles 4.19-4.21 (React 17,
                        react-router 5 + v5-compat, window.loadPluginEntry, PatternFly 6.2 CSS);
                        4.22 = React 18, react-router 7, react-i18next 16, __load_plugin_entry__, PF 6.4 CSS
  --fixtures <dir>      manifests for the fixture API server (repeatable; default preview/fixtures/demo)
  --port <p>            port to serve on (default 9000)
  --host <addr>         address to listen on (default 127.0.0.1)
  --accept-hosts <res>  hostnames accepted in the Host header besides localhost, 127.0.0.1 and [::1]
                        (comma-separated regular expressions, as kubectl proxy --accept-hosts)
  --api <url>           use a real Kubernetes API instead (e.g. http://127.0.0.1:8001 from \`kubectl proxy\`)
  --insecure-skip-tls-verify
                        do not verify the TLS certificate of an https --api (unsafe; prefer NODE_EXTRA_CA_CERTS)
  --plugin-url <url>    load the plugin from an origin serving its dist (TLS not verified) instead of --dist
  --dist <dir>          the plugin build to serve (default dist)
  --no-build            do not run the plugin build first
  --dev                 development builds (npm run build-dev, unminified host with React's warnings)
  --forbid <plurals>    resources the fixture API refuses with 403 (comma-separated, e.g. pods,userdefinednetworks)
  --without-crd <names> CRDs the fixture API does not serve, as on a cluster without them (comma-separated,
                        e.g. nodenetworkstates.nmstate.io,nodenetworkconfigurationpolicies.nmstate.io)
  --release <version>   console version reported to plugins and by ClusterVersion (default: the --console's, x.y.0)
  --user <name>         the user the fixture API answers as (default kube:admin)
  --namespace <ns>      the active namespace a fresh session starts in (default: all namespaces)
`;

const fail = (message: string): never => {
  console.error(`preview: ${message}`);
  process.exit(1);
};

const main = async () => {
  let args;
  try {
    args = parseArgs({
      options: {
        fixtures: { type: 'string', multiple: true },
        port: { type: 'string', default: '9000' },
        host: { type: 'string' },
        api: { type: 'string' },
        'plugin-url': { type: 'string' },
        dist: { type: 'string', default: 'dist' },
        build: { type: 'boolean', default: true },
        'no-build': { type: 'boolean', default: false },
        dev: { type: 'boolean', default: false },
        forbid: { type: 'string' },
        'without-crd': { type: 'string' },
        release: { type: 'string' },
        console: { type: 'string', default: '4.21' },
        user: { type: 'string' },
        namespace: { type: 'string' },
        'accept-hosts': { type: 'string' },
        'insecure-skip-tls-verify': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
    }).values;
  } catch (e) {
    return fail(`${(e as Error).message}\n${usage}`);
  }
  if (args.help) {
    console.log(usage);
    return;
  }
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be a port number, got ${args.port}`);
  const mode = args.console as ConsoleMode;
  if (!CONSOLE_MODES.includes(mode))
    fail(`--console must be one of ${CONSOLE_MODES.join(', ')}, got ${args.console}`);
  const pluginUrl = args['plugin-url'];
  if (!args['no-build'] && !pluginUrl) {
    const script = args.dev ? 'build-dev' : 'build';
    console.log(`preview: npm run ${script}`);
    const r = spawnSync('npm', ['run', script], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0)
      fail(
        `npm run ${script} failed (exit ${r.status}); fix the build or use --no-build with an existing dist`,
      );
  }
  const preview = await startPreview({
    port,
    host: args.host,
    fixtures: args.fixtures?.map((f) => path.resolve(f)),
    api: args.api,
    dist: path.resolve(ROOT, args.dist!),
    pluginUrl,
    forbid: args.forbid
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    withoutCrds: args['without-crd']
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    releaseVersion: args.release,
    console: mode,
    user: args.user,
    namespace: args.namespace,
    acceptHosts: args['accept-hosts']
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    insecureSkipTlsVerify: args['insecure-skip-tls-verify'],
    devHost: args.dev,
    log: (l) => console.log(`preview: ${l}`),
  }).catch((e: Error) => fail(e instanceof PreviewError ? e.message : e.message));

  for (const r of preview.seedReport ?? []) {
    console.log(`preview: fixture API seeded with ${r.loaded} objects`);
    r.skipped.forEach((s) =>
      console.warn(`preview: skipped a document in ${path.relative(ROOT, s.file)}: ${s.reason}`),
    );
    r.invalid.forEach((i) =>
      console.warn(
        `preview: ${i.object.kind} ${i.object.metadata.namespace ?? ''}/${i.object.metadata.name} does not pass its schema: ${i.causes.map((c) => `${c.field}: ${c.message}`).join('; ')}`,
      ),
    );
  }
  console.log(
    `\nPreview host: ${preview.url} (console ${args.release ?? releaseFor(mode)}, ${mode} runtime)`,
  );
  console.log(`  plugin ${preview.pluginName} from ${pluginUrl ?? path.resolve(ROOT, args.dist!)}`);
  console.log(`  Kubernetes API: ${args.api ?? 'built-in fixture API server'}`);
  const links = demoLinks(preview);
  if (links.length) {
    console.log('  VirtualMachines:');
    links.forEach((l) => console.log(`    ${l}`));
  }
  const stop = () => {
    void preview.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

void main();
