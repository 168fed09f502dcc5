import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, CLIENT_SECRET } from '../support.js';

describe('hmrc-sandbox serve: its output', () => {
  it('logs each request as JSON, prints no warning about parsed bodies, and says when Ctrl+C stopped it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'serve', '--ephemeral', '--port', '0', '--log', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const baseUrl = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
          const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
          if (url && stdout.includes('Press Ctrl+C to stop.')) resolve(url);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
      });
      const banner = stdout;
      const token = await fetch(`${baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET }),
      });
      expect(token.status).toBe(200);
      // The banner points QA people at the dashboard, and that address serves it.
      const dashboard = /Dashboard: (http:\/\/\S+)/.exec(stdout)?.[1];
      expect(dashboard).toBe(`${baseUrl}/_emulator/`);
      const page = await fetch(dashboard!);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html/i);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      const after = stdout.slice(banner.length).split('\n').filter(Boolean);
      const logged = after.filter((line) => line.startsWith('{'));
      expect(logged.map((line) => JSON.parse(line) as { path: string }).map((r) => r.path)).toEqual(['/oauth/token', '/_emulator/']);
      expect(JSON.parse(logged[0]!)).toMatchObject({ method: 'POST', path: '/oauth/token', status: 200, clientId: CLIENT_ID, tenant: null });
      expect(after.slice(logged.length)).toEqual(['Stopping (SIGINT)…', 'HMRC local sandbox stopped; nothing kept (--ephemeral).']);
      expect(logged.join('\n')).not.toContain(CLIENT_SECRET);
      expect(stderr).not.toMatch(/already parsed request body/);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
