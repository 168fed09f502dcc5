import type { Hook, VendorConfig } from '../contract/vendor-config.js';
import { crashed, runCommand, RunningCommand } from './command-driver.js';
import type { Callback, OpenResult, UserAgent } from './user-agent.js';

/** What the software tells the user, read through the contract's `status` hook. */
export type LinkState = 'linked' | 'not-linked' | 'must-link-again' | 'error';
export const LINK_STATES: readonly LinkState[] = ['linked', 'not-linked', 'must-link-again', 'error'];

/** What the software told the user about one action (the `api` hook's answer). */
export type ActionOutcome = 'ok' | 'error' | 'must-link-again' | 'not-linked';
export const ACTION_OUTCOMES: readonly ActionOutcome[] = ['ok', 'error', 'must-link-again', 'not-linked'];

/** Whose hooks these are: `{user}` in a hook is replaced by it (see docs/conformance.md, "More than one user"). */
export type UserKey = 'user' | 'agent';

/** The outcome of asking the software to do something (a URL request or a command). */
export interface HookOutcome {
  /** HTTP status, or the command's exit code. */
  status: number | null;
  /** A 5xx, a refused connection, or a crashed command. */
  crashed: boolean;
  body: string;
  /** The `api` hook's report, `{"outcome", "message"}`, when its answer carried one. */
  told?: { outcome: ActionOutcome; message: string } | undefined;
}

export interface Delivery extends HookOutcome {
  /** Where the user ended up (URL software). */
  url?: string | undefined;
  /** Nothing listened at the redirect URI (counted as a crash, except where a listener may have gone). */
  unreachable?: boolean | undefined;
}

/**
 * The vendor's software as the kit drives it, through the contract's hooks: `url` hooks are HTTP requests,
 * `command` hooks run through the command driver. The link is opened in the user agent.
 */
export class Software {
  private linkProcess: RunningCommand | undefined;

