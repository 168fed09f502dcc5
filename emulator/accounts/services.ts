import type { AffinityGroup } from './account.js';

/**
 * The services a test user can be created with (api-platform-test-user `ServiceKey.scala`, `Services.all`), the
 * user types allowed for each, and what each generates. `listed: false` marks `tax-free-childcare-payments`: HMRC
 * accepts the key but leaves it out of `GET /create-test-user/services`; the emulator allows it for organisations
 * and generates nothing for it (HMRC's behaviour for it is not published: the emulator's own choice).
 */
export type UserType = 'INDIVIDUAL' | 'ORGANISATION' | 'AGENT';

/** Identifiers a service generates, by their flattened Create Test User response name. */
export type GeneratedField =
  | 'nino'
  | 'saUtr'
  | 'ctUtr'
  | 'crn'
  | 'taxPayerType'
  | 'empRef'
  | 'vrn'
  | 'vatRegistrationDate'
  | 'mtdItId'
  | 'agentServicesAccountNumber'
  | 'agentCode'
  | 'lisaManagerReferenceNumber'
  | 'secureElectronicTransferReferenceNumber'
  | 'pensionSchemeAdministratorIdentifier'
  | 'eoriNumber'
  | 'exciseNumber'
  | 'pillar2Id';

export interface ServiceDefinition {
  key: string;
  name: string;
  allowedUserTypes: UserType[];
  generates: GeneratedField[];
  /** The enrolment granted: its key and the identifiers, each taken from a generated field. */
  enrolment?: { key: string; identifiers: Array<{ key: string; from: GeneratedField | 'taxOfficeNumber' | 'taxOfficeReference' }> };
  listed: boolean;
}

const IND_ORG: UserType[] = ['INDIVIDUAL', 'ORGANISATION'];
const ORG: UserType[] = ['ORGANISATION'];
const eori = (key: string, identifier = 'EORINumber') => ({ key, identifiers: [{ key: identifier, from: 'eoriNumber' as const }] });

