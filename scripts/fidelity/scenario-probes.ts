import type { FidelityEnv, Probe } from './probe.js';

/**
 * Probes for an operation's documented `Gov-Test-Scenario` values, one per value: the request is sent with the
 * header (none for `DEFAULT`, HMRC's "N/A - DEFAULT"), and the answer must have the status HMRC documents for
 * the scenario (its error code too, for an error) and a body valid against the spec's schema for that status.
 *
 * @example
 * scenarioProbes({
 *   api: 'Obligations 3.0',
 *   spec: 'obligations/conf/3.0/application.yaml',
 *   accept: 'application/vnd.hmrc.3.0+json',
 *   method: 'GET',
 *   template: '/obligations/details/{nino}/crystallisation',
 *   path: async (env) => `/obligations/details/${nino(env)}/crystallisation`,
 *   token: taxpayerToken,
 *   scenarios: [['DEFAULT', 200], ['NOT_FOUND', 404, 'MATCHING_RESOURCE_NOT_FOUND']],
 * });
 */
export interface ScenarioTable {
  /** Shown first in each probe's name, e.g. `Obligations 3.0`. */
  api: string;
  /** The OpenAPI file the template is in, relative to the specs folder. */
  spec: string;
  accept: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The operation's path template in the spec. */
  template: string;
  /** The request's path (and query) for a scenario; may first set up what the scenario needs. */
  path(env: FidelityEnv, scenario: string): Promise<string>;
  /** The request body for a scenario (valid, so that the scenario, not validation, decides the answer). */
  body?: (scenario: string) => unknown;
  token(env: FidelityEnv): Promise<string>;
  /**
   * Where the success schema is a `oneOf` of per-tax-year alternatives that overlap (a small body matches more
   * than one, so `oneOf` fails), the pointer below the success response to the alternative for the tax year asked
   * for, e.g. `/content/application~1json/schema/oneOf/2`: HMRC's documentation shows them as one per tax year.
   */
  successSchema?: string;
  /** Statuses the spec documents without a body (default 204 only; e.g. HMRC's Property Business amends answer 200 without one). */
  bodyless?: number[];
  /** Each scenario with the answer HMRC documents for it: the status, and an error's code. */
  scenarios: Array<[scenario: string, status: number, code?: string]>;
}

export const DEFAULT = 'DEFAULT';

export function scenarioProbes(t: ScenarioTable): Probe[] {
  const pointer = `/paths/${t.template.replace(/~/g, '~0').replace(/\//g, '~1')}/${t.method.toLowerCase()}/responses`;
  return t.scenarios.map(([scenario, status, code]) => ({
    name: `${t.api}: ${t.method} ${t.template}, ${scenario === DEFAULT ? 'no Gov-Test-Scenario (DEFAULT)' : `Gov-Test-Scenario ${scenario}`} is ${status}${code ? ` ${code}` : ''}`,
    async run(env) {
      const path = await t.path(env, scenario);
      const res = await env.request(t.method, path, {
        accept: t.accept,
        token: await t.token(env),
        body: t.body?.(scenario),
        headers: scenario === DEFAULT ? {} : { 'Gov-Test-Scenario': scenario },
      });
      const got = (res.body as { code?: unknown } | undefined)?.code;
      const problems = code && got !== code ? [`code ${JSON.stringify(got)}, expected ${code}`] : [];
      const below = status < 300 && t.successSchema ? t.successSchema : '';
      return { ...res, expectStatus: status, schema: (t.bodyless ?? [204]).includes(status) ? null : { file: t.spec, pointer: `${pointer}/${status}${below}` }, problems };
    },
  }));
}
