import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { groupCommits } from '../store/sqlite-commits.js';
import { commitBeforeResponse } from './commit-before-response.js';

/** A server over `listener`; `get` fetches a path from it: `<status> <body>`. */
async function serve(listener: RequestListener): Promise<{ base: string; get: (path: string) => Promise<string>; close: () => void }> {
  const server = createServer(listener).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    get: async (path) => {
      const res = await fetch(`${base}${path}`);
      return `${res.status} ${await res.text()}`;
    },
    close: () => server.close(),
  };
}

describe('commit before response', () => {
  let db: Database.Database | undefined;
  let close: (() => void) | undefined;
  afterEach(() => {
    close?.();
    db?.close();
  });

  it('sends a response only once what its request wrote is committed, however the response is written', async () => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE t (x)');
    const real = groupCommits(db);
    const events: string[] = [];
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    const commits = {
      flush: () => {
        events.push(`flush (in a transaction: ${db!.inTransaction})`);
        real.flush();
      },
      afterCommit: (done: () => void, failed: (err: unknown) => void) =>
        real.afterCommit(() => {
          events.push(`sent (in a transaction: ${db!.inTransaction})`);
          done();
        }, failed),
    };
    const server = await serve(
      commitBeforeResponse((req, res) => {
        real.writing();
        insert.run(req.url);
        if (req.url === '/streamed') {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.write('part ');
          real.writing();
          insert.run('more');
          res.end('done');
        } else {
          res.statusCode = 201;
          res.end('created');
          res.end('a second end changes nothing');
          res.writeHead(500);
        }
      }, commits),
    );
    close = server.close;
    expect(await server.get('/created')).toBe('201 created');
    expect(events.splice(0)).toEqual(['sent (in a transaction: false)']);
    expect(await server.get('/streamed')).toBe('200 part done');
    // The first write commits at once; the end waits for the commit of the write after it.
    expect(events).toEqual(['flush (in a transaction: true)', 'sent (in a transaction: false)']);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(3);
  });

  it('closes the connection without an answer when the commit fails', async () => {
    const server = await serve(
      commitBeforeResponse((_req, res) => void res.end('acknowledged'), {
        flush: () => undefined,
        afterCommit: (_done, failed) => failed(new Error('disk full')),
      }),
    );
    close = server.close;
    await expect(server.get('/')).rejects.toThrow();
  });

  it('sends an ended response as it was ended, whatever is set on it while it waits for the commit', async () => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE t (x)');
    const commits = groupCommits(db);
    const server = await serve(
      commitBeforeResponse((_req, res) => {
        commits.writing();
        db!.prepare('INSERT INTO t VALUES (1)').run();
        res.setHeader('content-type', 'text/plain');
        res.end('ended');
        // A late error handler that saw no headers sent yet:
        res.statusCode = 500;
        res.setHeader('content-type', 'application/json');
        res.setHeader('x-late', 'yes');
        res.end('{"error":"late"}');
      }, commits),
    );
    close = server.close;
    const res = await fetch(`${server.base}/`);
    expect([res.status, await res.text()]).toEqual([200, 'ended']);
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(res.headers.has('x-late')).toBe(false);
  });

  it('answers the other responses of a turn when one of them cannot be sent, and closes the one that cannot', async () => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE t (x)');
    const commits = groupCommits(db);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const server = await serve(
      commitBeforeResponse((req, res) => {
        commits.writing();
        db!.prepare('INSERT INTO t VALUES (?)').run(req.url);
        if (req.url === '/bad') res.statusCode = 1000; // node refuses it as the response is sent
        res.end('done');
      }, commits),
    );
    close = server.close;
    const [bad, good] = await Promise.allSettled([fetch(`${server.base}/bad`), fetch(`${server.base}/good`).then((r) => r.text())]);
    expect(bad.status).toBe('rejected');
    expect(good).toEqual({ status: 'fulfilled', value: 'done' });
    errors.mockRestore();
  });

  it('closes the connection of a response whose early body write cannot be committed', async () => {
    const server = await serve(
      commitBeforeResponse((_req, res) => {
        res.write('part');
        res.end();
      }, {
        flush: () => {
          throw new Error('disk full');
        },
        afterCommit: (done) => done(),
      }),
    );
    close = server.close;
    await expect(fetch(`${server.base}/`).then((r) => r.text())).rejects.toThrow();
  });
});
