import type { EmulatorContext } from '../context.js';
import type { Account } from './account.js';
import { AccountRequestError, generateAccount } from './generate-account.js';
import { generatePhoneNumber } from './identifiers/phone-number.js';
import { createPrng } from './identifiers/prng.js';
import { generateTotpSecret } from './identifiers/totp-secret.js';
import { hashPassword, NOT_YET_HASHED } from './password.js';
import { loadPersonaDefinitions, PersonaFixturesError, type PersonaDefinition } from './personas.js';

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
 * `user1` / `password1` (api-platform-test-user `LegacySandboxUser`); the emulator keeps it. Then the named
 * personas of `fixtures/personas.yaml` (and `config.fixturesFile`), each generated from its own PRNG seeded with
 * `<config.seed>:persona:<name>`: the same seed gives the same accounts, and adding a persona changes no other.
 */
export async function seedAccounts(ctx: EmulatorContext): Promise<SeededPersona[]> {
  const legacy: Account = {
    userId: 'user1',
    passwordHash: NOT_YET_HASHED,
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
  const seeded: SeededPersona[] = [
    { persona: 'legacy-sandbox-user', userId: 'user1', password: 'password1', description: "HMRC sandbox's hard-coded individual John Doe", affinityGroup: 'Individual', identifiers: legacy.identifiers, nino: 'AA000017A', saUtr: '1700000000' },
  ];
  for (const { definition, path } of loadPersonaDefinitions(ctx.config.fixturesFile)) {
    seeded.push(await seedPersona(ctx, definition, path));
  }
  // All the passwords at once, on libuv's thread pool: one by one, on the event loop, they took a fifth of start-up.
  const hashes = await Promise.all(seeded.map((p) => hashPassword(p.password)));
  for (const [i, p] of seeded.entries()) await ctx.accounts.add({ ...(await ctx.accounts.find(p.userId))!, passwordHash: hashes[i]! });
  return seeded;
}

async function seedPersona(ctx: EmulatorContext, definition: PersonaDefinition, path: string): Promise<SeededPersona> {
  const prng = createPrng(`${ctx.config.seed}:persona:${definition.name}`);
  let generated: Awaited<ReturnType<typeof generateAccount>>;
  try {
    generated = await generateAccount(
      { affinityGroup: definition.affinityGroup, serviceNames: definition.serviceNames ?? [] },
      {
        prng,
        today: new Date(ctx.clock.now()),
        taken: (key, value) => ctx.accounts.identifierTaken(key, value),
        userIdTaken: async (userId) => (await ctx.accounts.find(userId)) !== undefined,
        userId: definition.userId,
        password: definition.password,
        deferHashing: true,
      },
    );
  } catch (e) {
    if (e instanceof AccountRequestError) throw new PersonaFixturesError(`${path}/serviceNames: ${e.message}`);
    throw e;
  }
  if (definition.userId && (await ctx.accounts.find(definition.userId))) throw new PersonaFixturesError(`${path}/userId: user ID ${definition.userId} is already taken`);
  const { account, password } = generated;
  const method = definition.twoStepVerification;
  if (method) {
    account.twoStepVerification = method === 'app' ? { method, totpSecret: generateTotpSecret(prng) } : { method, phoneNumber: generatePhoneNumber(prng) };
  }
  account.confidenceLevel = definition.confidenceLevel ?? 250;
  if (definition.journey) account.journey = definition.journey;
  if (definition.locked) account.locked = true;
  account.persona = definition.name;
  await ctx.accounts.add(account);
  const ids = account.identifiers;
  return {
    persona: definition.name,
    userId: account.userId,
    password,
    description: definition.description,
    affinityGroup: account.affinityGroup,
    identifiers: ids,
    ...(ids.nino ? { nino: ids.nino } : {}),
    ...(ids.saUtr ? { saUtr: ids.saUtr } : {}),
    ...(ids.mtdItId ? { mtdItId: ids.mtdItId } : {}),
    ...(ids.vrn ? { vrn: ids.vrn } : {}),
    ...(ids.agentServicesAccountNumber ? { arn: ids.agentServicesAccountNumber } : {}),
    ...(account.twoStepVerification?.totpSecret ? { totpSecret: account.twoStepVerification.totpSecret } : {}),
    ...(account.twoStepVerification?.phoneNumber ? { phoneNumber: account.twoStepVerification.phoneNumber } : {}),
  };
}
