import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startRedisServer } from './redis-server.js';

describe('the test Redis', () => {
  it('fails with what to install, rather than skipping, when redis-server is missing', async () => {
    await expect(startRedisServer({ binary: '/nonexistent/redis-server' })).rejects.toThrow(
      "/nonexistent/redis-server is missing: install Debian's redis-server (apt-get install redis-server), as .ci/run does",
    );
  });

  it('deletes its directory when stopped', async () => {
    const server = await startRedisServer();
    expect(existsSync(server.dir)).toBe(true);
    await server.stop();
    expect(existsSync(server.dir)).toBe(false);
  });
});
