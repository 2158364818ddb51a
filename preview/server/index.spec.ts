/**
 * @jest-environment node
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- watch events are untyped JSON */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import WebSocket from 'ws';
import { FixtureApi } from './fixture-api/api';
import { startPreviewServer, type PreviewServer } from './index';

const DEMO = path.resolve(__dirname, '../fixtures/demo');
const VMS = '/apis/kubevirt.io/v1/namespaces/demo-vm-pod/virtualmachines';

const fixtureApi = (forbid?: string[]) => {
  const api = new FixtureApi({ forbid });
  api.seedFromDir(DEMO);
  return api;
};

const start = (extra: { fixtureApi?: FixtureApi; api?: string }) =>
  startPreviewServer({ port: 0, plugins: [], hostBuildDir: os.tmpdir(), ...extra });

const wsURL = (server: PreviewServer, p: string) =>
  `ws://127.0.0.1:${server.port}/api/kubernetes${p}`;

/** Opens a socket; resolves with the first `n` messages, or with the HTTP refusal of the upgrade. */
const watchFor = (url: string, n: number, onOpen?: () => void, headers?: Record<string, string>) =>
  new Promise<{ events?: any[]; status?: number; body?: string }>((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const events: any[] = [];
    ws.on('open', () => onOpen?.());
    ws.on('message', (d) => {
      events.push(JSON.parse(d.toString()));
      if (events.length === n) {
        ws.close();
        resolve({ events });
      }
    });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    ws.on('error', (e) => {
      if (!/Unexpected server response/.test(e.message)) reject(e);
    });
  });

jest.setTimeout(30000);

describe('preview server: Kubernetes watches over WebSocket', () => {
  const servers: PreviewServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('streams the fixture API watch at /api/kubernetes/ and refuses other origins', async () => {
    const api = fixtureApi();
    const server = await start({ fixtureApi: api });
    servers.push(server);
    const rv = api.store.resourceVersion;
    const patch = () =>
      api.route(
        'PATCH',
        new URL(`${VMS}/vm-pod`, 'http://x'),
        JSON.stringify({ metadata: { labels: { via: 'preview' } } }),
        'application/merge-patch+json',
      );
    const same = await watchFor(
      wsURL(server, `${VMS}?watch=true&resourceVersion=${rv}`),
      1,
      patch,
      { Origin: `http://127.0.0.1:${server.port}` },
    );
    expect(same.events?.[0]).toMatchObject({
      type: 'MODIFIED',
      object: { metadata: { name: 'vm-pod', labels: { via: 'preview' } } },
    });
    const cross = await watchFor(wsURL(server, `${VMS}?watch=true`), 1, undefined, {
      Origin: 'https://evil.example',
    });
    expect(cross.status).toBe(403);
    const elsewhere = await watchFor(`ws://127.0.0.1:${server.port}/static/host/x`, 1);
    expect(elsewhere.status).toBe(404);
  });

  it('with --api, relays the upgrade to the upstream and pipes the sockets', async () => {
    const upstreamApi = fixtureApi(['pods']);
    const upstream = await start({ fixtureApi: upstreamApi });
    servers.push(upstream);
    const proxy = await start({ api: `http://127.0.0.1:${upstream.port}/api/kubernetes` });
    servers.push(proxy);
    const rv = upstreamApi.store.resourceVersion;
    const relayed = await watchFor(
      wsURL(proxy, `${VMS}?watch=true&resourceVersion=${rv}`),
      2,
      () => {
        for (const v of ['one', 'two'])
          upstreamApi.route(
            'PATCH',
            new URL(`${VMS}/vm-pod`, 'http://x'),
            JSON.stringify({ metadata: { labels: { step: v } } }),
            'application/merge-patch+json',
          );
      },
      // The browser's origin is the proxy's; the upstream sees its own.
      { Origin: `http://127.0.0.1:${proxy.port}` },
    );
    expect(relayed.events?.map((e) => [e.type, e.object.metadata.labels.step])).toEqual([
      ['MODIFIED', 'one'],
      ['MODIFIED', 'two'],
    ]);
    // A refusal by the upstream comes back as its HTTP answer, Status included.
    const refused = await watchFor(
      wsURL(proxy, '/api/v1/namespaces/demo-vm-pod/pods?watch=true'),
      1,
    );
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body!)).toMatchObject({ kind: 'Status', reason: 'Forbidden' });
  });

  it('with --api, answers 502 when the upstream cannot be reached', async () => {
    const gone = await start({ fixtureApi: fixtureApi() });
    const port = gone.port;
    await gone.close();
    const proxy = await start({ api: `http://127.0.0.1:${port}/api/kubernetes` });
    servers.push(proxy);
    const r = await watchFor(wsURL(proxy, `${VMS}?watch=true`), 1);
    expect(r.status).toBe(502);
    expect(r.body).toMatch(/cannot reach/);
  });
});

describe('preview server: plugin assets', () => {
  it("caches hashed scripts for a year, as the chart's nginx does, and revalidates the rest", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-dist-'));
    fs.writeFileSync(path.join(dir, 'plugin-manifest.json'), '{}');
    fs.writeFileSync(path.join(dir, 'exposed-Tab-chunk-0123456789abcdef0123.min.js'), '1');
    fs.writeFileSync(path.join(dir, 'plugin-entry.js'), '2');
    const server = await startPreviewServer({
      port: 0,
      plugins: [{ name: 'p', dir }],
      hostBuildDir: os.tmpdir(),
    });
    try {
      const cacheOf = async (file: string) =>
        (await fetch(`http://127.0.0.1:${server.port}/api/plugins/p/${file}`)).headers.get(
          'cache-control',
        );
      expect(await cacheOf('exposed-Tab-chunk-0123456789abcdef0123.min.js')).toBe(
        'public, max-age=31536000, immutable',
      );
      expect(await cacheOf('plugin-manifest.json')).toBe('no-cache');
      expect(await cacheOf('plugin-entry.js')).toBe('no-cache');
    } finally {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
