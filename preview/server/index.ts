/**
 * The preview host's HTTP server (Node http, no framework): the host page and bundle, PatternFly CSS, each
 * plugin's dist at `/api/plugins/<name>/` (from a directory, or proxied from an origin), the console's i18n
 * endpoint, and the Kubernetes API at `/api/kubernetes/` (the fixture API server, or proxied to `--api`),
 * including watches over WebSocket (`ws://<host>/api/kubernetes/...?watch=true`), as the console opens them:
 * a browser holds only 6 HTTP/1.1 connections per origin, and streamed HTTP watches would take them all.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as path from 'path';
import type { AddressInfo } from 'net';
import type { Duplex } from 'stream';
import { FixtureApi } from './fixture-api/api';
import { FixtureWatchSockets } from './fixture-api/ws-watch';
import { CSRF_HEADER, RequestGuard } from './guard';
import { isSameOriginUpgrade, proxyUpgrade, rejectUpgrade } from './upgrade';

export interface PluginSource {
  name: string;
  /** A local dist directory… */
  dir?: string;
  /** …or an origin serving it (e.g. the plugin's nginx on https://127.0.0.1:9443/); TLS is not verified. */
  url?: string;
}

export interface PreviewServerOptions {
  port: number;
  host?: string;
  plugins: PluginSource[];
  hostBuildDir: string;
  /** Base URL of a Kubernetes API (kubectl proxy); when absent the fixture API answers. */
  api?: string;
  fixtureApi?: FixtureApi;
  releaseVersion?: string;
  patternflyDir?: string;
  /** Hostnames (regular expressions) accepted in `Host` besides the loopback names, as `kubectl proxy`. */
  acceptHosts?: string[];
  /** Do not verify the TLS certificate of an https `api` (`--insecure-skip-tls-verify`). */
  insecureSkipTlsVerify?: boolean;
  /** What the page's SERVER_FLAGS carry besides the defaults (console mode, user…). */
  extraFlags?: Record<string, unknown>;
  log?: (line: string) => void;
}

