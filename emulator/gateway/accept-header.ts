import { platformErrors } from '../errors/platform-error.js';
import type { GatewayStep } from './pipeline.js';

const ACCEPT = /^application\/vnd\.hmrc\.(\d+\.\d+)\+(json|xml)$/;

/**
 * `Accept: application/vnd.hmrc.<version>+<json|xml>` is required (reference guide, "Versioning").
 * Missing or malformed → 406 ACCEPT_HEADER_INVALID; a version the API does not have → 404 NOT_FOUND;
 * XML from an API that only speaks JSON → 406. An API may answer these cases itself (`Api.acceptErrors`),
 * as HMRC's gateway passes such requests on to some APIs' own checks.
 */
export const acceptHeader: GatewayStep = (call) => {
  const header = call.req.headers.accept ?? '';
  const match = header
    .split(',')
    .map((part) => ACCEPT.exec(part.split(';')[0]!.trim()))
    .find(Boolean);
  const own = call.api.acceptErrors;
  if (!match) throw (call.req.headers.accept === undefined ? own?.missing : own?.invalid)?.() ?? platformErrors.acceptHeaderInvalid();
  const [, version, format] = match as unknown as [string, string, 'json' | 'xml'];
  call.format = format;
  if (!call.api.formats.includes(format)) {
    call.format = 'json';
    throw own?.format?.() ?? platformErrors.acceptHeaderInvalid();
  }
  if (!call.api.versions.includes(version)) throw platformErrors.versionNotFound();
  call.version = version;
};