/** In HMRC's `Services.all` order (the order `GET /create-test-user/services` lists them). */
export const SERVICES: readonly ServiceDefinition[] = [
  { key: 'national-insurance', name: 'National Insurance', allowedUserTypes: IND_ORG, generates: ['nino'], listed: true },
  { key: 'self-assessment', name: 'Self Assessment', allowedUserTypes: IND_ORG, generates: ['saUtr'], enrolment: { key: 'IR-SA', identifiers: [{ key: 'UTR', from: 'saUtr' }] }, listed: true },
  { key: 'corporation-tax', name: 'Corporation Tax', allowedUserTypes: ORG, generates: ['ctUtr', 'crn'], enrolment: { key: 'IR-CT', identifiers: [{ key: 'UTR', from: 'ctUtr' }] }, listed: true },
  {
    key: 'paye-for-employers',
    name: 'PAYE for Employers',
    allowedUserTypes: ORG,
    generates: ['empRef'],
    enrolment: { key: 'IR-PAYE', identifiers: [{ key: 'TaxOfficeNumber', from: 'taxOfficeNumber' }, { key: 'TaxOfficeReference', from: 'taxOfficeReference' }] },
    listed: true,
  },
  { key: 'submit-vat-returns', name: 'Submit VAT Returns', allowedUserTypes: ORG, generates: ['vrn', 'vatRegistrationDate'], enrolment: { key: 'HMCE-VATDEC-ORG', identifiers: [{ key: 'VATRegNo', from: 'vrn' }] }, listed: true },
  { key: 'mtd-vat', name: 'MTD VAT', allowedUserTypes: IND_ORG, generates: ['vrn', 'vatRegistrationDate'], enrolment: { key: 'HMRC-MTD-VAT', identifiers: [{ key: 'VRN', from: 'vrn' }] }, listed: true },
  { key: 'mtd-income-tax', name: 'MTD Income Tax', allowedUserTypes: IND_ORG, generates: ['nino', 'mtdItId'], enrolment: { key: 'HMRC-MTD-IT', identifiers: [{ key: 'MTDITID', from: 'mtdItId' }] }, listed: true },
  {
    key: 'agent-services',
    name: 'Agent Services',
    allowedUserTypes: ['AGENT'],
    generates: ['agentServicesAccountNumber', 'agentCode'],
    enrolment: { key: 'HMRC-AS-AGENT', identifiers: [{ key: 'AgentReferenceNumber', from: 'agentServicesAccountNumber' }] },
    listed: true,
  },
  { key: 'lisa', name: 'Lifetime ISA', allowedUserTypes: ORG, generates: ['lisaManagerReferenceNumber'], enrolment: { key: 'HMRC-LISA-ORG', identifiers: [{ key: 'ZREF', from: 'lisaManagerReferenceNumber' }] }, listed: true },
  {
    key: 'secure-electronic-transfer',
    name: 'Secure Electronic Transfer',
    allowedUserTypes: ORG,
    generates: ['secureElectronicTransferReferenceNumber'],
    enrolment: { key: 'HMRC-SET-ORG', identifiers: [{ key: 'SRN', from: 'secureElectronicTransferReferenceNumber' }] },
    listed: true,
  },
  {
    key: 'relief-at-source',
    name: 'Relief at Source',
    allowedUserTypes: ORG,
    generates: ['pensionSchemeAdministratorIdentifier'],
    enrolment: { key: 'HMRC-PSA-ORG', identifiers: [{ key: 'PSAID', from: 'pensionSchemeAdministratorIdentifier' }] },
    listed: true,
  },
  { key: 'customs-services', name: 'Customs Services', allowedUserTypes: IND_ORG, generates: ['eoriNumber'], enrolment: eori('HMRC-CUS-ORG'), listed: true },
  { key: 'goods-vehicle-movements', name: 'Goods Vehicle Services', allowedUserTypes: IND_ORG, generates: ['eoriNumber'], enrolment: eori('HMRC-GVMS-ORG'), listed: true },
  // HMRC lists it for organisations only, though the individuals request schema accepts it.
  { key: 'import-control-system', name: 'Import Control System', allowedUserTypes: ORG, generates: ['eoriNumber'], enrolment: eori('HMRC-ICS-ORG', 'EoriTin'), listed: true },
  {
    key: 'common-transit-convention-traders-legacy',
    name: 'Common Transit Convention Traders Legacy',
    allowedUserTypes: IND_ORG,
    generates: ['eoriNumber'],
    enrolment: eori('HMCE-NCTS-ORG', 'VATRegNoTURN'),
    listed: true,
  },
  { key: 'common-transit-convention-traders', name: 'Common Transit Convention Traders', allowedUserTypes: IND_ORG, generates: ['eoriNumber'], enrolment: eori('HMRC-CTC-ORG'), listed: true },
  { key: 'safety-and-security', name: 'Safety and Security', allowedUserTypes: ORG, generates: ['eoriNumber'], enrolment: eori('HMRC-SS-ORG'), listed: true },
  {
    key: 'excise-movement-control-system',
    name: 'Excise Movement Control System',
    allowedUserTypes: ORG,
    generates: ['exciseNumber'],
    enrolment: { key: 'HMRC-EMCS-ORG', identifiers: [{ key: 'ExciseNumber', from: 'exciseNumber' }] },
    listed: true,
  },
  { key: 'modernisation-of-authorisations', name: 'Modernisation of Authorisations', allowedUserTypes: ORG, generates: ['eoriNumber'], enrolment: eori('HMRC-MA-ORG'), listed: true },
  {
    key: 'pillar-2',
    name: 'Pillar 2',
    allowedUserTypes: ['ORGANISATION', 'AGENT'],
    generates: ['pillar2Id'],
    enrolment: { key: 'HMRC-PILLAR2-ORG', identifiers: [{ key: 'PLRID', from: 'pillar2Id' }] },
    listed: true,
  },
  { key: 'tax-free-childcare-payments', name: 'Tax Free Childcare Payments', allowedUserTypes: ORG, generates: [], listed: false },
];

export function findService(key: string): ServiceDefinition | undefined {
  return SERVICES.find((s) => s.key === key);
}

export function userTypeOf(affinityGroup: AffinityGroup): UserType {
  return affinityGroup === 'Individual' ? 'INDIVIDUAL' : affinityGroup === 'Organisation' ? 'ORGANISATION' : 'AGENT';
}
