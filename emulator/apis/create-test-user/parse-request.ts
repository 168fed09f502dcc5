import type { AffinityGroup } from '../../accounts/account.js';
import type { AccountRequest } from '../../accounts/generate-account.js';
import { PlatformError } from '../../errors/platform-error.js';

/**
 * Reads a Create Test User request body (HMRC's `create-*-request.json` schemas): `{serviceNames?, eoriNumber?,
 * nino?}` for individuals; also `exciseNumber`, `taxpayerType` (the schema spells it `taxPayerType`; both are read)
 * and `pillar2Id` for organisations; only `serviceNames` for agents. Unknown fields are ignored, as Play's JSON
 * reads ignore them. "If no request body is supplied, the test user is created with no service enrolments" (OAS).
 *
 * HMRC's answer to a malformed body is not published (Play's parser gives a plain-text message). The emulator's
 * choice: 400 `{"code":"BAD_REQUEST","message":"<what is wrong>"}` for a body that is not a JSON object, a
 * `Content-Type` other than JSON, a `serviceNames` that is not an array of strings, and (from generate-account.ts)
 * an unknown service name, a service not available to the user type, or a malformed supplied identifier.
 */
export function parseCreateRequest(affinityGroup: AffinityGroup, body: unknown, headers: Record<string, string | string[] | undefined>): AccountRequest {
  const contentType = String(headers['content-type'] ?? '');
  const hasBody = Number(headers['content-length'] ?? 0) > 0 || headers['transfer-encoding'] !== undefined;
  if (hasBody && contentType && !/^(application\/(.+\+)?json|text\/json)\b/i.test(contentType)) {
    throw badRequest('The request body must be JSON, sent with Content-Type: application/json');
  }
  if (body === undefined || (!hasBody && !contentType)) body = {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('The request body must be a JSON object, e.g. {"serviceNames": ["mtd-income-tax"]}');
  const fields = body as Record<string, unknown>;

  const serviceNames = fields.serviceNames ?? [];
  if (!Array.isArray(serviceNames) || !serviceNames.every((s): s is string => typeof s === 'string')) {
    throw badRequest('serviceNames must be an array of service names, e.g. ["mtd-income-tax", "self-assessment"]');
  }
  const request: AccountRequest = { affinityGroup, serviceNames };
  if (affinityGroup === 'Agent') return request;

  request.nino = optionalString(fields, 'nino')?.replace(/ /g, '').toUpperCase();
  request.eoriNumber = optionalString(fields, 'eoriNumber');
  if (affinityGroup === 'Organisation') {
    request.exciseNumber = optionalString(fields, 'exciseNumber');
    request.pillar2Id = optionalString(fields, 'pillar2Id');
    request.taxPayerType = optionalString(fields, 'taxPayerType') ?? optionalString(fields, 'taxpayerType');
  }
  return request;
}

function optionalString(fields: Record<string, unknown>, name: string): string | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} must be a string`);
  return value;
}

export function badRequest(message: string): PlatformError {
  return new PlatformError(400, 'BAD_REQUEST', message);
}
