import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { createClock } from '../clock/clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import { PageSessions, type PageSessionScope } from './page-sessions.js';
import { sameSecret } from './same-secret.js';

interface Data {
  userId?: string | undefined;
  answers: string[];
}

const IDLE = 15 * 60_000;
const scope = (ns: string, cookie: string): PageSessionScope<Data> => ({ ns, cookie, path: '/pages', idleMs: IDLE, blank: () => ({ answers: [] }) });

function setUp() {
  const clock = createClock({ frozen: true, start: Date.parse('2026-01-15T09:00:00Z') });
  const store = createMemoryStore(clock);
  return { clock, a: new PageSessions<Data>(store, clock, scope('a-sessions', 'a')), b: new PageSessions<Data>(store, clock, scope('b-sessions', 'b')) };
}

/** A response that remembers the cookies set and cleared on it. */
function response() {
  const cookies: Array<{ name: string; value: string | undefined; options: unknown }> = [];
  const res = {
    cookie: (name: string, value: string, options: unknown) => cookies.push({ name, value, options }),
    clearCookie: (name: string, options: unknown) => cookies.push({ name, value: undefined, options }),
  } as unknown as Response;
  return { res, cookies };
}

const request = (cookie?: string): Request => ({ headers: cookie === undefined ? {} : { cookie } }) as Request;

describe('PageSessions', () => {
  it('creates a session with its own ID and CSRF token, set as an HttpOnly cookie on the pages\' path', async () => {
    const { a } = setUp();
    const { res, cookies } = response();
    const session = await a.create(res, { userId: 'u1', answers: [] });
    expect(session.id).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(session.csrfToken).not.toBe(session.id);
    expect(cookies).toEqual([{ name: 'a', value: session.id, options: { httpOnly: true, sameSite: 'lax', path: '/pages' } }]);
    expect(await a.current(request(`other=1; a=${session.id}`))).toEqual(session);
    expect(await a.current(request('a=not-a-session-id'))).toBeUndefined();
    expect(await a.current(request())).toBeUndefined();
  });

  it('ends after the idle timeout on the virtual clock, which each use restarts', async () => {
    const { clock, a } = setUp();
    const session = await a.create(response().res, { answers: [] });
    clock.advance(IDLE - 1000);
    expect(await a.current(request(`a=${session.id}`))).toBeDefined(); // restarts the timer
    clock.advance(IDLE - 1000);
    expect(await a.current(request(`a=${session.id}`))).toBeDefined();
    clock.advance(IDLE);
    expect(await a.current(request(`a=${session.id}`))).toBeUndefined();
  });

  it('binds the CSRF token to its session', async () => {
    const { a } = setUp();
    const one = await a.create(response().res, { answers: [] });
    const two = await a.create(response().res, { answers: [] });
    expect(a.csrfValid(one, one.csrfToken)).toBe(true);
    expect(a.csrfValid(one, two.csrfToken)).toBe(false);
    expect(a.csrfValid(one, `${one.csrfToken}x`)).toBe(false);
    expect(a.csrfValid(one, undefined)).toBe(false);
    expect(a.csrfValid(undefined, one.csrfToken)).toBe(false);
  });

  it('replaces the previous session on sign-in, and forgets it on end with the cookie cleared', async () => {
    const { a } = setUp();
    const first = await a.create(response().res, { answers: ['kept?'] });
    const signedIn = await a.create(response().res, { userId: 'u1', answers: [] }, first);
    expect(await a.current(request(`a=${first.id}`))).toBeUndefined();
    signedIn.answers.push('yes');
    await a.update(signedIn);
    expect((await a.current(request(`a=${signedIn.id}`)))?.answers).toEqual(['yes']);
    const { res, cookies } = response();
    await a.end(signedIn, res);
    expect(cookies).toEqual([{ name: 'a', value: undefined, options: { path: '/pages' } }]);
    expect(await a.current(request(`a=${signedIn.id}`))).toBeUndefined();
  });

  it('keeps families apart: a session is not found under another family\'s cookie or namespace', async () => {
    const { a, b } = setUp();
    const session = await a.create(response().res, { answers: [] });
    expect(await b.current(request(`b=${session.id}`))).toBeUndefined();
    expect(await b.current(request(`a=${session.id}`))).toBeUndefined();
    const { res } = response();
    expect((await b.currentOrNew(request(`a=${session.id}`), res)).id).not.toBe(session.id);
  });
});

describe('sameSecret', () => {
  it('is true only for equal strings, whatever their lengths', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', '')).toBe(true);
  });
});