  constructor(
    private readonly config: VendorConfig,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Starts a link; the user agent ends on HMRC's first page (or wherever the software sent it). */
  async startLink(ua: UserAgent, user: UserKey = 'user'): Promise<OpenResult & { printed?: string | undefined }> {
    const link = forUser(this.config.link, user);
    if ('url' in link) return ua.open(link.url);
    this.linkProcess?.kill();
    const proc = new RunningCommand(link.command, { cwd: this.config.cwd, env: this.env, timeoutMs: 20_000 });
    this.linkProcess = proc;
    const line = await proc.waitForLine(/https?:\/\/\S*\/oauth\/authorize\S*/);
    if (!line) {
      const result = await Promise.race([proc.done, new Promise<undefined>((r) => setTimeout(() => r(undefined), 200))]);
      return { landing: { status: 0, firstStatus: 0, url: '', body: result ? `${result.stdout}\n${result.stderr}` : '' }, printed: undefined };
    }
    const url = /https?:\/\/\S*\/oauth\/authorize\S*/.exec(line)![0];
    return { ...(await ua.open(url)), printed: url };
  }

  /** Hands the callback to the software: follows the redirect (web apps, localhost listeners) or pastes the code. */
  async deliver(ua: UserAgent, callback: Callback): Promise<Delivery> {
    const proc = this.linkProcess;
    let landing: Delivery | undefined;
    if (callback.kind === 'redirect') {
      try {
        const l = await ua.deliver(callback.url);
        landing = { status: l.firstStatus, crashed: l.firstStatus >= 500, body: l.body, url: l.url };
      } catch (e) {
        landing = { status: null, crashed: true, unreachable: true, body: `could not reach ${callback.url}: ${(e as Error).message}` };
      }
    } else if (this.config.enterCode) {
      proc?.closeStdin();
      await proc?.done;
      this.linkProcess = undefined;
      // A user who was shown no code (authority not granted) has nothing to enter.
      if (!callback.code) return { status: 0, crashed: false, body: 'no code was shown, so none was entered' };
      const command = this.config.enterCode.command.map((arg) => arg.replaceAll('{code}', callback.code!));
      const result = await runCommand(command, { cwd: this.config.cwd, env: this.env });
      return { status: result.exitCode, crashed: crashed(result), body: `${result.stdout}${result.stderr}` };
    } else if (proc) {
      if (callback.code) proc.write(`${callback.code}\n`);
      proc.closeStdin();
    }
    if (!proc) return landing ?? { status: null, crashed: true, body: 'out-of-band code but the link was not started by a command' };
    const result = await proc.done;
    this.linkProcess = undefined;
    return { status: result.exitCode, crashed: crashed(result) || Boolean(landing?.crashed), body: `${result.stdout}${result.stderr}` };
  }

  /** Abandons a link in progress (a command waiting for its code). */
  abandonLink(): void {
    this.linkProcess?.kill();
    this.linkProcess = undefined;
  }

  /** Whether the contract's hooks take `{user}`, so the software can be driven for more than one user. */
  get perUser(): boolean {
    return [this.config.link, this.config.api, this.config.status].some((h) => h && JSON.stringify(h).includes('{user}'));
  }

  /** The user's action: the software calls an API with that user's token and answers what it told the user. */
  async callApi(user: UserKey = 'user'): Promise<HookOutcome> {
    const outcome = await this.run(forUser(this.config.api, user));
    const told = lastJson(outcome.body);
    const valid = ACTION_OUTCOMES.includes(told?.outcome as ActionOutcome);
    return { ...outcome, told: valid ? { outcome: told!.outcome as ActionOutcome, message: typeof told!.message === 'string' ? told!.message : '' } : undefined };
  }

  async status(user: UserKey = 'user'): Promise<{ state: LinkState; message?: string } | undefined> {
    if (!this.config.status) return undefined;
    const outcome = await this.run(forUser(this.config.status, user));
    if (outcome.crashed) throw new Error(`the status hook failed (${outcome.status}): ${outcome.body.slice(0, 200)}`);
    const text = outcome.body.trim();
    const parsed = lastJson(text) ?? { state: text };
    const state = parsed?.state;
    if (!LINK_STATES.includes(state as LinkState)) throw new Error(`the status hook must answer {"state": ${LINK_STATES.map((s) => `"${s}"`).join(' | ')}}; it answered ${text.slice(0, 200)}`);
    return { state: state as LinkState, message: typeof parsed?.message === 'string' ? parsed.message : undefined };
  }

  async reset(): Promise<void> {
    this.abandonLink();
    if (!this.config.reset) return;
    const outcome = await this.run(this.config.reset);
    if (outcome.crashed || (outcome.status ?? 0) >= 400) throw new Error(`the reset hook failed (${outcome.status}): ${outcome.body.slice(0, 200)}`);
  }

  private async run(hook: Hook): Promise<HookOutcome> {
    if ('command' in hook) {
      const result = await runCommand(hook.command, { cwd: this.config.cwd, env: this.env });
      return { status: result.exitCode, crashed: crashed(result), body: `${result.stdout}${result.stderr}` };
    }
    try {
      const res = await fetch(hook.url, { method: hook.method ?? 'GET', redirect: 'manual', signal: AbortSignal.timeout(20_000) });
      return { status: res.status, crashed: res.status >= 500, body: await res.text() };
    } catch (e) {
      return { status: null, crashed: true, body: `could not reach ${hook.url}: ${(e as Error).message}` };
    }
  }
}

/** `{user}` in a hook's URL or command arguments, replaced by the user's key. */
function forUser<H extends Hook>(hook: H, user: UserKey): H {
  if ('url' in hook) return { ...hook, url: hook.url.replaceAll('{user}', encodeURIComponent(user)) };
  return { ...hook, command: hook.command.map((arg) => arg.replaceAll('{user}', user)) };
}

/** A JSON object answer: a URL's body, or a command's last non-empty stdout line. */
function lastJson(text: string): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(text.trim().split(/\r?\n/).filter(Boolean).pop() ?? '') as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
