/**
 * HTTP upgrades (WebSockets) at the preview host: refusing one with a plain HTTP answer, checking that a
 * browser's upgrade comes from the host's own page, and relaying an upgrade to an upstream (kubectl proxy)
 * by forwarding the request and then piping the two sockets.
 */
import * as http from 'http';
import * as https from 'https';
import type { Duplex } from 'stream';

/** Answers an upgrade request with an ordinary HTTP response and closes the socket. */
export const rejectUpgrade = (
  socket: Duplex,
  code: number,
  body: string,
  type = 'text/plain; charset=utf-8',
): void => {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const head = [
    `HTTP/1.1 ${code} ${http.STATUS_CODES[code] ?? ''}`,
    `Content-Type: ${type}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    '',
  ].join('\r\n');
  socket.end(head + body);
};

/**
 * WebSockets are not covered by CORS: without this check any page the user visits could open
 * ws://localhost:<port>/api/kubernetes/...?watch=true and read the cluster through kubectl proxy.
 * Clients that send no Origin (curl, Node, tests) are not browsers and are let through.
 */
export const isSameOriginUpgrade = (req: http.IncomingMessage): boolean => {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
};

const headerLines = (rawHeaders: string[]): string => {
  let out = '';
  for (let i = 0; i + 1 < rawHeaders.length; i += 2)
    out += `${rawHeaders[i]}: ${rawHeaders[i + 1]}\r\n`;
  return out;
};

/**
 * Forwards an upgrade request to `target` and, once the upstream switches protocols, relays its 101 and
 * pipes the sockets both ways; a refusal (403, 404, …) is relayed as the HTTP answer it is.
 */
export const proxyUpgrade = (
  req: http.IncomingMessage,
  socket: Duplex,
  head: Buffer,
  target: URL,
  verifyTLS = true,
): void => {
  const mod = target.protocol === 'https:' ? https : http;
  const headers: http.OutgoingHttpHeaders = { ...req.headers, host: target.host };
  delete headers.cookie;
  delete headers.referer;
  // The apiserver's WebSocket handshake wants a parsable Origin; the browser's is the preview host's.
  headers.origin = `${target.protocol}//${target.host}`;
  delete headers['x-csrftoken'];
  const upstream = mod.request(target, { method: 'GET', headers, rejectUnauthorized: verifyTLS });
  let settled = false;
  upstream.on('upgrade', (res, upSocket, upHead) => {
    settled = true;
    if (socket.destroyed) {
      upSocket.destroy();
      return;
    }
    socket.write(
      `HTTP/1.1 101 ${res.statusMessage || 'Switching Protocols'}\r\n${headerLines(res.rawHeaders)}\r\n`,
    );
    if (upHead.length) socket.write(upHead);
    if (head.length) upSocket.write(head);
    const close = () => {
      upSocket.destroy();
      socket.destroy();
    };
    upSocket.on('error', close);
    socket.on('error', close);
    upSocket.on('close', close);
    socket.on('close', close);
    upSocket.pipe(socket);
    socket.pipe(upSocket);
  });
  upstream.on('response', (res) => {
    settled = true;
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () =>
      rejectUpgrade(
        socket,
        res.statusCode ?? 502,
        Buffer.concat(chunks).toString('utf8'),
        String(res.headers['content-type'] ?? 'text/plain; charset=utf-8'),
      ),
    );
  });
  upstream.on('error', (e) => {
    if (!settled)
      rejectUpgrade(socket, 502, `preview host: cannot reach ${target.origin}: ${e.message}`);
  });
  socket.on('error', () => upstream.destroy());
  socket.on('close', () => {
    if (!settled) upstream.destroy();
  });
  upstream.end();
};
