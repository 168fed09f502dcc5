import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrng } from '../../emulator/accounts/identifiers/prng.js';
import { freePort, kill, startEmulator, type EmulatorProcess } from '../durability/emulator-process.js';
import { CLOCK_START, DurabilityLoad } from '../durability/load.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';

const SEED = process.env.DURABILITY_SEED ?? 'redis-sigkill-1';
const KILLS = 3;

describe('emulators on one Redis, killed with SIGKILL, and Redis itself killed', () => {
  const running: EmulatorProcess[] = [];
  let redis: RedisServer | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'redis-durability-'));
  afterAll(async () => {
    for (const e of running) await kill(e);
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`loses nothing acknowledged: another process carries on where the killed one stopped (seed ${SEED})`, async () => {
    redis = await startRedisServer();
    const prng = createPrng(SEED);
    const config = join(dir, 'sandbox.json');
    writeFileSync(config, JSON.stringify({ clock: { frozen: true, start: new Date(CLOCK_START).toISOString() }, throttle: { requestsPerSecond: 100_000 } }));
    const ports = [await freePort(), await freePort()];
    const args = (port: number) => ['--port', String(port), '--store', redis!.url, '--config', config, '--seed', SEED];
    running.push(await startEmulator(args(ports[0]!)), await startEmulator(args(ports[1]!)));
    const load = new DurabilityLoad(`http://localhost:${ports[0]}`, prng);
    const failures: string[] = [];
    const check = (ok: boolean, what: string): void => void (ok || failures.push(what));

    for (let round = 1; round <= KILLS; round++) {
      const victim = (round - 1) % 2;
      const survivor = 1 - victim;
      load.base = `http://localhost:${ports[victim]}`;
      const loadMs = prng.int(300, 1200);
      const done = load.run(3);
      await new Promise((resolve) => setTimeout(resolve, loadMs));
      load.stop();
      await kill(running[victim]!);
      await done;
      if (round === KILLS) {
        // Redis killed too: what it acknowledged was in its append-only file (appendfsync always).
        await redis.kill();
        await redis.restart();
      }
      load.base = `http://localhost:${ports[survivor]}`;
      await waitForHealth(load.base);
      await fetch(`${load.base}/_emulator/journeys/presets`, { method: 'DELETE' });
      await load.verify(check);
      expect(failures, `round ${round} (process ${victim} killed after ${loadMs} ms of load), seed ${SEED}`).toEqual([]);
      running[victim] = await startEmulator(args(ports[victim]!));
      expect(running[victim]!.stdout).toContain('carried on from the last run');
    }
    // Which spent codes and rotated refresh tokens are replayed is drawn at random: at least one of them was.
    const { codeReplays, refreshReplays, ...always } = load.checked;
    for (const [kind, count] of Object.entries(always)) expect(count, `${kind} checked`).toBeGreaterThan(0);
    expect(codeReplays + refreshReplays, 'replays checked').toBeGreaterThan(0);
  }, 180_000);
});

/** The emulator answers again once it reaches Redis (it reconnects by itself). */
async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const res = await fetch(`${base}/_emulator/clock`).catch(() => undefined);
    if (res?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${base} did not recover`);
}
