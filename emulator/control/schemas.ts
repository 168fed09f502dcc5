import type { ControlResponse, Schema } from './route-table.js';

/**
 * JSON Schemas of the control API's bodies (draft 2020-12, as OpenAPI 3.1 takes them). Objects list the fields
 * a client can rely on; other fields may appear.
 */
export const str: Schema = { type: 'string' };
export const int: Schema = { type: 'integer' };
export const bool: Schema = { type: 'boolean' };
export const time: Schema = { type: 'string', format: 'date-time' };
export const strings: Schema = { type: 'array', items: str };
export const any: Schema = {};

/** `{…}` with these properties, all required unless listed in `optional`. */
export function object(properties: Record<string, Schema>, optional: string[] = []): Schema {
  return { type: 'object', properties, required: Object.keys(properties).filter((k) => !optional.includes(k)) };
}

export function list(name: string, items: Schema): Schema {
  return object({ [name]: { type: 'array', items } });
}

export const controlError: Schema = object({ error: str, message: str });

/** The usual answers. */
export const ok = (schema: Schema, description = 'OK'): ControlResponse => ({ description, schema });
export const created = (schema: Schema, description = 'Created'): ControlResponse => ({ description, schema });
export const noContent: ControlResponse = { description: 'Done; no body' };
export const badRequest: ControlResponse = { description: 'The request is not valid: the message says why', schema: controlError };
export const notFound: ControlResponse = { description: 'No such thing', schema: controlError };
export const conflict: ControlResponse = { description: 'Not possible in its present state', schema: controlError };
export const htmlPage = (description: string): ControlResponse => ({ description, html: true });

export const clock = object({ now: time });

export const activeFault = object({ id: str, remaining: int, clientId: str, pathPrefix: str, delayMs: int }, ['remaining', 'clientId', 'pathPrefix', 'delayMs']);

export const application = object(
  { clientId: str, clientSecrets: strings, name: str, redirectUris: strings, subscriptions: strings, rateLimitPerSecond: { type: 'number' } },
  ['rateLimitPerSecond'],
);

export const account = object(
  {
    userId: str,
    password: str,
    affinityGroup: { enum: ['Individual', 'Organisation', 'Agent'] },
    userFullName: str,
    emailAddress: str,
    identifiers: { type: 'object', additionalProperties: str },
    enrolments: { type: 'array', items: object({ key: str, identifiers: { type: 'array', items: object({ key: str, value: str }) } }) },
    confidenceLevel: int,
  },
  ['password'],
);

export const message = object(
  { id: int, channel: { enum: ['text', 'voice', 'email'] }, to: str, subject: str, body: str, links: strings, sentAt: time },
  ['subject', 'links'],
);

export const journalEntry = object(
  {
    id: int,
    time,
    clientId: str,
    method: str,
    path: str,
    query: { type: 'object' },
    requestHeaders: { type: 'object', additionalProperties: str },
    requestBody: any,
    status: int,
    responseHeaders: { type: 'object', additionalProperties: str },
    responseBody: any,
    durationMs: { type: 'number' },
  },
  ['clientId', 'requestBody', 'responseBody'],
);

export const journeyPreset = object({ id: str, outcome: str, clientId: str, userId: str, auto: bool, remaining: int }, ['clientId', 'userId', 'remaining']);

export const signUp = object(
  { id: str, journey: { enum: ['agent', 'individual', 'business'] }, status: str, nino: str, clientUserId: str, contactPreference: { enum: ['emails', 'letters'] }, submittedAt: time, decisionDueAt: time },
);

export const relationship = object({ arn: str, service: { enum: ['MTD-IT', 'MTD-VAT'] }, clientId: str });

export const invitation = object({ invitationId: str, arn: str, service: str, clientId: str, status: str, created: time });

export const saClient = object({ name: str, nino: str, saUtr: str }, ['nino', 'saUtr']);

export const agentServicesAccount = object(
  {
    arn: str,
    userId: str,
    password: str,
    createdBy: str,
    businessType: { enum: ['sole_trader', 'limited_company', 'partnership', 'llp'] },
    utr: str,
    businessName: str,
    address: object({ line1: str, line2: str, postcode: str }),
    email: str,
    enrolment: object({ key: { const: 'HMRC-AS-AGENT' }, identifiers: { type: 'array', items: object({ key: str, value: str }) } }),
  },
  ['utr'],
);
