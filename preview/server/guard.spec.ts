/**
 * @jest-environment node
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are untyped JSON */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import WebSocket from 'ws';
import { FixtureApi } from './fixture-api/api';
import { RequestGuard, parseHostHeader } from './guard';
import { startPreviewServer, type PreviewServer } from './index';

jest.setTimeout(30000);

const NADS =
  '/api/kubernetes/apis/k8s.cni.cncf.io/v1/namespaces/default/network-attachment-definitions';
const nad = (name: string) => ({
  apiVersion: 'k8s.cni.cncf.io/v1',
  kind: 'NetworkAttachmentDefinition',
  metadata: { name, namespace: 'default' },
  spec: { config: JSON.stringify({ cniVersion: '0.3.1', name, type: 'bridge', bridge: 'br1' }) },
});

/** A raw HTTP request, so that Host, Origin and cookies are exactly what a hostile page could send. */
const request = (
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: unknown },
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> =>
  new Promise((resolve, reject) => {
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: {
          ...(body ? { 'Content-Type': 'application/json' } : {}),
          ...opts.headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body: text, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });

const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const start = async (extra: Partial<Parameters<typeof startPreviewServer>[0]> = {}) => {
  const fixtureApi = extra.api ? undefined : new FixtureApi();
  fixtureApi?.seed([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }]);
  const s = await startPreviewServer({
    port: 0,
    plugins: [],
    hostBuildDir: os.tmpdir(),
    fixtureApi,
    ...extra,
  });
  servers.push(s);
  return { server: s, fixtureApi };
};

/** The token as the host page gets it: from the cookie on the page. */
const pageToken = async (s: PreviewServer): Promise<string> => {
  const page = await request(s.port, { path: '/', headers: { Host: `localhost:${s.port}` } });
  const cookie = String(page.headers['set-cookie']);
  const m = /csrf-token=([^;]+)/.exec(cookie);
  expect(cookie).toMatch(/SameSite=Strict/);
  return m![1];
};

describe('preview host: Host check (DNS rebinding)', () => {
  it('refuses a request whose Host is a foreign name, even on the right port', async () => {
    const { server } = await start();
    const own = await request(server.port, {
      path: '/api/kubernetes/api/v1/namespaces',
      headers: { Host: `localhost:${server.port}` },
    });
    expect(own.status).toBe(200);
    for (const host of [
      `attacker.example:${server.port}`,
      `127.0.0.1.attacker.example:${server.port}`,
      `localhost:${server.port + 1}`,
      `localhost`,
    ]) {
      const r = await request(server.port, {
        path: '/api/kubernetes/api/v1/namespaces',
        headers: { Host: host },
      });
      expect([host, r.status]).toEqual([host, 403]);
      expect(r.body).toContain('DNS rebinding');
    }
    for (const host of [`127.0.0.1:${server.port}`, `[::1]:${server.port}`]) {
      const r = await request(server.port, { path: '/', headers: { Host: host } });
      expect([host, r.status]).toEqual([host, 200]);
    }
  });

  it('widens to --accept-hosts patterns, matched on the hostname', async () => {
    const { server } = await start({ acceptHosts: ['^preview\\.lab\\.example$'] });
    const ok = await request(server.port, {
      path: '/',
      headers: { Host: `preview.lab.example:${server.port}` },
    });
    expect(ok.status).toBe(200);
    const no = await request(server.port, {
      path: '/',
      headers: { Host: `other.lab.example:${server.port}` },
    });
    expect(no.status).toBe(403);
  });

  it('refuses a WebSocket watch for a foreign Host', async () => {
    const { server } = await start();
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(
        `ws://127.0.0.1:${server.port}/api/kubernetes/api/v1/namespaces?watch=true`,
        { headers: { Host: `attacker.example:${server.port}` } },
      );
      ws.on('unexpected-response', (_q, res) => resolve(res.statusCode!));
      ws.on('open', () => reject(new Error('opened')));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(403);
  });

  it('parses Host headers and refuses whatever is not one of its names (generated hosts)', () => {
    const guard = new RequestGuard({ port: 9000, tokenAlways: false });
    fc.assert(
      fc.property(fc.domain(), fc.integer({ min: 1, max: 65535 }), (domain, port) => {
        const host = `${domain}:${port}`;
        const allowed = ['localhost', '127.0.0.1'].includes(domain) && port === 9000;
        expect(!guard.checkHost({ headers: { host } } as any)).toBe(allowed);
      }),
    );
    expect(parseHostHeader('[::1]:9000')).toEqual({ hostname: '[::1]', port: '9000' });
    expect(parseHostHeader('a b:1')).toBeUndefined();
  });
});

