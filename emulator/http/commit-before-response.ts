import type { IncomingMessage, OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';
import type { GroupCommits } from '../store/sqlite-commits.js';

type Commits = Pick<GroupCommits, 'flush' | 'afterCommit'>;

/** A response as it was ended: what it sends, whatever a late error handler sets meanwhile. */
interface Ended {
  statusCode: number;
  statusMessage: string;
  headers: OutgoingHttpHeaders;
}

/**
 * Nothing is acknowledged before it is durable. With a store that commits writes in groups (store/sqlite-commits.ts),
 * a response's `end` waits for the commit of everything written so far (the end of the turn, so every request
 * answered in one turn shares one commit); a response that starts its body early (`write`, `flushHeaders`) commits at
 * once instead. Node sends nothing before the first `write` or `end`, so `writeHead` needs no wait. A failed commit
 * sends nothing: the connection is closed, as if the process had died before answering.
 *
 * While it waits, an ended response stays as it was ended: a later `end` or `writeHead` is ignored, and status and
 * headers set meanwhile (an error handler that saw no headers sent) are put back as they were.
 */
export function commitBeforeResponse(listener: RequestListener, commits: Commits): RequestListener {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const { write, end, flushHeaders, writeHead } = res;
    let ended = false;
    let waiting = false;
    /** Commits now; false (and the connection closed) if the commit failed. */
    const committed = (): boolean => {
      try {
        commits.flush();
        return true;
      } catch {
        res.destroy();
        return false;
      }
    };
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      if (waiting) return this;
      return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse['writeHead'];
    res.flushHeaders = function (this: ServerResponse) {
      if (committed()) flushHeaders.call(this);
    };
    res.write = function (this: ServerResponse, ...args: unknown[]) {
      if (!committed()) return false;
      return (write as (...a: unknown[]) => boolean).apply(this, args);
    } as ServerResponse['write'];
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      if (ended) return this;
      ended = waiting = true;
      let snapshot: Ended | undefined;
      commits.afterCommit(
        () => {
          waiting = false;
          try {
            if (snapshot) restore(this, snapshot);
            (end as (...a: unknown[]) => ServerResponse).apply(this, args);
          } catch {
            this.destroy();
          }
        },
        () => this.destroy(),
      );
      // Still waiting (the commit is at the end of the turn): remember the response as it is now.
      if (waiting && !this.headersSent) snapshot = { statusCode: this.statusCode, statusMessage: this.statusMessage, headers: this.getHeaders() };
      return this;
    } as ServerResponse['end'];
    listener(req, res);
  };
}

function restore(res: ServerResponse, ended: Ended): void {
  if (res.headersSent) return;
  res.statusCode = ended.statusCode;
  res.statusMessage = ended.statusMessage;
  for (const name of res.getHeaderNames()) if (!(name in ended.headers)) res.removeHeader(name);
  for (const [name, value] of Object.entries(ended.headers)) if (value !== undefined) res.setHeader(name, value);
}
