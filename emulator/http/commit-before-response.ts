import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { GroupCommits } from '../store/sqlite-commits.js';

type Commits = Pick<GroupCommits, 'flush' | 'afterCommit'>;

/**
 * Nothing is acknowledged before it is durable. With a store that commits writes in groups (store/sqlite-commits.ts),
 * a response's `end` waits for the commit of everything written so far (the end of the turn, so every request
 * answered in one turn shares one commit); a response that starts its body early (`write`, `flushHeaders`) commits at
 * once instead. Node sends nothing before the first `write` or `end`, so `writeHead` needs no wait. A failed commit
 * sends nothing: the connection is closed, as if the process had died before answering.
 */
export function commitBeforeResponse(listener: RequestListener, commits: Commits): RequestListener {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const { write, end, flushHeaders, writeHead } = res;
    // Once a response has ended it stays as it was ended: while it waits for the commit, a later writeHead or end (an
    // error handler that saw no headers sent yet) must not change it. Node's own writeHead, as it sends, goes through.
    let ended = false;
    let waiting = false;
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      if (waiting) return this;
      return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse['writeHead'];
    res.flushHeaders = function (this: ServerResponse) {
      commits.flush();
      flushHeaders.call(this);
    };
    res.write = function (this: ServerResponse, ...args: unknown[]) {
      commits.flush();
      return (write as (...a: unknown[]) => boolean).apply(this, args);
    } as ServerResponse['write'];
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      if (ended) return this;
      ended = waiting = true;
      commits.afterCommit(
        () => {
          waiting = false;
          (end as (...a: unknown[]) => ServerResponse).apply(this, args);
        },
        () => this.destroy(),
      );
      return this;
    } as ServerResponse['end'];
    listener(req, res);
  };
}
