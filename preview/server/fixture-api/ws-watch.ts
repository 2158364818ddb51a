/**
 * The fixture API's watches over WebSocket, as the apiserver serves `?watch=true` to an upgrade request
 * (what the console's k8sWatch opens): each watch event is one text message holding its JSON. A request
 * the API refuses (unknown resource, --forbid, not a watch) gets its Status as an HTTP answer instead of
 * the upgrade, as the apiserver answers before switching protocols.
 */
import type { IncomingMessage } from 'http';
import type { Duplex } from 'stream';
import { WebSocketServer } from 'ws';
import { rejectUpgrade } from '../upgrade';
import type { FixtureApi } from './api';
import { ApiError, badRequest } from './status';

export class FixtureWatchSockets {
  // No compression: watch events are small and the apiserver offers none either.
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

  constructor(private readonly api: FixtureApi) {}

  /** Open watch sockets, for tests and diagnostics. */
  get openSockets(): number {
    return this.wss.clients.size;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, pathAndQuery: string): void {
    let watch;
    try {
      const url = new URL(pathAndQuery, 'http://fixture.invalid');
      watch = this.api.route('GET', url).watch;
      if (!watch) throw badRequest('a WebSocket request needs watch=true');
    } catch (e) {
      const err =
        e instanceof ApiError
          ? e
          : new ApiError(500, 'InternalError', `Internal error occurred: ${(e as Error).message}`);
      rejectUpgrade(socket, err.code, JSON.stringify(err.toStatus()), 'application/json');
      return;
    }
    const w = watch;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const stop = this.api.watch(
        w,
        (ev) => ws.send(JSON.stringify(ev)),
        () => ws.close(1000),
      );
      ws.on('close', stop);
      ws.on('error', stop);
    });
  }
}
