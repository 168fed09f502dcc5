import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { commitBeforeResponse } from './commit-before-response.js';

describe('commit before response', () => {
  it('commits what a request wrote before its status line or body leaves, however the response is written', async () => {
    const events: string[] = [];
    let current: ServerResponse | undefined;
    const flush = (): void => void events.push(`flush (headers sent: ${current?.headersSent})`);
    const listener = commitBeforeResponse((req, res) => {
      current = res;
      events.push(`write to the store for ${req.url}`);
      if (req.url === '/streamed') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        events.push('more writes to the store');
        res.write('part ');
        res.end('done');
      } else {
        res.statusCode = 201;
        res.end('created');
      }
    }, flush);
    const server = createServer(listener).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await (await fetch(`${base}/created`)).text()).toBe('created');
      expect(events.splice(0)).toEqual(['write to the store for /created', 'flush (headers sent: false)', 'flush (headers sent: false)']);
      expect(await (await fetch(`${base}/streamed`)).text()).toBe('part done');
      // writeHead queues the status line (headersSent) and the first write sends it with the body: both flush first.
      expect(events).toEqual([
        'write to the store for /streamed',
        'flush (headers sent: false)',
        'more writes to the store',
        'flush (headers sent: true)',
        'flush (headers sent: true)',
      ]);
    } finally {
      server.close();
    }
  });
});
