// The bench's HTTP client and load loop: plain node:http over keep-alive sockets, so the load
// generator costs as little CPU as possible and measures the server, not the client.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { URLSearchParams } from 'node:url';

/** A keep-alive agent holding at most `sockets` connections. */
export function keepAliveAgent(sockets) {
  return new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
}

/**
 * One request. `target` is `{ host, port }`; resolves to `{ status, headers, body }` (body as text).
 * `timeoutMs` guards against a server that stops answering. A request whose connection is reset before any answer
 * (a keep-alive connection the server closed as it was reused, or a connection the listen queue had no room for)
 * is sent once more on a new connection, as browsers do; `resent.count` says how often that happened.
 */
export async function send(target, request) {
  try {
    return await sendOnce(target, request);
  } catch (e) {
    if (!['ECONNRESET', 'EPIPE'].includes(e.code) || e.answered) throw e;
    resent.count++;
    return sendOnce(target, request);
  }
}

export const resent = { count: 0 };

function sendOnce(target, { method = 'GET', path, headers = {}, body, agent, timeoutMs = 10_000 }) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(body);
    const req = http.request(
      {
        host: target.host,
        port: target.port,
        method,
        path,
        agent,
        headers: payload ? { ...headers, 'content-length': payload.length } : headers,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => reject(Object.assign(e, { answered: true })));
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${path}: no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Runs `task()` on `concurrency` workers until `durationMs` has passed, `count` tasks have finished or
 * `until()` says so, whichever comes first. A task resolves true on success and false on a wrong answer; a task that
 * throws counts as an error. Returns `{ ok, failed, seconds, perSecond, firstFailure }`.
 */
export async function runLoad({ task, concurrency, durationMs = Infinity, count = Infinity, until = () => false }) {
  let started = 0;
  let ok = 0;
  let failed = 0;
  let firstFailure;
  const t0 = performance.now();
  const deadline = t0 + durationMs;
  const worker = async () => {
    while (started < count && performance.now() < deadline && !until()) {
      started++;
      try {
        const result = await task();
        if (result === true) ok++;
        else {
          failed++;
          firstFailure ??= result;
        }
      } catch (e) {
        failed++;
        firstFailure ??= e instanceof Error ? e.message : String(e);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return { ok, failed, seconds, perSecond: ok / seconds, firstFailure };
}

/** `application/x-www-form-urlencoded` body from an object. */
export function form(fields) {
  return new URLSearchParams(fields).toString();
}

/**
 * A `runLoad` task: one `client_credentials` token request to `server` (`{ name, target }`) at `path`, with `fields`
 * (the client's ID and secret) in the form; true when a token came back, else what the server answered.
 */
export function clientCredentialsTask(server, path, fields, agent) {
  const body = form({ grant_type: 'client_credentials', ...fields });
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  return async () => {
    const res = await send(server.target, { method: 'POST', path, headers, body, agent });
    return res.status === 200 && res.body.includes('"access_token"') ? true : `${server.name}: ${res.status} ${res.body.slice(0, 200)}`;
  };
}

/** A figure built on wrong answers is worthless: stop, saying what the server answered. */
export function stopIfBroken(label, run) {
  if (run.failed === 0) return;
  console.error(`${label}: ${run.failed} of ${run.ok + run.failed} requests failed; first: ${run.firstFailure}`);
  process.exit(1);
}
