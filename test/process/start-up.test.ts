import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';

/** A free loopback port, found by binding port 0 and letting it go. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

type Poll = 'answered' | 'refused' | 'hung';

/** One health check as a CI wait loop makes it: answered, refused (nothing listening yet), or hung past `timeoutMs`. */
function poll(port: number, timeoutMs: number): Promise<Poll> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/_emulator/health', timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200 ? 'answered' : 'hung'));
    });
    req.on('timeout', () => {
      req.destroy();
      resolve('hung');
    });
    req.on('error', () => resolve('refused'));
  });
}

describe('start-up', () => {
  it('answers every connection it accepts while it starts, as a wait loop polling every few milliseconds sees it', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'serve', '--ephemeral', '--port', String(port)], { stdio: 'ignore' });
    const pending: Array<Promise<Poll>> = [];
    try {
      let answered = 0;
      const deadline = Date.now() + 30_000;
      while (answered < 40 && Date.now() < deadline) {
        const p = poll(port, 4_000);
        pending.push(p);
        void p.then((r) => (answered += r === 'answered' ? 1 : 0));
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
      const results = await Promise.all(pending);
      expect(results.filter((r) => r === 'answered').length).toBeGreaterThanOrEqual(40);
      expect(results.filter((r) => r === 'hung')).toEqual([]);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
