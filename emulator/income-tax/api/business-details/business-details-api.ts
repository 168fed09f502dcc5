import type { EmulatorContext } from '../../../context.js';
import type { Api, ApiRequest, ApiResponse } from '../../../gateway/api.js';
import { withFraudHeaderCheck } from '../../../apis/fraud-prevention/check.js';
import { requireIncomeTaxAccess, vendorOf } from '../../../mtd/mtd-access.js';
import { mtd, mtdFailures } from '../../../mtd/mtd-errors.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { MtdValidation } from '../../../mtd/mtd-validation.js';
import { disapplyLateAccountingDateRule, retrieveLateAccountingDateRule, withdrawLateAccountingDateRule } from './late-accounting-date-rule.js';
import { createUpdatePeriodsOfAccount, retrievePeriodsOfAccount } from './periods-of-account.js';
import { createAmendQuarterlyPeriodType } from './quarterly-period-type.js';
import { retrieveAccountingType, updateAccountingType } from './accounting-type.js';
import { CANNED_LISTS, cannedBusiness, DEFAULT_BUSINESS_ID, DYNAMIC_IDS, LIST_SCENARIOS, listEntry, RETRIEVE_SCENARIOS } from './business-details-scenarios.js';

/**
 * Business Details (MTD) 2.0: List All Businesses and Retrieve Business Details (`read:self-assessment`), Create
 * and Amend Quarterly Period Type (quarterly-period-type.ts), Retrieve and Update Accounting Type (accounting-type.ts),
 * Create or Update and Retrieve Periods of Account (periods-of-account.ts), the Late Accounting Date Rule election
 * (late-accounting-date-rule.ts). Version 1.0 is retired: as HMRC's 1.0 spec documents, its one path
 * `GET /individuals/business/details/retired` answers 410 Gone, and no 2.0 endpoint answers under 1.0.
 * With no `Gov-Test-Scenario` and `data: sandbox`, HMRC's default: one self-employment business, `XBIS12345678901`
 * (list.yaml, retrieve.yaml "N/A - DEFAULT"). With `STATEFUL` or `data: realistic`, stateful: a signed-up taxpayer
 * starts with one self-employment business (income-tax/default-business.ts), businesses created or deleted through
 * Self Assessment Test Support show up here. The other documented scenarios return HMRC's canned data.
 *
 * Errors: 400 FORMAT_NINO, FORMAT_BUSINESS_ID, RULE_INCORRECT_GOV_TEST_SCENARIO; 403
 * CLIENT_OR_AGENT_NOT_AUTHORISED; 404 MATCHING_RESOURCE_NOT_FOUND "Matching resource not found" when the taxpayer
 * has no business at all, 404 NO_BUSINESS_FOUND "No business found for given NINO and Business ID" when none of
 * their businesses has the ID (as business-details-api's retrieve service filters by ID).
 */
const LADR = '/individuals/business/details/:nino/:businessId/:taxYear/late-accounting-date-rule-election';

