/**
 * @jest-environment node
 *
 * The production build served by real nginx with the Helm chart's own nginx.conf (see
 * test-support/nginx.ts): content types and caching as the console and browsers will see them.
 * Needs `npm run build` first and nginx (Debian: nginx-light).
 */
import * as fs from 'fs';
import * as https from 'https';
import * as path from 'path';
import type { TLSSocket } from 'tls';
import * as zlib from 'zlib';
import { defaultDistDir, startNginxFromChart, type ChartNginx } from '../test-support/nginx';

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  protocol: string;
}

const fetchRaw = (url: string, headers: Record<string, string> = {}): Promise<Response> =>
  new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false, headers, agent: false }, (res) => {
        const protocol = (res.socket as TLSSocket).getProtocol() ?? '';
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            protocol,
          }),
        );
      })
      .on('error', reject);
  });

const distDir = defaultDistDir;
const manifest = (): { name: string; loadScripts: string[] } =>
  JSON.parse(fs.readFileSync(path.join(distDir, 'plugin-manifest.json'), 'utf8'));

let nginx: ChartNginx;

beforeAll(async () => {
  if (!fs.existsSync(path.join(distDir, 'plugin-manifest.json'))) {
    throw new Error(
      `No production build in ${distDir}: run \`npm run build\` before the e2e tests.`,
    );
  }
  nginx = await startNginxFromChart({ distDir });
}, 30_000);

afterAll(async () => {
  await nginx?.stop();
});

const immutable = 'public, max-age=31536000, immutable';

describe('the chart’s nginx serving dist/', () => {
  it('rewrote only deployment-specific lines of the chart’s config', () => {
    expect(nginx.config).toContain(`root ${distDir};`);
    expect(nginx.config).toContain(`listen 127.0.0.1:${nginx.port} ssl;`);
    expect(nginx.config).not.toMatch(/\/var\/cert|\/usr\/share\/nginx/);
  });

  it('plugin-manifest.json: JSON, never cached, nosniff, over TLS', async () => {
    const res = await fetchRaw(`${nginx.url}plugin-manifest.json`);
    expect(res.status).toBe(200);
    expect(res.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(JSON.parse(res.body.toString('utf8'))).toEqual(manifest());
    expect(res.headers.server).toBe('nginx');
  });

  it('the entry script: JavaScript, cached for a year as immutable, gzip-compressed on request', async () => {
    const [entry] = manifest().loadScripts;
    expect(entry).toMatch(/^plugin-entry\.[0-9a-f]+\.min\.js$/);
    const res = await fetchRaw(`${nginx.url}${entry}`, { 'Accept-Encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/javascript');
    expect(res.headers['cache-control']).toBe(immutable);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(res.body).equals(fs.readFileSync(path.join(distDir, entry)))).toBe(true);
  });

  it('a chunk: JavaScript, immutable', async () => {
    const chunk = fs.readdirSync(distDir).find((file) => /-chunk-[0-9a-f]+\.min\.js$/.test(file));
    expect(chunk).toBeDefined();
    const res = await fetchRaw(`${nginx.url}${chunk}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/javascript');
    expect(res.headers['cache-control']).toBe(immutable);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body.equals(fs.readFileSync(path.join(distDir, chunk!)))).toBe(true);
  });

  it('the locales: JSON, revalidated on every use', async () => {
    const file = `locales/en/plugin__${manifest().name}.json`;
    const res = await fetchRaw(`${nginx.url}${file}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(JSON.parse(res.body.toString('utf8'))).toEqual(
      JSON.parse(fs.readFileSync(path.join(distDir, file), 'utf8')),
    );
  });

  it('no directory listing, and a missing file is a 404 that keeps nosniff', async () => {
    const listing = await fetchRaw(`${nginx.url}locales/`);
    expect(listing.status).toBe(404);
    const missing = await fetchRaw(`${nginx.url}plugin-entry.0000000000000000.min.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
  });
});
