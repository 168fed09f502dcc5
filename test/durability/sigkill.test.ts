import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrng } from '../../emulator/accounts/identifiers/prng.js';
import { freePort, kill, startEmulator, type EmulatorProcess } from './emulator-process.js';
import { CLOCK_START, DurabilityLoad } from './load.js';

/** Change it (DURABILITY_SEED=…) to try other kill points; a failure names the seed it ran with. */
const SEED = process.env.DURABILITY_SEED ?? 'sigkill-1';
const KILLS = 4;
const WORKERS = 3;

describe('a durable emulator killed with SIGKILL', () => {
  let running: EmulatorProcess | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'durability-'));
  afterAll(async () => {
    if (running) await kill(running);
    rmSync(dir, { recursive: true, force: true });
  });

  it(`loses nothing it acknowledged, at ${KILLS} random kill points (seed ${SEED})`, async () => {
    const prng = createPrng(SEED);
    const config = join(dir, 'sandbox.json');
    // A frozen clock, so where it stands after a restart is exact; no throttling, so the load is never refused.
    writeFileSync(config, JSON.stringify({ clock: { frozen: true, start: new Date(CLOCK_START).toISOString() }, throttle: { requestsPerSecond: 100_000 } }));
    const port = await freePort();
    const args = ['--port', String(port), '--data-dir', join(dir, 'data'), '--config', config, '--seed', SEED];
    const load = new DurabilityLoad(`http://localhost:${port}`, prng);
    const failures: string[] = [];
    const check = (ok: boolean, what: string): void => void (ok || failures.push(what));

    running = await startEmulator(args);
    expect(running.stdout).not.toContain('carried on from the last run');
    for (let round = 1; round <= KILLS; round++) {
      const loadMs = prng.int(300, 1500);
      const done = load.run(WORKERS);
      await new Promise((resolve) => setTimeout(resolve, loadMs));
      load.stop();
      await kill(running);
      running = undefined;
      await done;

      running = await startEmulator(args);
      expect(running.stdout).toContain('carried on from the last run');
      await fetch(`http://localhost:${port}/_emulator/journeys/presets`, { method: 'DELETE' });
      await load.verify(check);
      expect(failures, `round ${round} (killed after ${loadMs} ms of load), seed ${SEED}`).toEqual([]);
    }
    // Every kind of write was acknowledged, and checked after a restart.
    expect(load.checked).toEqual({
      apps: expect.any(Number),
      users: expect.any(Number),
      codes: expect.any(Number),
      codeReplays: expect.any(Number),
      chains: expect.any(Number),
      refreshReplays: expect.any(Number),
      vatReturns: expect.any(Number),
      clocks: KILLS,
    });
    for (const [kind, count] of Object.entries(load.checked)) expect(count, `${kind} checked after restarts`).toBeGreaterThan(0);
    expect(load.clock.acknowledged).toBeGreaterThan(0);
  }, 120_000);
});
