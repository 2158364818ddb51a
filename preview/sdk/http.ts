/* eslint-disable @typescript-eslint/no-explicit-any -- plugin-facing data is untyped, as in the console SDK */
/**
 * consoleFetch and friends, as the console's coFetch behaves for plugins: same-origin requests, a timeout,
 * and failures thrown as an HttpError carrying `code`, `response` and the parsed `json` (a Kubernetes Status
 * for API errors) with the Status message as the error message.
 */
export class HttpError extends Error {
  constructor(
    message: string,
    readonly code?: number,
    readonly response?: Response,
    readonly json?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export class TimeoutError extends Error {
  constructor(
    readonly url: string,
    readonly ms: number,
  ) {
    super(`Call to ${url} timed out after ${ms}ms.`);
    this.name = 'TimeoutError';
  }
}

const validateStatus = async (response: Response): Promise<Response> => {
  if (response.ok) return response;
  let json: unknown;
  let text = '';
  try {
    text = await response.clone().text();
    json = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  const message =
    (json as { message?: string } | undefined)?.message ||
    (json as { error?: string } | undefined)?.error ||
    text ||
    response.statusText ||
    `HTTP ${response.status}`;
  throw new HttpError(message, response.status, response, json);
};

/** The `csrf-token` cookie the host page is served with (the console backend's double-submit token). */
export const getCSRFToken = (): string | undefined =>
  typeof document === 'undefined'
    ? undefined
    : document.cookie
        .split(';')
        .map((c) => c.trim())
        .find((c) => c.startsWith('csrf-token='))
        ?.slice('csrf-token='.length);

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/** As the console's coFetch: every request that changes state carries `X-CSRFToken`. */
const withCSRF = (options: RequestInit): RequestInit => {
  const method = (options.method ?? 'GET').toUpperCase();
  const token = getCSRFToken();
  if (SAFE_METHODS.includes(method) || !token) return options;
  const headers = new Headers(options.headers);
  headers.set('X-CSRFToken', token);
  return { ...options, headers };
};

export const consoleFetch = async (
  url: string,
  options: RequestInit = {},
  timeout = 60000,
): Promise<Response> => {
  const controller = new AbortController();
  const upstream = options.signal;
  const forwardAbort = () => controller.abort();
  if (upstream) {
    if (upstream.aborted) controller.abort();
    else upstream.addEventListener('abort', forwardAbort, { once: true });
  }
  const timer =
    timeout > 0
      ? setTimeout(() => controller.abort(new TimeoutError(url, timeout)), timeout)
      : undefined;
  try {
    const response = await fetch(url, {
      credentials: 'same-origin',
      ...withCSRF(options),
      signal: controller.signal,
    });
    return await validateStatus(response);
  } catch (e) {
    if (controller.signal.aborted && controller.signal.reason instanceof TimeoutError)
      throw controller.signal.reason;
    throw e;
  } finally {
    if (timer) clearTimeout(timer);
    // A long-lived caller signal must not collect one listener per request.
    upstream?.removeEventListener('abort', forwardAbort);
  }
};

const fetchJSON = async (
  url: string,
  method = 'GET',
  options: RequestInit = {},
  timeout?: number,
): Promise<any> => {
  const headers = { Accept: 'application/json', ...(options.headers as Record<string, string>) };
  const response = await consoleFetch(url, { ...options, method, headers }, timeout);
  const text = await response.text();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const sendJSON =
  (method: string) =>
  (url: string, json: unknown, options: RequestInit = {}, timeout?: number) => {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Content-Type': `application/${method === 'PATCH' ? 'json-patch+' : ''}json`,
      ...(options.headers as Record<string, string>),
    };
    return fetchJSON(
      url,
      method,
      { ...options, headers, body: json === undefined ? undefined : JSON.stringify(json) },
      timeout,
    );
  };

export const consoleFetchJSON = Object.assign(fetchJSON, {
  delete: (url: string, json: unknown = null, options: RequestInit = {}, timeout?: number) =>
    json
      ? sendJSON('DELETE')(url, json, options, timeout)
      : fetchJSON(url, 'DELETE', options, timeout),
  post: sendJSON('POST'),
  put: sendJSON('PUT'),
  patch: sendJSON('PATCH'),
});

export const consoleFetchText = async (
  url: string,
  options: RequestInit = {},
  timeout?: number,
): Promise<string> => {
  const response = await consoleFetch(url, options, timeout);
  return response.text();
};
