import { randomBytes } from 'node:crypto';

/** Where a run's checks talk to the emulator, and how to give it back. */
export interface RunTarget {
  baseUrl: string;
  /** Deletes the run's tenant; absent when the run uses the emulator it was given as it is. */
  release?: () => Promise<void>;
}

/**
 * Given a shared emulator (`--emulator-url`), the run takes a tenant of its own (docs/tenants.md): its own accounts,
 * clock (frozen, as in the kit's own emulator), faults and journal, so runs side by side on one server never see each
 * other, and the run's clock moves and faults touch nobody else. The tenant is deleted when the run ends.
 *
 * The URL is used as it is when it already names a tenant (`…/t/{id}`), when the caller asked for that
 * (`tenant: false`, e.g. an emulator dedicated to the run behind HMRC's own hostnames), or when the emulator has no
 * tenants (an older version answers 404).
 */
export async function runTarget(url: string, controlToken: string | undefined, tenant: boolean): Promise<RunTarget> {
  const base = url.replace(/\/+$/, '');
  if (!tenant || /\/t\/[^/]+$/.test(base)) return { baseUrl: base };
  const id = `conform-${randomBytes(6).toString('hex')}`;
  const auth: Record<string, string> = controlToken ? { authorization: `Bearer ${controlToken}` } : {};
  const res = await fetch(`${base}/_emulator/tenants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ id, seed: 'conformance', config: { clock: { frozen: true } } }),
  });
  const text = await res.text();
  if (res.status === 404) return { baseUrl: base };
  if (res.status === 401 || res.status === 403) {
    throw new Error(`the emulator at ${base} refused to create a tenant for the run (${res.status}): give its control token with --control-token or HMRC_SANDBOX_CONTROL_TOKEN`);
  }
  if (res.status !== 201) throw new Error(`the emulator at ${base} could not create a tenant for the run: ${res.status} ${text.slice(0, 300)}`);
  return {
    // Under the URL the kit was given: the server's own idea of its base URL may name a host only it can reach.
    baseUrl: `${base}/t/${id}`,
    release: async () => {
      await fetch(`${base}/_emulator/tenants/${id}`, { method: 'DELETE', headers: auth }).then((r) => r.body?.cancel(), () => undefined);
    },
  };
}
