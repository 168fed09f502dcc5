import type { FidelityEnv, ProbeResponse } from './probe.js';

/**
 * The Income Tax probes' caller: the seeded `individual` persona (signed up to HMRC-MTD-IT, confidence level 250)
 * through the default application, with a user token fetched once per run (each fetch drives the whole sign-in
 * journey), and the default application's own token for the test-support API.
 */
export const SCOPES = 'read:self-assessment write:self-assessment';
const BD = 'application/vnd.hmrc.2.0+json';

const tokens = new WeakMap<FidelityEnv, Promise<string>>();

export function taxpayerToken(env: FidelityEnv): Promise<string> {
  let token = tokens.get(env);
  if (!token) {
    const p = env.persona('individual');
    token = env.userToken(p.userId, p.password, SCOPES);
    tokens.set(env, token);
  }
  return token;
}

export const nino = (env: FidelityEnv): string => env.persona('individual').nino!;

export async function asTaxpayer(env: FidelityEnv, method: string, path: string, accept: string, o: { scenario?: string; body?: unknown } = {}): Promise<ProbeResponse> {
  return env.request(method, path, { accept, token: await taxpayerToken(env), body: o.body, headers: o.scenario ? { 'Gov-Test-Scenario': o.scenario } : {} });
}

export async function asVendor(env: FidelityEnv, method: string, path: string, body?: unknown): Promise<ProbeResponse> {
  return env.request(method, path, { token: await env.appToken(SCOPES), body });
}

/** The taxpayer's first stored business, as Business Details lists it with Gov-Test-Scenario: STATEFUL. */
export async function defaultBusinessId(env: FidelityEnv): Promise<string> {
  const res = await asTaxpayer(env, 'GET', `/individuals/business/details/${nino(env)}/list`, BD, { scenario: 'STATEFUL' });
  // The first self-employment: the property probes add property businesses to the same taxpayer.
  const list = (res.body as { listOfBusinesses?: Array<{ businessId: string; typeOfBusiness?: string }> }).listOfBusinesses ?? [];
  const found = list.find((b) => b.typeOfBusiness === 'self-employment');
  if (found) return found.businessId;
  // Made through SA Test Support when the taxpayer has none left (a probe before may have replaced its businesses).
  const created = await asVendor(env, 'POST', `/individuals/self-assessment-test-support/business/${nino(env)}`, { typeOfBusiness: 'self-employment', tradingName: 'Fidelity Trading', businessAddressLineOne: '1 High Street', businessAddressPostcode: 'TF3 4NT', businessAddressCountryCode: 'GB' });
  const id = (created.body as { businessId?: string }).businessId;
  if (!id) throw new Error(`list: ${res.status} ${JSON.stringify(res.body)}; create: ${created.status} ${JSON.stringify(created.body)}`);
  return id;
}

/** The tax year the emulator's virtual clock is in, e.g. `2026-27`. */
export async function currentTaxYear(env: FidelityEnv): Promise<string> {
  const now = ((await env.request('GET', '/_emulator/clock')).body as { now: string }).now;
  const start = now.slice(5, 10) >= '04-06' ? Number(now.slice(0, 4)) : Number(now.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
