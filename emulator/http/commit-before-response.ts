import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/**
 * Nothing is acknowledged before it is durable: with a store that commits writes in groups
 * (store/sqlite-commits.ts), each response first has `flush()` commit whatever is pending, as it writes its status
 * line (`writeHead`, which node calls itself before a first `write` or `end`) and again as it writes a body.
 */
export function commitBeforeResponse(listener: RequestListener, flush: () => void): RequestListener {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const { writeHead, write, end } = res;
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      flush();
      return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse['writeHead'];
    res.write = function (this: ServerResponse, ...args: unknown[]) {
      flush();
      return (write as (...a: unknown[]) => boolean).apply(this, args);
    } as ServerResponse['write'];
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      flush();
      return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse['end'];
    listener(req, res);
  };
}
