import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Docker cannot run where the emulator is built: the Dockerfile and docs/docker.md's Compose files are read as text.
const dockerfile = readFileSync('Dockerfile', 'utf8').replace(/\\\n/g, ' ');
const instructions = dockerfile.split('\n').filter((l) => /^[A-Z]+\s/.test(l));
const runtime = instructions.slice(instructions.findLastIndex((l) => l.startsWith('FROM ')));
const allowed = readFileSync('.dockerignore', 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1).replace(/\/$/, ''));

interface Service {
  image?: string;
  build?: string;
  command?: string[] | string;
  volumes?: string[];
  environment?: Record<string, string>;
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>;
}
const composeFiles = [...readFileSync('docs/docker.md', 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!) as { services: Record<string, Service> });
const emulators = (c: { services: Record<string, Service> }) => Object.values(c.services).filter((s) => s.image === 'hmrc-local-sandbox');

describe('Dockerfile', () => {
  it('runs on a current Node.js LTS, 22 or 24', () => {
    expect(dockerfile).toMatch(/^ARG NODE_VERSION=(22|24)$/m);
    expect(runtime[0]).toBe('FROM node:${NODE_VERSION}-slim');
  });

  it('keeps the state in the /data volume, as the unprivileged node user', () => {
    expect(runtime).toContain('VOLUME /data');
    expect(runtime.join('\n')).toMatch(/HMRC_SANDBOX_DATA_DIR=\/data/);
    expect(runtime).toContain('USER node');
  });

  it('checks health on the route that needs no control token, sending none', () => {
    const check = runtime.find((l) => l.startsWith('HEALTHCHECK '))!;
    expect(check).toContain("'/_emulator/health'");
    expect(check).not.toMatch(/authorization|CONTROL_TOKEN/i);
  });

  it('takes the control token from the environment, never baked into the image', () => {
    expect(dockerfile).not.toMatch(/HMRC_SANDBOX_CONTROL_TOKEN=/);
  });

  it('copies only files that exist and that .dockerignore lets into the build context', () => {
    const sources = instructions.filter((l) => l.startsWith('COPY ') && !l.includes('--from=')).flatMap((l) => l.split(/\s+/).slice(1, -1).filter((a) => !a.startsWith('--')));
    expect(sources.length).toBeGreaterThan(3);
    for (const source of sources) {
      expect(existsSync(source), source).toBe(true);
      expect(allowed.some((a) => source === a || source.startsWith(`${a}/`)), `${source} is left out of the context by .dockerignore`).toBe(true);
    }
  });

  it('copies every script `npm run build` runs', () => {
    const build = JSON.parse(readFileSync('package.json', 'utf8')).scripts.build as string;
    const scripts = [...build.matchAll(/node (scripts\/\S+)/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const copied = instructions.filter((l) => l.startsWith('COPY ') && !l.includes('--from=')).join(' ');
    for (const script of scripts) expect(copied, script).toContain(script);
  });

  it('starts the bundled CLI the build makes', () => {
    expect(runtime).toContain('ENTRYPOINT ["node", "dist/bundle/cli.mjs"]');
    expect(JSON.parse(readFileSync('package.json', 'utf8')).bin['hmrc-sandbox']).toBe('dist/bundle/cli.mjs');
  });
});

describe("docs/docker.md's Compose files", () => {
  it('are three: one emulator, two sharing Redis, and the HTTPS proxy', () => {
    expect(composeFiles).toHaveLength(3);
  });

  it('take the control token from the environment in every emulator', () => {
    for (const service of composeFiles.flatMap(emulators)) {
      expect(service.environment?.HMRC_SANDBOX_CONTROL_TOKEN).toMatch(/^\$\{HMRC_SANDBOX_CONTROL_TOKEN[:?}]/);
    }
  });

  it('keep the state in /data, or in Redis', () => {
    for (const service of composeFiles.flatMap(emulators)) {
      const command = [service.command ?? []].flat().join(' ');
      if (command.includes('--store')) expect(command).toContain('--store redis://redis:6379/0');
      else expect(service.volumes?.some((v) => v.endsWith(':/data'))).toBe(true);
    }
  });

  it('run two emulators on one redis:7 in the Redis example', () => {
    const redis = composeFiles[1]!;
    expect(redis.services.redis?.image).toBe('redis:7');
    expect(redis.services.hmrc?.deploy?.replicas).toBe(2);
    expect(redis.services.hmrc?.depends_on?.redis?.condition).toBe('service_healthy');
  });

  it('wait for the emulator’s health check before starting the software', () => {
    for (const compose of composeFiles) expect(compose.services['my-software']?.depends_on?.hmrc?.condition).toBe('service_healthy');
  });

  it('trust the CA the proxy example’s emulator writes to the shared volume', () => {
    const proxy = composeFiles[2]!;
    expect([proxy.services.hmrc?.command].flat().join(' ')).toContain('--proxy-port 8888');
    expect(proxy.services['my-software']?.environment).toMatchObject({ HTTPS_PROXY: 'http://hmrc:8888', NODE_EXTRA_CA_CERTS: '/sandbox/ca/hmrc-sandbox-ca.pem' });
    expect(proxy.services['my-software']?.volumes).toContain('hmrc-data:/sandbox:ro');
  });
});
