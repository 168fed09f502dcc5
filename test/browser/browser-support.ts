import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { CHROMIUM } from '../chromium.js';

/**
 * What the browser tests share: Debian's Chromium through playwright-core (no browser download), a screenshot of
 * each page checked under test-results/screenshots/, and axe-core run on it, expecting no violations.
 */
const SHOTS = join(process.cwd(), 'test-results', 'screenshots');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const profiles: string[] = [];

beforeAll(() => void mkdirSync(SHOTS, { recursive: true }));
afterAll(() => profiles.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Debian's Chromium with a fresh profile (`--user-data-dir`, given the way playwright-core takes it). */
export async function openBrowser(options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const profile = mkdtempSync(join(tmpdir(), 'browser-test-chromium-'));
  profiles.push(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

/**
 * Serves an emulator on a free port and returns its origin. Given a function, builds the emulator with the
 * origin as its base URL (so links it sends, in emails for instance, point at this server).
 */
export async function serve(e: Emulator | ((baseUrl: string) => Promise<Emulator>)): Promise<{ origin: string; server: Server; emulator: Emulator }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  const emulator = typeof e === 'function' ? await e(origin) : e;
  server.on('request', emulator.app);
  return { origin, server, emulator };
}

/**
 * Screenshot + axe-core: the page must have no accessibility violations. axe-core needs JavaScript: for a
 * page shown with JavaScript off, its HTML is checked in `axePage` (JavaScript on, same origin, same CSS).
 */
export async function check(page: Page, name: string, axePage: Page = page): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  if (axePage !== page) {
    const origin = new URL(page.url()).origin;
    if (!axePage.url().startsWith(origin)) await axePage.goto(`${origin}/_emulator/health`);
    await axePage.setContent(await page.content(), { waitUntil: 'load' });
  }
  await axePage.evaluate(AXE);
  const violations = await axePage.evaluate(async () => {
    const result = await (globalThis as unknown as { axe: { run: (ctx: unknown) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe.run((globalThis as unknown as { document: unknown }).document);
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  });
  expect(violations, `axe-core on ${name}`).toEqual([]);
}

