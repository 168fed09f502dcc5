import type { Store } from '../store/store.js';

/** Where a fault applies: the token endpoint or the resource APIs behind the gateway. */
export type FaultPoint = 'token' | 'api';

export interface FaultDefinition<Id extends string = FaultId> {
  id: Id;
  appliesTo: FaultPoint;
  description: string;
}

/**
 * The catalogue of named faults. The README's fault table is generated from this list
 * (`npm run docs`), so this is the one place a fault is described.
 */
const CATALOGUE = [
  { id: 'refresh-invalid-grant', appliesTo: 'token', description: 'The next refresh_token request answers 400 invalid_grant "refresh_token is invalid" and the grant is revoked, as when the user removes the authority.' },
  { id: 'token-server-error', appliesTo: 'token', description: 'The token endpoint answers 500 server_error.' },
  { id: 'token-unavailable', appliesTo: 'token', description: 'The token endpoint answers 503 temporarily_unavailable.' },
  { id: 'token-slow', appliesTo: 'token', description: 'The token endpoint answers after `delayMs` milliseconds (default 5000).' },
  { id: 'api-internal-server-error', appliesTo: 'api', description: 'The API answers 500 INTERNAL_SERVER_ERROR.' },
  { id: 'api-service-unavailable', appliesTo: 'api', description: 'The API answers 503 SERVER_ERROR ("Service unavailable").' },
  { id: 'api-gateway-timeout', appliesTo: 'api', description: 'The API answers 504 GATEWAY_TIMEOUT.' },
  { id: 'api-throttled', appliesTo: 'api', description: 'The API answers 429 MESSAGE_THROTTLED_OUT, whatever the request rate.' },
  { id: 'api-slow', appliesTo: 'api', description: 'The API answers normally after `delayMs` milliseconds (default 5000).' },
  { id: 'api-invalid-credentials', appliesTo: 'api', description: 'The API answers 401 INVALID_CREDENTIALS, as for an expired or revoked token.' },
] as const satisfies ReadonlyArray<FaultDefinition<string>>;

/** A named fault's id: a string-literal union, so every `switch` over a fault is checked for missing cases. */
export type FaultId = (typeof CATALOGUE)[number]['id'];

export const FAULT_CATALOGUE: readonly FaultDefinition[] = CATALOGUE;

/** Whether `id` names a fault in the catalogue. */
export function isFaultId(id: unknown): id is FaultId {
  return typeof id === 'string' && FAULT_CATALOGUE.some((f) => f.id === id);
}

/** The ids of the faults that apply at `P`: what `Faults.take(P)` can return, so a `switch` there is exhaustive. */
export type FaultIdAt<P extends FaultPoint> = Extract<(typeof CATALOGUE)[number], { appliesTo: P }>['id'];

/** A fault switched on through the control API. */
export interface ActiveFault {
  id: FaultId;
  /** How many more requests it affects; undefined = until cleared. */
  remaining?: number | undefined;
  /** Only requests from this application. */
  clientId?: string | undefined;
  /** Only API requests whose path starts with this. */
  pathPrefix?: string | undefined;
  delayMs?: number | undefined;
}

const NS = 'faults';

export class Faults {
  constructor(private readonly store: Store) {}

  /** Switches a fault on; one-shot by default (`times: 1`), persistent with `times: undefined`. */
  async activate(fault: ActiveFault): Promise<ActiveFault> {
    if (!isFaultId(fault.id)) throw new Error(`unknown fault ${String(fault.id)}; known faults: ${FAULT_CATALOGUE.map((f) => f.id).join(', ')}`);
    const key = `${fault.id}:${fault.clientId ?? '*'}:${fault.pathPrefix ?? '*'}`;
    await this.store.set(NS, key, fault);
    return fault;
  }

  async active(): Promise<ActiveFault[]> {
    return (await this.store.entries<ActiveFault>(NS)).map(([, f]) => f);
  }

  async clear(): Promise<void> {
    for (const [key] of await this.store.entries(NS)) await this.store.delete(NS, key);
  }

  /** The first active fault matching this request, counted as used. */
  async take<P extends FaultPoint>(point: P, request: { clientId?: string | undefined; path: string; grantType?: string | undefined }): Promise<(ActiveFault & { id: FaultIdAt<P> }) | undefined> {
    for (const [key, fault] of await this.store.entries<ActiveFault>(NS)) {
      const definition = FAULT_CATALOGUE.find((f) => f.id === fault.id);
      if (definition?.appliesTo !== point) continue;
      if (fault.clientId && fault.clientId !== request.clientId) continue;
      if (fault.pathPrefix && !request.path.startsWith(fault.pathPrefix)) continue;
      if (fault.id === 'refresh-invalid-grant' && request.grantType !== 'refresh_token') continue;
      if (fault.remaining !== undefined) {
        if (fault.remaining <= 1) await this.store.delete(NS, key);
        else await this.store.set(NS, key, { ...fault, remaining: fault.remaining - 1 });
      }
      return fault as ActiveFault & { id: FaultIdAt<P> }; // its definition applies at `point`
    }
    return undefined;
  }
}
