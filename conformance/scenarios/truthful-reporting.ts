import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * What the software tells its user (docs/conformance.md, "What the software reports"): the `api` hook answers
 * `{"outcome": "ok" | "error" | "must-link-again" | "not-linked", "message"}` and the `status` hook `{"state", "message"}`.
 * The kit links, then goes through the phases — HMRC working, 500, 503, 429, working again — and requires the
 * truth in each: "ok" / "linked" only while HMRC answers, "error" with a message while it does not. Not dropping
 * the link, retries and crashes are the rules of server-errors and throttling: a crash here blocks on those.
 */
const PHASES = [
  { fault: 'api-internal-server-error', label: 'HMRC answered 500', owner: 'server-errors' },
  { fault: 'api-service-unavailable', label: 'HMRC answered 503', owner: 'server-errors' },
  { fault: 'api-throttled', label: 'HMRC answered 429', owner: 'throttling' },
] as const;

export const truthfulReporting: Scenario = {
  id: 'truthful-reporting',
  async run(s: CheckSession) {
    await s.link();
    await expectWorking(s, 'with HMRC answering');
    for (const phase of PHASES) {
      await s.fault(phase.fault, 'always');
      const outcome = await s.callApi();
      if (outcome.crashed) s.block(phase.owner, `${phase.label}: the api hook answered ${outcome.status ?? 'nothing'} (a crash)`);
      // Dropping the link on an outage is the server-errors / throttling rule's mistake, reported there once.
      if (outcome.told?.outcome === 'must-link-again' || outcome.told?.outcome === 'not-linked') s.block(phase.owner, `${phase.label}: the software dropped the link ("${outcome.told.outcome}")`);
      s.expect(outcome.told, `${phase.label}: the api hook's answer carries no {"outcome": …}: ${outcome.body.slice(0, 120)}`);
      s.expect(outcome.told?.outcome !== 'ok', `${phase.label}: the software told the user "ok" (it hides the outage)`);
      s.expect(outcome.told?.outcome !== 'error' || outcome.told.message.trim(), `${phase.label}: the software reported an error with no message`);
      const shown = await s.status();
      s.expect(shown?.state !== 'linked', `${phase.label}: the software shows "linked" instead of the error`);
      s.expect(shown?.state !== 'error' || shown.message?.trim(), `${phase.label}: the software shows "error" with no message`);
      await s.clearFaults();
    }
    const after = await s.linkState();
    if (after === 'not-linked' || after === 'must-link-again') s.block('server-errors', `once HMRC recovered the software shows "${after}": it dropped the link during the outage`);
    await expectWorking(s, 'once HMRC recovered');
    s.verdict();
  },
};

async function expectWorking(s: CheckSession, when: string): Promise<void> {
  const { outcome } = await s.callApiSuccessfully();
  s.expect(outcome.told, `${when}: the api hook's answer carries no {"outcome": "ok" | "error" | "must-link-again" | "not-linked", "message"}: ${outcome.body.slice(0, 120)}`);
  s.expect(!outcome.told || outcome.told.outcome === 'ok', `${when}: the call succeeded but the software told the user "${outcome.told?.outcome}"`);
  const state = await s.linkState();
  s.expect(state === undefined || state === 'linked', `${when}: the call succeeded but the software shows "${state}"`);
}
