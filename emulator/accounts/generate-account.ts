import type { Account, AffinityGroup, Enrolment } from './account.js';
import { fakeOrganisationAddress, emailFor, fakePerson } from './fake-person.js';
import { generateAgentCode } from './identifiers/agent-code.js';
import { generateArn } from './identifiers/arn.js';
import { generateCrn } from './identifiers/crn.js';
import { generateEmpRef, splitEmpRef } from './identifiers/emp-ref.js';
import { generateEoriNumber, isValidEoriNumber } from './identifiers/eori-number.js';
import { generateExciseNumber, isValidExciseNumber } from './identifiers/excise-number.js';
import { generateGroupIdentifier } from './identifiers/group-identifier.js';
import { generateLisaManagerReferenceNumber } from './identifiers/lisa-manager-reference-number.js';
import { generateMtdItId } from './identifiers/mtd-it-id.js';
import { generateNino, isValidNino } from './identifiers/nino.js';
import { generatePensionSchemeAdministratorIdentifier } from './identifiers/pension-scheme-administrator-identifier.js';
import { generatePillar2Id, isValidPillar2Id } from './identifiers/pillar2-id.js';
import { UPPER, DIGITS, type Prng } from './identifiers/prng.js';
import { generateSecureElectronicTransferReferenceNumber } from './identifiers/secure-electronic-transfer-reference-number.js';
import { generatePassword } from './identifiers/test-user-password.js';
import { generateUserId } from './identifiers/user-id.js';
import { generateCtUtr, generateSaUtr } from './identifiers/utr.js';
import { generateVatRegistrationDate } from './identifiers/vat-registration-date.js';
import { generateVrn } from './identifiers/vrn.js';
import { hashPassword, NOT_YET_HASHED } from './password.js';
import { findService, userTypeOf, type GeneratedField } from './services.js';

/**
 * Builds a Government Gateway account the way api-platform-test-user's `Generator` does: the identifiers for each
 * requested service (checksum-valid, unique among existing accounts), the enrolments they grant, a 12-digit user
 * ID and a 12-character password. Used by persona seeding and by the Create Test User API.
 */
export interface AccountRequest {
  affinityGroup: AffinityGroup;
  serviceNames: string[];
  /** Caller-supplied identifiers (Create Test User request body), used instead of generated ones. */
  nino?: string | undefined;
  eoriNumber?: string | undefined;
  exciseNumber?: string | undefined;
  pillar2Id?: string | undefined;
  /** Organisations with self-assessment: `Individual` (default) or `Partnership`. */
  taxPayerType?: string | undefined;
}

export interface AccountOptions {
  prng: Prng;
  today: Date;
  /** Whether an identifier value is already used by another account (HMRC checks each in Mongo). */
  taken: (key: string, value: string) => Promise<boolean>;
  userIdTaken: (userId: string) => Promise<boolean>;
  /** Fixed user ID / password (named personas may declare them); generated when absent. */
  userId?: string | undefined;
  password?: string | undefined;
  /**
   * Leave `passwordHash` as {@link NOT_YET_HASHED}: the caller hashes the password itself (seeding hashes all
   * personas' passwords at once). By default the account comes back hashed.
   */
  deferHashing?: boolean;
}

export type AccountRequestErrorCode = 'UNKNOWN_SERVICE' | 'SERVICE_NOT_ALLOWED' | 'INVALID_IDENTIFIER' | 'NINO_ALREADY_USED' | 'PILLAR2_ID_ALREADY_USED';

/** A request that cannot be honoured; the Create Test User API renders it, seeding reports it with the persona's path. */
export class AccountRequestError extends Error {
  constructor(
    readonly code: AccountRequestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AccountRequestError';
  }
}

const TAX_PAYER_TYPES = ['Individual', 'Partnership'];

