import type { EmulatorContext } from '../context.js';
import type { Account } from './account.js';
import { hashPassword } from './password.js';

/** A seeded account with its password, as printed at start-up and listed by the control API. */
export interface SeededPersona {
  persona: string;
  userId: string;
  password: string;
  description: string;
  affinityGroup?: Account['affinityGroup'];
  /** The account's flattened identifiers (nino, saUtr, mtdItId, vrn, agentServicesAccountNumber, …). */
  identifiers?: Record<string, string>;
  nino?: string;
  saUtr?: string;
  mtdItId?: string;
  vrn?: string;
  /** Agent reference number (`agentServicesAccountNumber`). */
  arn?: string;
  /** Base32 secret for the persona's authenticator app (otplib `authenticator`), when 2-step is by app. */
  totpSecret?: string;
  /** Phone number receiving 2-step codes, when 2-step is by text or voice. */
  phoneNumber?: string;
}

/**
 * Seeds the accounts every emulator starts with. HMRC's sandbox has a hard-coded legacy user,
 * `user1` / `password1` (api-platform-test-user `LegacySandboxUser`); the emulator keeps it.
 */
export async function seedAccounts(ctx: EmulatorContext): Promise<SeededPersona[]> {
  const legacy: Account = {
    userId: 'user1',
    passwordHash: hashPassword('password1'),
    affinityGroup: 'Individual',
    userFullName: 'John Doe',
    emailAddress: 'john.doe@example.com',
    groupIdentifier: 'groupIdentifier1',
    individualDetails: { firstName: 'John', lastName: 'Doe', dateOfBirth: '1980-01-10', address: { line1: '221b Baker St', line2: 'Marylebone', postcode: 'NW1 6XE' } },
    serviceNames: ['national-insurance', 'self-assessment'],
    identifiers: { nino: 'AA000017A', saUtr: '1700000000' },
    enrolments: [{ key: 'IR-SA', identifiers: [{ key: 'UTR', value: '1700000000' }] }],
    confidenceLevel: 250,
    persona: 'legacy-sandbox-user',
  };
  await ctx.accounts.add(legacy);
  return [{ persona: 'legacy-sandbox-user', userId: 'user1', password: 'password1', description: "HMRC sandbox's hard-coded individual John Doe" }];
}
