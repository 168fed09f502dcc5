import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type BodyCapture, captureBody } from './body-capture.js';

const servers: Array<{ close: () => void }> = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** Serves one request with `respond`: what was captured, what the client got, and how many write callbacks ran. */
async function serve(respond: (res: ServerResponse, tick: () => void) => void): Promise<{ captured: string; received: string; callbacks: number }> {
  let capture: BodyCapture | undefined;
  let callbacks = 0;
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const handler = (_req: IncomingMessage, res: ServerResponse): void => {
    capture = captureBody(res);
    res.on('finish', finished);
    respond(res, () => callbacks++);
  };
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const received = await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).text();
  await done;
  await new Promise((resolve) => setImmediate(resolve));
  return { captured: capture!.text(), received, callbacks };
}

describe('captureBody', () => {
  it('keeps a body sent in one end(), as sent', async () => {
    const out = await serve((res) => res.end('{"access_token":"x"}'));
    expect(out).toMatchObject({ captured: '{"access_token":"x"}', received: '{"access_token":"x"}' });
  });

  it('keeps strings and buffers written in pieces, with every encoding and callback form node accepts', async () => {
    const out = await serve((res, tick) => {
      res.write('a');
      res.write(Buffer.from('b'), tick);
      res.write('c', 'utf8', tick);
      res.end('£', 'utf8', tick);
    });
    expect(out.captured).toBe('abc£');
    expect(out.received).toBe('abc£');
    expect(out.callbacks).toBe(3);
  });

  it('keeps nothing for an empty response, and end(callback) still calls back', async () => {
    const out = await serve((res, tick) => res.end(tick));
    expect(out).toMatchObject({ captured: '', received: '', callbacks: 1 });
  });

  it('stops keeping a body past 64 KB and still sends all of it', async () => {
    const piece = 'x'.repeat(16 * 1024);
    const out = await serve((res) => {
      for (let i = 0; i < 8; i++) res.write(piece);
      res.end();
    });
    expect(out.received).toHaveLength(8 * piece.length);
    expect(out.captured.length).toBeGreaterThan(64 * 1024);
    expect(out.captured.length).toBeLessThan(8 * piece.length);
  });
});
