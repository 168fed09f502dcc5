import { VendorConfigError, type UserRef } from '../contract/vendor-config.js';
import type { EmulatorAccount } from './emulator-client.js';

/** A test user the kit can sign in as, with the identifiers of the taxpayer behind it. */
export interface ResolvedUser {
  userId: string;
  password: string;
  /** e.g. `vrn`, `nino`, `mtdItId`, `saUtr`, `agentServicesAccountNumber`. */
  identifiers: Record<string, string>;
  label: string;
}

/** Finds a contract's user among the emulator's accounts (a persona by name, or a user ID with its password). */
export function resolveUser(ref: UserRef, accounts: EmulatorAccount[], path: string): ResolvedUser {
  if ('persona' in ref) {
    const account = accounts.find((a) => a.persona === ref.persona);
    if (!account?.password) {
      const known = accounts.filter((a) => a.persona && a.password).map((a) => a.persona);
      throw new VendorConfigError([`${path}.persona: the emulator has no persona "${ref.persona}"; it has ${known.join(', ')}`]);
    }
    return { userId: account.userId, password: account.password, identifiers: account.identifiers ?? {}, label: `persona ${ref.persona}` };
  }
  const account = accounts.find((a) => a.userId.toLowerCase() === ref.userId.toLowerCase());
  return { userId: ref.userId, password: ref.password, identifiers: account?.identifiers ?? {}, label: `user ${ref.userId}` };
}

/** The taxpayer's identifiers, as environment variables for the software (HMRC_VRN, HMRC_NINO, …). */
export function taxpayerEnv(user: ResolvedUser): Record<string, string> {
  const names: Record<string, string> = { vrn: 'HMRC_VRN', nino: 'HMRC_NINO', mtdItId: 'HMRC_MTD_IT_ID', saUtr: 'HMRC_SA_UTR', agentServicesAccountNumber: 'HMRC_ARN' };
  const env: Record<string, string> = {};
  for (const [key, name] of Object.entries(names)) if (user.identifiers[key]) env[name] = user.identifiers[key];
  return env;
}
