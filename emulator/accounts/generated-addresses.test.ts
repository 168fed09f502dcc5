import { describe, expect, it } from 'vitest';
import { knownFactMatches, knownFactOf, knownFactRequest } from '../agents/known-facts.js';
import type { RelationshipService } from '../agents/relationships.js';
import { readClientAccessData } from '../agents/api/client-access-data.js';
import { clientDetailsProblems } from '../sign-up/match-client.js';
import type { Account } from './account.js';
import { generateAccount, type AccountRequest } from './generate-account.js';
import { createPrng } from './identifiers/prng.js';
import { isUkPostcode, postcodeOf } from './postcode.js';
import { POST_TOWNS } from './post-towns.js';

const SEEDS = 10_000;
const TODAY = new Date('2026-01-15T09:00:00Z');
const INDIVIDUAL: AccountRequest = { affinityGroup: 'Individual', serviceNames: ['mtd-income-tax', 'self-assessment', 'national-insurance', 'mtd-vat'] };
const ORGANISATION: AccountRequest = { affinityGroup: 'Organisation', serviceNames: ['mtd-vat', 'corporation-tax'] };
const OUTWARD_CODES = new Map(POST_TOWNS.map((t) => [t.town, new Set(t.outwardCodes)]));

const generate = async (request: AccountRequest, seed: string): Promise<Account> =>
  (await generateAccount(request, { prng: createPrng(seed), today: TODAY, taken: async () => false, userIdTaken: async () => false, deferHashing: true })).account;

/** Every check the emulator applies to a generated account's address and known facts; the problems found. */
function problemsOf(account: Account): string[] {
  const problems: string[] = [];
  const postcode = postcodeOf(account);
  const addresses = [account.individualDetails?.address, account.organisationDetails?.address].filter((a) => a !== undefined);
  for (const { line2: town, postcode: code } of addresses) {
    // HMRC's pattern: Agent Authorisation known facts, the agent sign-up journey, SA Test Support business addresses.
    if (!isUkPostcode(code)) problems.push(`postcode ${code} fails HMRC's pattern`);
    if (!OUTWARD_CODES.get(town)?.has(code.split(' ')[0]!)) problems.push(`postcode ${code} is not one of ${town}'s`);
  }
  const nino = account.identifiers.nino;
  if (nino && postcode) {
    const signUp = clientDetailsProblems(nino, postcode);
    if (Object.keys(signUp).length) problems.push(`sign-up client details: ${JSON.stringify(signUp)}`);
  }
  const services: Array<[RelationshipService, string | undefined]> = [['MTD-IT', nino], ['MTD-VAT', account.identifiers.vrn]];
  for (const [service, clientId] of services) {
    if (!clientId) continue;
    // What the test-support known-facts endpoint hands the agent, sent back to create an authorisation request.
    const body = knownFactRequest(service, clientId, { account, knownFact: knownFactOf(account, service) });
    try {
      const data = readClientAccessData(body, { clientType: true, knownFact: true });
      if (!knownFactMatches(service, data.knownFact!, knownFactOf(account, service))) problems.push(`${service} known fact does not match its own record`);
    } catch (e) {
      problems.push(`${service} invitation with the known fact ${body.knownFact}: ${(e as Error).message}`);
    }
  }
  return problems;
}

describe('generated accounts pass every check the emulator applies to them', () => {
  it(`holds for individuals and organisations from ${SEEDS} seeds`, async () => {
    const failures: string[] = [];
    for (let i = 0; i < SEEDS; i++) {
      for (const request of [INDIVIDUAL, ORGANISATION]) {
        const account = await generate(request, `seed-${i}:${request.affinityGroup}`);
        for (const problem of problemsOf(account)) failures.push(`seed ${i} ${request.affinityGroup}: ${problem}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  }, 60_000);

  it('spreads addresses over the post towns, the same for the same seed', async () => {
    const towns = new Set<string>();
    for (let i = 0; i < 500; i++) towns.add((await generate(INDIVIDUAL, `towns-${i}`)).individualDetails!.address.line2);
    expect(towns.size).toBeGreaterThan(POST_TOWNS.length / 2);
    expect((await generate(INDIVIDUAL, 'towns-1')).individualDetails!.address).toEqual((await generate(INDIVIDUAL, 'towns-1')).individualDetails!.address);
  });

  it('finds an address that fails HMRC\'s postcode pattern (the check can fail)', () => {
    const account = { identifiers: { nino: 'AA000017A' }, individualDetails: { firstName: 'A', lastName: 'B', dateOfBirth: '1980-01-01', address: { line1: '1 High St', line2: 'Bromley', postcode: 'BR33 21D' } } } as unknown as Account;
    expect(problemsOf(account)).toEqual([
      "postcode BR33 21D fails HMRC's pattern",
      "postcode BR33 21D is not one of Bromley's",
      'sign-up client details: {"postcode":"Enter a real postcode, like AA1 1AA"}',
      'MTD-IT invitation with the known fact BR33 21D: Postcode must be in the correct format. Check the API documentation to find the correct format.',
    ]);
  });
});
