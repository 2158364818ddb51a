/**
 * What keeps the preview host from being a hole into the cluster it fronts. With `--api` every request is
 * forwarded with the user's kubeconfig identity, so:
 * - the `Host` header must name the address the host listens on (localhost, 127.0.0.1, [::1] with its
 *   port; `--accept-hosts` widens it, as `kubectl proxy` does): a page whose own name resolves to
 *   127.0.0.1 (DNS rebinding) sends its own name and is refused;
 * - a request that changes state must come from the host's own page: a foreign `Origin` is refused, and
 *   the request must carry the `X-CSRFToken` header the host page sends (the token is in the
 *   `csrf-token` cookie the page is served with; another origin can neither read it nor set the header
 *   without a CORS preflight, which the host never grants). This is the console backend's scheme.
 *
 * Clients that are not browsers (curl, Node tests) send no `Origin`; against the fixture API they need
 * no token, against a real cluster (`--api`) they do.
 */
import { randomBytes, timingSafeEqual } from 'crypto';
import type { IncomingMessage } from 'http';

export const CSRF_COOKIE = 'csrf-token';
export const CSRF_HEADER = 'x-csrftoken';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface GuardOptions {
  /** The port the host listens on (Host must carry it). */
  port: number;
  /** The address it listens on (`--host`); loopback names are always accepted. */
  listenHost?: string;
  /** Extra hostnames, as `kubectl proxy --accept-hosts` regular expressions (matched on the hostname). */
  acceptHosts?: string[];
  /** Whether state-changing requests without Origin (non-browsers) need the token too (`--api`). */
  tokenAlways: boolean;
  token?: string;
}

export interface Refusal {
  code: number;
  message: string;
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** `Host: name:port` → `{hostname, port}`, IPv6 brackets kept; undefined when it does not parse. */
export const parseHostHeader = (
  host: string | undefined,
): { hostname: string; port: string } | undefined => {
  if (!host) return undefined;
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+)(?::(\d+))?$/.exec(host.trim());
  if (!m) return undefined;
  return { hostname: m[1].toLowerCase(), port: m[2] ?? '80' };
};

export class RequestGuard {
  readonly token: string;
  private readonly names: string[];
  private readonly patterns: RegExp[];

  constructor(private readonly opts: GuardOptions) {
    this.token = opts.token ?? randomBytes(32).toString('base64url');
    const listen = opts.listenHost;
    const listenName =
      listen && listen.includes(':') && !listen.startsWith('[') ? `[${listen}]` : listen;
    this.names = [
      ...LOOPBACK,
      ...(listenName && !['0.0.0.0', '[::]'].includes(listenName)
        ? [listenName.toLowerCase()]
        : []),
    ];
    this.patterns = (opts.acceptHosts ?? []).map((p) => new RegExp(p));
  }

  /** The Host check, for every request and WebSocket upgrade. */
  checkHost(req: IncomingMessage): Refusal | undefined {
    const h = parseHostHeader(req.headers.host);
    const ok =
      !!h &&
      h.port === String(this.opts.port) &&
      (this.names.includes(h.hostname) || this.patterns.some((re) => re.test(h.hostname)));
    return ok
      ? undefined
      : {
          code: 403,
          message: `preview host: refused a request for Host ${JSON.stringify(req.headers.host ?? '')}: only ${this.names
            .map((n) => `${n}:${this.opts.port}`)
            .join(
              ', ',
            )}${this.patterns.length ? ' and --accept-hosts' : ''} are served (DNS rebinding protection)`,
        };
  }

  /** Whether an Origin names this host (scheme http, an accepted hostname, our port). */
  isOwnOrigin(origin: string): boolean {
    try {
      const u = new URL(origin);
      if (u.protocol !== 'http:') return false;
      const h = parseHostHeader(u.host);
      return (
        !!h &&
        h.port === String(this.opts.port) &&
        (this.names.includes(h.hostname) || this.patterns.some((re) => re.test(h.hostname)))
      );
    } catch {
      return false;
    }
  }

  /** Origin and CSRF token for requests that change state. */
  checkStateChange(req: IncomingMessage): Refusal | undefined {
    const method = (req.method ?? 'GET').toUpperCase();
    if (SAFE_METHODS.has(method)) return undefined;
    const origin = req.headers.origin;
    if (origin !== undefined && !this.isOwnOrigin(origin))
      return {
        code: 403,
        message: `preview host: refused a ${method} from another origin (${origin})`,
      };
    if (origin === undefined && !this.opts.tokenAlways) return undefined;
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !this.tokenMatches(sent))
      return {
        code: 403,
        message: `preview host: refused a ${method} without the CSRF token header (X-CSRFToken from the csrf-token cookie)`,
      };
    return undefined;
  }

  private tokenMatches(sent: string): boolean {
    const a = Buffer.from(sent);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** The cookie the host page is served with (readable by its scripts, never sent cross-site). */
  cookie(): string {
    return `${CSRF_COOKIE}=${this.token}; Path=/; SameSite=Strict`;
  }
}