export async function generateAccount(request: AccountRequest, options: AccountOptions): Promise<{ account: Account; password: string }> {
  const { prng, today } = options;
  const userType = userTypeOf(request.affinityGroup);
  const services = [...new Set(request.serviceNames)].map((key) => {
    const service = findService(key);
    if (!service) throw new AccountRequestError('UNKNOWN_SERVICE', `Unknown service name: ${JSON.stringify(key.slice(0, 100))}`);
    if (!service.allowedUserTypes.includes(userType)) {
      throw new AccountRequestError('SERVICE_NOT_ALLOWED', `Service ${key} is not available to ${userType} test users (allowed: ${service.allowedUserTypes.join(', ')})`);
    }
    return service;
  });
  await checkSupplied(request, options);

  const wanted = new Set(services.flatMap((s) => s.generates));
  const fields: Partial<Record<GeneratedField, string>> = {};
  const unique = async (key: GeneratedField, generate: () => string): Promise<string> => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const value = generate();
      if (!(await options.taken(key, value))) return value;
    }
    throw new Error(`could not generate a unique ${key}`);
  };

  // The order is fixed so that the same PRNG always gives the same identifiers.
  if (wanted.has('nino')) fields.nino = request.nino ?? (await unique('nino', () => generateNino(prng)));
  if (wanted.has('saUtr')) fields.saUtr = await unique('saUtr', () => generateSaUtr(prng));
  if (wanted.has('saUtr') && userType === 'ORGANISATION') fields.taxPayerType = request.taxPayerType ?? 'Individual';
  if (wanted.has('ctUtr')) fields.ctUtr = await unique('ctUtr', () => generateCtUtr(prng));
  if (wanted.has('crn')) fields.crn = await unique('crn', () => generateCrn(prng));
  if (wanted.has('empRef')) fields.empRef = await unique('empRef', () => generateEmpRef(prng));
  if (wanted.has('vrn')) fields.vrn = await unique('vrn', () => generateVrn(prng));
  if (wanted.has('vatRegistrationDate')) fields.vatRegistrationDate = generateVatRegistrationDate(prng, today);
  if (wanted.has('mtdItId')) fields.mtdItId = await unique('mtdItId', () => generateMtdItId(prng));
  if (wanted.has('agentServicesAccountNumber')) fields.agentServicesAccountNumber = await unique('agentServicesAccountNumber', () => generateArn(prng));
  if (wanted.has('agentCode')) fields.agentCode = await unique('agentCode', () => generateAgentCode(prng));
  if (wanted.has('lisaManagerReferenceNumber')) fields.lisaManagerReferenceNumber = await unique('lisaManagerReferenceNumber', () => generateLisaManagerReferenceNumber(prng));
  // HMRC picks the SET reference from a fixed list of 14 and does not check it is unique.
  if (wanted.has('secureElectronicTransferReferenceNumber')) fields.secureElectronicTransferReferenceNumber = generateSecureElectronicTransferReferenceNumber(prng);
  if (wanted.has('pensionSchemeAdministratorIdentifier')) {
    fields.pensionSchemeAdministratorIdentifier = await unique('pensionSchemeAdministratorIdentifier', () => generatePensionSchemeAdministratorIdentifier(prng));
  }
  if (wanted.has('eoriNumber')) fields.eoriNumber = request.eoriNumber ?? (await unique('eoriNumber', () => generateEoriNumber(prng)));
  if (wanted.has('exciseNumber')) fields.exciseNumber = request.exciseNumber ?? (await unique('exciseNumber', () => generateExciseNumber(prng)));
  if (wanted.has('pillar2Id')) fields.pillar2Id = request.pillar2Id ?? (await unique('pillar2Id', () => generatePillar2Id(prng)));

  let userId = options.userId;
  for (let attempt = 0; userId === undefined; attempt++) {
    const candidate = generateUserId(prng);
    if (!(await options.userIdTaken(candidate))) userId = candidate;
    else if (attempt > 100) throw new Error('could not generate a unique user ID');
  }
  const password = options.password ?? generatePassword(prng);
  const groupIdentifier = generateGroupIdentifier(prng);
  const person = fakePerson(prng, today);
  const organisationName = `Company ${prng.chars(UPPER + DIGITS, 6)}`;
  const organisationAddress = fakeOrganisationAddress(prng);

  const enrolments: Enrolment[] = [];
  const lookup = (from: string): string => {
    if (from === 'taxOfficeNumber' || from === 'taxOfficeReference') return splitEmpRef(fields.empRef ?? '')[from];
    return fields[from as GeneratedField] ?? '';
  };
  for (const service of services) {
    if (!service.enrolment || enrolments.some((e) => e.key === service.enrolment!.key)) continue;
    enrolments.push({ key: service.enrolment.key, identifiers: service.enrolment.identifiers.map((i) => ({ key: i.key, value: lookup(i.from) })) });
  }

  const account: Account = {
    userId,
    passwordHash: options.deferHashing ? NOT_YET_HASHED : await hashPassword(password),
    affinityGroup: request.affinityGroup,
    userFullName: `${person.firstName} ${person.lastName}`,
    emailAddress: emailFor(person.firstName, person.lastName),
    groupIdentifier,
    // HMRC gives organisations individual details too (a contact person, here at the organisation's address, so
    // known-fact checks by postcode give one answer); agents have none.
    individualDetails: userType === 'INDIVIDUAL' ? person : userType === 'ORGANISATION' ? { ...person, address: organisationAddress } : undefined,
    organisationDetails: userType === 'ORGANISATION' ? { name: organisationName, address: organisationAddress } : undefined,
    serviceNames: services.map((s) => s.key),
    identifiers: fields as Record<string, string>,
    enrolments,
    confidenceLevel: 250,
  };
  return { account, password };
}

async function checkSupplied(request: AccountRequest, options: AccountOptions): Promise<void> {
  const invalid = (what: string, value: string) => new AccountRequestError('INVALID_IDENTIFIER', `The ${what} ${JSON.stringify(value.slice(0, 100))} is not valid`);
  if (request.nino !== undefined) {
    if (!isValidNino(request.nino)) throw invalid('nino', request.nino);
    if (await options.taken('nino', request.nino)) throw new AccountRequestError('NINO_ALREADY_USED', 'The nino specified has already been used');
  }
  if (request.eoriNumber !== undefined && !isValidEoriNumber(request.eoriNumber)) throw invalid('eoriNumber', request.eoriNumber);
  if (request.exciseNumber !== undefined && !isValidExciseNumber(request.exciseNumber)) throw invalid('exciseNumber', request.exciseNumber);
  if (request.pillar2Id !== undefined) {
    if (!isValidPillar2Id(request.pillar2Id)) throw invalid('pillar2Id', request.pillar2Id);
    if (await options.taken('pillar2Id', request.pillar2Id)) throw new AccountRequestError('PILLAR2_ID_ALREADY_USED', 'The pillar2Id specified has already been used');
  }
  if (request.taxPayerType !== undefined && !TAX_PAYER_TYPES.includes(request.taxPayerType)) throw invalid('taxPayerType (Individual or Partnership)', request.taxPayerType);
}
