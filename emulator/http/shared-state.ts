import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { BuiltEmulator } from '../build-emulator.js';
import { STORE_DOWN_BODY } from '../errors/store-down.js';
import type { EmulatorState } from '../store/state.js';

/**
 * With state other processes share (Redis): before a request, the meta is read again and the root's clock takes
 * where another process moved it (a tenant's is resynced by the tenant host); a response waits for every meta write
 * (a clock moved, a reset) to be acknowledged. Redis out of reach: HMRC's 503 `SERVER_ERROR`, and the next request
 * tries again. Without shared state the listener is returned as it is.
 */
export function sharedState(state: EmulatorState, root: BuiltEmulator, listener: RequestListener): RequestListener {
  const { refresh, settled } = state;
  if (!refresh) return listener;
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (settled) holdEndUntilSettled(res, settled);
    refresh().then(
      () => {
        root.resyncClock();
        listener(req, res);
      },
      () => {
        if (!res.headersSent) res.writeHead(503, { 'Content-Type': 'application/json' }).end(STORE_DOWN_BODY);
      },
    );
  };
}

function holdEndUntilSettled(res: ServerResponse, settled: () => Promise<void> | undefined): void {
  const { end } = res;
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    const pending = settled();
    if (!pending || this.headersSent) return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
    pending.then(
      () => (end as (...a: unknown[]) => ServerResponse).apply(this, args),
      () => {
        const body = STORE_DOWN_BODY;
        this.statusCode = 503;
        this.setHeader('Content-Type', 'application/json');
        this.setHeader('Content-Length', Buffer.byteLength(body));
        (end as (...a: unknown[]) => ServerResponse).call(this, body);
      },
    );
    return this;
  } as ServerResponse['end'];
}
