/**
 * Runs a real nginx with the nginx.conf that the Helm chart renders into its ConfigMap, serving a
 * dist/ over HTTPS on a free loopback port. Only the deployment-specific parts are rewritten (the
 * certificate, the root, the /tmp paths, the listen address); everything else is served as the
 * cluster would serve it. Used by e2e/helm-nginx.spec.ts and by browser tests that load the plugin
 * from it (the preview host's --plugin-url).
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { helmTemplate, repoRoot } from './helm';

export interface ChartNginx {
  /** https://127.0.0.1:<port>/ */
  url: string;
  port: number;
  /** The nginx.conf nginx runs with (rendered, then rewritten). */
  config: string;
  stop: () => Promise<void>;
}

export const defaultDistDir = path.join(repoRoot, 'dist');

/** The nginx.conf of the chart's ConfigMap, as helm renders it. */
export const renderChartNginxConfig = (helmArgs: string[] = []): string => {
  const text = helmTemplate(['--show-only', 'templates/configmap.yaml', ...helmArgs]);
  const [configMap] = parseAllDocuments(text).map(
    (doc) => doc.toJS() as { data?: Record<string, string> },
  );
  const config = configMap?.data?.['nginx.conf'];
  if (!config) throw new Error('the chart’s ConfigMap has no nginx.conf');
  return config;
};

/** Replaces exactly `count` occurrences (default one): a changed chart fails here, loudly. */
const replaceExactly = (text: string, pattern: RegExp, replacement: string, count = 1): string => {
  const matches = text.match(new RegExp(pattern.source, pattern.flags.replace('g', '') + 'g'));
  if ((matches?.length ?? 0) !== count) {
    throw new Error(
      `chart nginx.conf: expected ${count} match(es) of ${pattern}, found ${matches?.length ?? 0}`,
    );
  }
  return text.replace(
    new RegExp(pattern.source, pattern.flags.replace('g', '') + 'g'),
    replacement,
  );
};

export const localizeNginxConfig = (
  config: string,
  options: { distDir: string; workDir: string; port: number; cert: string; key: string },
): string => {
  let out = config;
  out = replaceExactly(
    out,
    /ssl_certificate \/var\/cert\/tls\.crt;/,
    `ssl_certificate ${options.cert};`,
  );
  out = replaceExactly(
    out,
    /ssl_certificate_key \/var\/cert\/tls\.key;/,
    `ssl_certificate_key ${options.key};`,
  );
  out = replaceExactly(out, /root \/usr\/share\/nginx\/html;/, `root ${options.distDir};`);
  out = replaceExactly(out, /^(\s*(?:pid|\w+_temp_path)) \/tmp\//m, `$1 ${options.workDir}/`, 6);
  out = replaceExactly(out, /^(\s*)listen \d+ ssl;/m, `$1listen 127.0.0.1:${options.port} ssl;`);
  out = out.replace(/^\s*listen \[::\]:\d+ ssl;\n/m, '');
  return out;
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const nginxBinary = (): string => {
  const candidates = [process.env.NGINX_BIN, '/usr/sbin/nginx', '/usr/bin/nginx'].filter(
    (c): c is string => !!c,
  );
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) {
    throw new Error(
      'nginx is not installed. On Debian: apt-get install -y nginx-light (or set NGINX_BIN).',
    );
  }
  return found;
};

const get = (url: string): Promise<number> =>
  new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });

export const startNginxFromChart = async (
  options: { distDir?: string; helmArgs?: string[] } = {},
): Promise<ChartNginx> => {
  const distDir = path.resolve(options.distDir ?? defaultDistDir);
  if (!fs.existsSync(path.join(distDir, 'plugin-manifest.json'))) {
    throw new Error(`${distDir} has no plugin-manifest.json: run \`npm run build\` first.`);
  }
  const binary = nginxBinary();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-nginx-'));
  // When run as root, nginx's workers run as nobody: they must be able to enter the work dir.
  fs.chmodSync(workDir, 0o755);
  const cert = path.join(workDir, 'tls.crt');
  const key = path.join(workDir, 'tls.key');
  const openssl = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { encoding: 'utf8' },
  );
  if (openssl.status !== 0) throw new Error(`openssl failed: ${openssl.stderr}`);

  const port = await freePort();
  const config = localizeNginxConfig(renderChartNginxConfig(options.helmArgs), {
    distDir,
    workDir,
    port,
    cert,
    key,
  });
  const configPath = path.join(workDir, 'nginx.conf');
  fs.writeFileSync(configPath, config);

  let stderr = '';
  const child = spawn(
    binary,
    ['-e', 'stderr', '-c', configPath, '-p', `${workDir}/`, '-g', 'daemon off;'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let running = true;
  void exited.then(() => (running = false));

  const stop = async (): Promise<void> => {
    if (running) {
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
      clearTimeout(timer);
      if (running) child.kill('SIGKILL');
      await exited;
    }
    fs.rmSync(workDir, { recursive: true, force: true });
  };

  const url = `https://127.0.0.1:${port}/`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (!running) {
      await stop();
      throw new Error(`nginx exited at start-up:\n${stderr}`);
    }
    try {
      if ((await get(`${url}plugin-manifest.json`)) === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not serve ${url}plugin-manifest.json within 10 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, port, config, stop };
};