export interface PreviewServer {
  url: string;
  port: number;
  server: http.Server;
  close: () => Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript',
  '.mjs': 'application/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.map': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentTypeOf = (file: string): string =>
  CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

const send = (
  res: http.ServerResponse,
  code: number,
  body: string,
  type = 'text/plain; charset=utf-8',
) => {
  res.writeHead(code, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
};

/**
 * A script whose name carries a content hash never changes: the chart's nginx (and so the console's
 * plugin proxy, which passes the plugin server's headers on) lets browsers cache it for a year.
 */
const HASHED_ASSET = /[.-][0-9a-f]{8,}\.min\.js$/;

/** Serves a file below `root`; refuses paths that escape it. */
const serveFile = (res: http.ServerResponse, root: string, rel: string, method: string): void => {
  const file = path.resolve(root, `.${path.posix.normalize(`/${rel}`)}`);
  if (!file.startsWith(path.resolve(root) + path.sep)) return send(res, 403, 'forbidden');
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) return send(res, 404, `not found: ${rel}`);
    res.writeHead(200, {
      'Content-Type': contentTypeOf(file),
      'Content-Length': st.size,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': HASHED_ASSET.test(rel) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  });
};

/**
 * Streams a request to `target` (watch responses stay open and are relayed chunk by chunk). `verifyTLS`
 * is on for the Kubernetes API; plugin origins (`--plugin-url`, e.g. the chart's self-signed nginx) are
 * fetched without verification.
 */
const proxy = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  target: URL,
  verifyTLS: boolean,
): void => {
  const mod = target.protocol === 'https:' ? https : http;
  const headers: http.OutgoingHttpHeaders = { ...req.headers, host: target.host };
  delete headers.origin;
  delete headers.referer;
  delete headers.cookie;
  delete headers[CSRF_HEADER];
  const upstream = mod.request(
    target,
    { method: req.method, headers, rejectUnauthorized: verifyTLS },
    (up) => {
      const h = { ...up.headers };
      if (req.url?.startsWith('/api/plugins/')) h['x-content-type-options'] = 'nosniff';
      res.writeHead(up.statusCode ?? 502, h);
      up.pipe(res);
    },
  );
  upstream.on('error', (e) => {
    if (!res.headersSent)
      send(
        res,
        502,
        `preview host: cannot reach ${target.origin}: ${e.message}${/certificate|self.signed|CERT/i.test(e.message) ? ' (the TLS certificate was not verified: pass its CA in NODE_EXTRA_CA_CERTS, or --insecure-skip-tls-verify)' : ''}`,
      );
    else res.end();
  });
  // The response closes when the client goes away (or the reply ends); the request's own 'close'
  // fires as soon as its body is read, which would cut every proxied GET short.
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
};

const joinURL = (base: string, rest: string): URL => {
  const b = new URL(base);
  const [p, q] = rest.split('?');
  b.pathname = `${b.pathname.replace(/\/$/, '')}/${p.replace(/^\//, '')}`;
  b.search = q ? `?${q}` : '';
  return b;
};

const indexHtml = (opts: PreviewServerOptions): string => {
  const flags = {
    basePath: '/',
    releaseVersion: opts.releaseVersion ?? '4.21.0',
    consolePlugins: opts.plugins.map((p) => p.name),
    i18nNamespaces: opts.plugins.map((p) => `plugin__${p.name}`),
    preview: true,
    ...(opts.extraFlags ?? {}),
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Red Hat OpenShift (preview host)</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/patternfly/patternfly.css">
<link rel="stylesheet" href="/static/patternfly/patternfly-addons.css">
<link rel="stylesheet" href="/static/host/host.css">
<script>window.SERVER_FLAGS = ${JSON.stringify(flags)};</script>
<script type="module" src="/static/host/host.js"></script>
</head>
<body><div id="app"></div></body>
</html>
`;
};

export const startPreviewServer = (opts: PreviewServerOptions): Promise<PreviewServer> => {
  const log = opts.log ?? (() => undefined);
  const pfDir =
    opts.patternflyDir ?? path.resolve(__dirname, '../../node_modules/@patternfly/patternfly');
  const plugins = new Map(opts.plugins.map((p) => [p.name, p]));
  const html = indexHtml(opts);
  const verifyTLS = !opts.insecureSkipTlsVerify;
  if (opts.api?.startsWith('https:') && !verifyTLS)
    log(
      `WARNING: --insecure-skip-tls-verify: the certificate of ${opts.api} is not checked; anyone on the path can read and change what the preview sends with your identity`,
    );
  // Made once the port is known (port 0 picks one).
  let guard!: RequestGuard;

  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://preview.invalid');
    const method = req.method ?? 'GET';
    const p = url.pathname;
    try {
      const refused = guard.checkHost(req) ?? guard.checkStateChange(req);
      if (refused) {
        log(`${method} ${p}: ${refused.message}`);
        return send(res, refused.code, refused.message);
      }
      if (p.startsWith('/api/kubernetes/') || p === '/api/kubernetes') {
        const rest = p.slice('/api/kubernetes'.length) + url.search;
        if (opts.api) return proxy(req, res, joinURL(opts.api, rest), verifyTLS);
        if (opts.fixtureApi) {
          void opts.fixtureApi.handle(req, res, rest);
          return;
        }
        return send(res, 503, 'preview host: no Kubernetes API configured');
      }
      const pluginMatch = /^\/api\/plugins\/([^/]+)\/(.*)$/.exec(p);
      if (pluginMatch) {
        const plugin = plugins.get(pluginMatch[1]);
        if (!plugin) return send(res, 404, `no plugin named ${pluginMatch[1]}`);
        if (plugin.url)
          return proxy(req, res, joinURL(plugin.url, pluginMatch[2] + url.search), false);
        return serveFile(res, plugin.dir!, decodeURIComponent(pluginMatch[2]), method);
      }
      if (p === '/locales/resource.json') {
        // Bridge strips `plugin__` to find the plugin and proxies to its locales/<lng>/<ns>.json.
        const lng = url.searchParams.get('lng') ?? 'en';
        const ns = url.searchParams.get('ns') ?? '';
        const plugin = ns.startsWith('plugin__')
          ? plugins.get(ns.slice('plugin__'.length))
          : undefined;
        if (!/^[a-zA-Z-]+$/.test(lng)) return send(res, 400, '{}', 'application/json');
        // The console's own namespaces (public, …) are not served by a plugin: empty, as the host has no strings.
        if (!plugin) return send(res, 200, '{}', 'application/json');
        const rel = `locales/${lng}/${ns}.json`;
        if (plugin.url) return proxy(req, res, joinURL(plugin.url, rel), false);
        return serveFile(res, plugin.dir!, rel, method);
      }
      if (p.startsWith('/static/patternfly/'))
        return serveFile(
          res,
          pfDir,
          decodeURIComponent(p.slice('/static/patternfly/'.length)),
          method,
        );
      if (p.startsWith('/static/host/'))
        return serveFile(
          res,
          opts.hostBuildDir,
          decodeURIComponent(p.slice('/static/host/'.length)),
          method,
        );
      if (p === '/favicon.ico') {
        res.writeHead(204);
        res.end();
        return;
      }
      if (method === 'GET' || method === 'HEAD') {
        res.setHeader('Set-Cookie', guard.cookie());
        return send(res, 200, html, 'text/html; charset=utf-8');
      }
      return send(res, 405, 'method not allowed');
    } catch (e) {
      log(`preview host: ${method} ${p} failed: ${(e as Error).stack}`);
      if (!res.headersSent) send(res, 500, (e as Error).message);
    }
  };

  const watchSockets = opts.fixtureApi ? new FixtureWatchSockets(opts.fixtureApi) : undefined;
  const upgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://preview.invalid');
    const p = url.pathname;
    const badHost = guard.checkHost(req);
    if (badHost) return rejectUpgrade(socket, badHost.code, badHost.message);
    if (!p.startsWith('/api/kubernetes/')) return rejectUpgrade(socket, 404, 'no WebSocket here');
    if (!isSameOriginUpgrade(req))
      return rejectUpgrade(socket, 403, 'preview host: WebSocket from another origin refused');
    const rest = p.slice('/api/kubernetes'.length) + url.search;
    if (opts.api) return proxyUpgrade(req, socket, head, joinURL(opts.api, rest), verifyTLS);
    if (watchSockets) return watchSockets.handleUpgrade(req, socket, head, rest);
    rejectUpgrade(socket, 503, 'preview host: no Kubernetes API configured');
  };

  const server = http.createServer(handler);
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      upgrade(req, socket, head);
    } catch (e) {
      log(`preview host: upgrade ${req.url} failed: ${(e as Error).stack}`);
      rejectUpgrade(socket, 500, (e as Error).message);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') {
        reject(
          new Error(
            `Port ${opts.port} is already in use: stop what is listening there or pass --port <another>`,
          ),
        );
      } else reject(e);
    });
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      guard = new RequestGuard({
        port,
        listenHost: opts.host,
        acceptHosts: opts.acceptHosts,
        tokenAlways: !!opts.api,
      });
      const sockets = new Set<import('net').Socket>();
      server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      resolve({
        url: `http://localhost:${port}`,
        port,
        server,
        close: () =>
          new Promise<void>((r) => {
            sockets.forEach((s) => s.destroy());
            server.close(() => r());
          }),
      });
    });
  });
};