export const businessDetailsApi: Api = {
  name: 'Business Details (MTD)',
  context: 'individuals/business/details',
  versions: ['1.0', '2.0'],
  formats: ['json'],
  endpoints: [
    ...withFraudHeaderCheck('business-details-api', [
      { method: 'GET', path: '/individuals/business/details/:nino/list', auth: 'user', scopes: ['read:self-assessment'], handler: list },
      { method: 'GET', path: '/individuals/business/details/:nino/:businessId', auth: 'user', scopes: ['read:self-assessment'], handler: retrieve },
      { method: 'PUT', path: '/individuals/business/details/:nino/:businessId/:taxYear', auth: 'user', scopes: ['write:self-assessment'], handler: createAmendQuarterlyPeriodType },
      { method: 'GET', path: '/individuals/business/details/:nino/:businessId/:taxYear/accounting-type', auth: 'user', scopes: ['read:self-assessment'], handler: retrieveAccountingType },
      { method: 'PUT', path: '/individuals/business/details/:nino/:businessId/:taxYear/accounting-type', auth: 'user', scopes: ['write:self-assessment'], handler: updateAccountingType },
      { method: 'GET', path: '/individuals/business/details/:nino/:businessId/:taxYear/periods-of-account', auth: 'user', scopes: ['read:self-assessment'], handler: retrievePeriodsOfAccount },
      { method: 'PUT', path: '/individuals/business/details/:nino/:businessId/:taxYear/periods-of-account', auth: 'user', scopes: ['write:self-assessment'], handler: createUpdatePeriodsOfAccount },
      { method: 'GET', path: `${LADR}`, auth: 'user', scopes: ['read:self-assessment'], handler: retrieveLateAccountingDateRule },
      { method: 'POST', path: `${LADR}/disapply`, auth: 'user', scopes: ['write:self-assessment'], handler: disapplyLateAccountingDateRule },
      { method: 'DELETE', path: `${LADR}/withdraw`, auth: 'user', scopes: ['write:self-assessment'], handler: withdrawLateAccountingDateRule },
    ]).map((endpoint) => ({ ...endpoint, versions: ['2.0'] })),
    // 1.0 is retired: HMRC's 1.0 spec keeps this one path, answering 410 Gone with no body.
    { method: 'GET', path: '/individuals/business/details/retired', versions: ['1.0'], auth: 'user', scopes: ['read:self-assessment'], handler: () => ({ status: 410 }) },
  ],
};

async function list(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const nino = req.params.nino!;
  const v = new MtdValidation();
  v.nino(nino);
  v.throwIfAny();
  await requireIncomeTaxAccess(ctx, req, nino);
  const scenario = testScenario(req, ctx, LIST_SCENARIOS);
  if (scenario === 'NOT_FOUND') throw mtdFailures.matchingResourceNotFound();
  if (scenario === 'DEFAULT') return { status: 200, body: { listOfBusinesses: [listEntry(cannedBusiness('self-employment', DEFAULT_BUSINESS_ID))] } };
  if (scenario !== 'STATEFUL') return { status: 200, body: { listOfBusinesses: CANNED_LISTS[scenario].map(listEntry) } };
  const state = await ctx.incomeTax.read(vendorOf(req), nino);
  if (!state.businesses.length) throw mtdFailures.matchingResourceNotFound();
  return { status: 200, body: { listOfBusinesses: state.businesses.map((b) => listEntry(b.details)) } };
}

async function retrieve(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const nino = req.params.nino!;
  const businessId = req.params.businessId!;
  const v = new MtdValidation();
  v.nino(nino);
  v.businessId(businessId);
  v.throwIfAny();
  await requireIncomeTaxAccess(ctx, req, nino);
  const scenario = testScenario(req, ctx, RETRIEVE_SCENARIOS);
  switch (scenario) {
    case 'DEFAULT':
      return { status: 200, body: cannedBusiness('self-employment', businessId) };
    case 'NOT_FOUND':
      throw mtdFailures.matchingResourceNotFound();
    case 'PROPERTY':
      return { status: 200, body: cannedBusiness('uk-property', businessId) };
    case 'FOREIGN_PROPERTY':
      return { status: 200, body: cannedBusiness('foreign-property', businessId) };
    case 'UNSPECIFIED':
      return { status: 200, body: cannedBusiness('property-unspecified', businessId) };
    case 'DYNAMIC': {
      const type = DYNAMIC_IDS[businessId];
      if (!type) throw mtdFailures.matchingResourceNotFound();
      return { status: 200, body: cannedBusiness(type, businessId) };
    }
    default: {
      const state = await ctx.incomeTax.read(vendorOf(req), nino);
      if (!state.businesses.length) throw mtdFailures.matchingResourceNotFound();
      const business = state.businesses.find((b) => b.details.businessId === businessId);
      if (!business) throw mtd(404, 'NO_BUSINESS_FOUND', 'No business found for given NINO and Business ID');
      return { status: 200, body: business.details };
    }
  }
}
