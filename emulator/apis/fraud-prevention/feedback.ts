import type { Clock } from '../../clock/clock.js';
import type { Store } from '../../store/store.js';
import type { ConnectionMethod } from './connection-methods.js';
import type { HeaderFinding, Validation, ValidationResult } from './validate-headers.js';

/** One request as the validation-feedback endpoint reports it. */
export interface FeedbackRequest extends ValidationResult {
  method: string;
  path: string;
  /** Virtual time, ISO-8601. */
  requestTimestamp: string;
  headers: HeaderFinding[];
}

const NS = 'fraud-header-feedback';

/**
 * What HMRC's validation-feedback endpoint shows: "feedback on the most recent request to each endpoint" of an API,
 * per application and connection method. Requests whose connection method is missing or unknown cannot be filed
 * under a method and are not kept (the emulator's choice; the result is still on the response and in the journal).
 */
export class FraudHeaderFeedback {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async record(
    target: { clientId: string; api: string; endpoint: string },
    request: { method: string; path: string },
    validation: Validation,
  ): Promise<void> {
    if (!validation.connectionMethod) return;
    const entry: FeedbackRequest = {
      method: request.method,
      path: request.path,
      requestTimestamp: new Date(this.clock.now()).toISOString(),
      ...validation.result,
      headers: validation.findings,
    };
    await this.store.set(NS, key(target.clientId, target.api, validation.connectionMethod, `${request.method} ${target.endpoint}`), entry);
  }

  /** The latest request to each endpoint, oldest first. */
  async list(clientId: string, api: string, connectionMethod: ConnectionMethod): Promise<FeedbackRequest[]> {
    const prefix = key(clientId, api, connectionMethod, '');
    return (await this.store.entries<FeedbackRequest>(NS)).filter(([k]) => k.startsWith(prefix)).map(([, v]) => v);
  }
}

const key = (clientId: string, api: string, method: string, endpoint: string): string => `${clientId}|${api}|${method}|${endpoint}`;
