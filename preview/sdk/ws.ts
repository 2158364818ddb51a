/* eslint-disable @typescript-eslint/no-explicit-any -- watch events carry untyped objects, as in the console SDK */
/**
 * One Kubernetes watch over a WebSocket, as the console's k8sWatch opens it: `ws(s)://<host><path>?watch=true`
 * on the page's origin, no subprotocol, each message the JSON of one watch event (the apiserver's text
 * framing). WebSockets do not count against the browser's 6 HTTP/1.1 connections per origin, which streamed
 * `fetch` watches would hold for as long as a page is open.
 */

export interface WatchEvent {
  type: string;
  object: any;
}

export interface SocketEnd {
  /** Whether the socket was ever open: a refused or unreachable upgrade never is. */
  opened: boolean;
  /** Whether the caller asked to stop reading (its handler returned 'stop'). */
  stoppedByHandler: boolean;
  /** How many events arrived. */
  events: number;
  code?: number;
}

/** The WebSocket URL of an API path, on the page's own origin. */
export const webSocketURL = (path: string, base = window.location.href): string => {
  const u = new URL(path, base);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString();
};

/** Several events in one message are tolerated (newline-separated), as in the HTTP stream. */
const eventsIn = (text: string): WatchEvent[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => JSON.parse(line) as WatchEvent);

/**
 * Reads the watch at `url` until the server closes it, `onEvent` returns 'stop', or `signal` aborts;
 * resolves with how it ended (it never rejects: a failure is a close that was never `opened`).
 */
export const readWatchSocket = (
  url: string,
  onEvent: (ev: WatchEvent) => 'stop' | void,
  signal: AbortSignal,
): Promise<SocketEnd> =>
  new Promise<SocketEnd>((resolve) => {
    const end: SocketEnd = { opened: false, stoppedByHandler: false, events: 0 };
    if (signal.aborted) {
      resolve(end);
      return;
    }
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    const decoder = new TextDecoder();
    let done = false;
    const finish = (code?: number) => {
      if (done) return;
      done = true;
      signal.removeEventListener('abort', onAbort);
      resolve({ ...end, code });
    };
    const close = () => {
      // Closing a socket that is still connecting makes Chromium log an error: close it once open.
      if (ws.readyState === WebSocket.CONNECTING) ws.onopen = () => ws.close(1000);
      else if (ws.readyState === WebSocket.OPEN) ws.close(1000);
    };
    const onAbort = () => {
      close();
      finish();
    };
    signal.addEventListener('abort', onAbort);
    ws.onopen = () => {
      end.opened = true;
    };
    ws.onmessage = (m: MessageEvent) => {
      if (done) return;
      const text = typeof m.data === 'string' ? m.data : decoder.decode(m.data as ArrayBuffer);
      let events: WatchEvent[];
      try {
        events = eventsIn(text);
      } catch {
        return; // not a watch event: nothing to apply
      }
      for (const ev of events) {
        end.events++;
        if (onEvent(ev) === 'stop') {
          end.stoppedByHandler = true;
          close();
          finish();
          return;
        }
      }
    };
    ws.onclose = (e: CloseEvent) => finish(e.code);
    // An error is always followed by a close, which settles the promise.
    ws.onerror = () => undefined;
  });