describe('preview host: state changes only from its own page', () => {
  it('refuses a cross-origin POST and creates nothing', async () => {
    const { server, fixtureApi } = await start();
    const token = await pageToken(server);
    const r = await request(server.port, {
      method: 'POST',
      path: NADS,
      headers: {
        Host: `localhost:${server.port}`,
        Origin: 'https://attacker.example',
        Cookie: `csrf-token=${token}`,
        'X-CSRFToken': token,
      },
      body: nad('from-attacker'),
    });
    expect(r.status).toBe(403);
    expect(r.body).toContain('another origin');
    expect(fixtureApi!.store.list('k8s.cni.cncf.io/network-attachment-definitions')).toEqual([]);
  });

  it('needs the CSRF token header on a same-origin browser write, and accepts it', async () => {
    const { server } = await start();
    const token = await pageToken(server);
    const headers = { Host: `localhost:${server.port}`, Origin: `http://localhost:${server.port}` };
    const without = await request(server.port, {
      method: 'POST',
      path: NADS,
      headers,
      body: nad('no-token'),
    });
    expect(without.status).toBe(403);
    const wrong = await request(server.port, {
      method: 'POST',
      path: NADS,
      headers: { ...headers, 'X-CSRFToken': `${token.slice(1)}x` },
      body: nad('wrong-token'),
    });
    expect(wrong.status).toBe(403);
    const withToken = await request(server.port, {
      method: 'POST',
      path: NADS,
      headers: { ...headers, 'X-CSRFToken': token },
      body: nad('with-token'),
    });
    expect(withToken.status).toBe(201);
    // Reads need no token.
    const read = await request(server.port, { path: NADS, headers });
    expect(read.status).toBe(200);
  });

  it('with --api, needs the token even from a client that sends no Origin, and does not forward it', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const upstream = http.createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end('{}');
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    servers.push({ close: () => new Promise((r) => upstream.close(() => r())) });
    const { server } = await start({
      api: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
    });
    const token = await pageToken(server);
    const headers = { Host: `localhost:${server.port}` };
    const bare = await request(server.port, { method: 'POST', path: NADS, headers, body: {} });
    expect(bare.status).toBe(403);
    expect(seen).toHaveLength(0);
    const ok = await request(server.port, {
      method: 'POST',
      path: NADS,
      headers: { ...headers, 'X-CSRFToken': token },
      body: {},
    });
    expect(ok.status).toBe(201);
    expect(seen).toHaveLength(1);
    expect(seen[0]['x-csrftoken']).toBeUndefined();
    expect(seen[0].host).toBe(`127.0.0.1:${(upstream.address() as AddressInfo).port}`);
  });
});

describe('preview host: TLS of an https --api', () => {
  let dir: string;
  let upstream: https.Server;
  let upstreamURL: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'self-signed-'));
    execFileSync(
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
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    upstream = https.createServer(
      {
        key: fs.readFileSync(path.join(dir, 'key.pem')),
        cert: fs.readFileSync(path.join(dir, 'cert.pem')),
      },
      (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"kind":"NamespaceList","items":[]}');
      },
    );
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    upstreamURL = `https://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => upstream.close(() => r()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a self-signed upstream by default, saying how to trust it', async () => {
    const { server } = await start({ api: upstreamURL });
    const r = await request(server.port, {
      path: '/api/kubernetes/api/v1/namespaces',
      headers: { Host: `localhost:${server.port}` },
    });
    expect(r.status).toBe(502);
    expect(r.body).toMatch(/self.signed|certificate/i);
    expect(r.body).toContain('--insecure-skip-tls-verify');
  });

  it('reaches it with --insecure-skip-tls-verify, and warns', async () => {
    const log: string[] = [];
    const { server } = await start({
      api: upstreamURL,
      insecureSkipTlsVerify: true,
      log: (l) => log.push(l),
    });
    const r = await request(server.port, {
      path: '/api/kubernetes/api/v1/namespaces',
      headers: { Host: `localhost:${server.port}` },
    });
    expect(r.status).toBe(200);
    expect(log.join('\n')).toMatch(/WARNING: --insecure-skip-tls-verify/);
  });
});
