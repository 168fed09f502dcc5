import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../../../context.js';
import type { Api, ApiRequest, ApiResponse } from '../../../gateway/api.js';
import { calculationDocument, calculationListEntry } from '../../calculation-document.js';
import type { Calculation, CalculationType, TriggerCalculationType } from '../../model.js';
import { summariesForYear, yearAdjustments } from '../../year-summaries.js';
import { withFraudHeaderCheck } from '../../../apis/fraud-prevention/check.js';
import { requireIncomeTaxAccess, vendorOf } from '../../../mtd/mtd-access.js';
import { mtdFailures, type MtdErrorDetail } from '../../../mtd/mtd-errors.js';
import { taxYearEnded } from '../../tax-year.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { MtdValidation, queryParam } from '../../../mtd/mtd-validation.js';
import {
  calculationErrors,
  cannedCalculationTime,
  DEFAULT_CALCULATION_ID,
  DEFAULT_PROFIT,
  EXAMPLE_PROFIT,
  LIST_SCENARIOS,
  RETRIEVE_SCENARIOS,
  SUBMIT_SCENARIOS,
  TRIGGER_SCENARIOS,
} from './calculation-scenarios.js';

/**
 * Individual Calculations (MTD) 8.0: trigger (`write:self-assessment`, 202 `{calculationId}`), list and
 * retrieve (`read:self-assessment`), submit a final declaration (`write:self-assessment`, 204).
 *
 * Asynchronous, as HMRC's is: "wait at least 5 seconds before calling the retrieval endpoint". A
 * calculation is ready {@link CALCULATION_DELAY_MS} after it was triggered, on the virtual clock; until
 * then retrieve answers as HMRC documents for an unfinished calculation, 404 MATCHING_RESOURCE_NOT_FOUND,
 * list leaves it out, and submitting a final declaration against it is 400 RULE_FINAL_DECLARATION_IN_PROGRESS.
 *
 * No `Gov-Test-Scenario` with `data: sandbox`: HMRC's default, canned (calculation-scenarios.ts). Stateful with
 * `data: realistic` or `STATEFUL` (an emulator extension: HMRC documents no stateful calculations).
 * Stateful rules (the emulator's choices where HMRC's sandbox is stateless): intent-to-finalise needs the
 * tax year to have ended; nothing but intent-to-amend after a final declaration
 * (RULE_FINAL_DECLARATION_RECEIVED); intent-to-amend needs a declaration (RULE_DECLARATION_NOT_RECEIVED) and
 * a tax year from 2025-26 (RULE_CALCULATION_TYPE_NOT_ALLOWED); a final declaration needs the latest
 * intent-to-finalise calculation of the year (404 otherwise) and no submission since it was triggered
 * (RULE_RECENT_SUBMISSIONS_EXIST). Supporting agents may use none of these endpoints: HMRC's service configures
 * `supporting-agent-endpoints` trigger, list, retrieve and submit all `false`.
 * The minimum tax year is 2017-18 (HMRC's trigger validator). Finalising before the year ends is
 * RULE_TAX_YEAR_NOT_ENDED up to 2024-25 and RULE_PREMATURE_FINALISATION from 2025-26, as HMRC maps its two
 * downstream systems' errors; confirming an amendment before 2025-26 is RULE_SUBMISSION_FAILED (HMRC's rules
 * validator). HMRC's `TaxYear.year` is the year a tax year ends, so its `<= 2025` means up to 2024-25.
 */
const CALCULATION_DELAY_MS = 5_000;
const MINIMUM_TAX_YEAR = 2017;
const CALCULATION_ID = /^([0-9]{8}|[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/;
const TRIGGER_TYPES: readonly TriggerCalculationType[] = ['in-year', 'intent-to-finalise', 'intent-to-amend'];
const LIST_TYPES: readonly CalculationType[] = ['in-year', 'intent-to-finalise', 'intent-to-amend', 'final-declaration', 'confirm-amendment'];
const BASE = '/individuals/calculations/:nino/self-assessment/:taxYear';

export const individualCalculationsApi: Api = {
  name: 'Individual Calculations (MTD)',
  context: 'individuals/calculations',
  versions: ['8.0'],
  formats: ['json'],
  endpoints: withFraudHeaderCheck('individual-calculations-api', [
    { method: 'POST', path: `${BASE}/trigger/:calculationType`, auth: 'user', scopes: ['write:self-assessment'], handler: trigger },
    { method: 'GET', path: BASE, auth: 'user', scopes: ['read:self-assessment'], handler: list },
    { method: 'GET', path: `${BASE}/:calculationId`, auth: 'user', scopes: ['read:self-assessment'], handler: retrieve },
    { method: 'POST', path: `${BASE}/:calculationId/:calculationType`, auth: 'user', scopes: ['write:self-assessment'], handler: submitFinalDeclaration },
  ]),
};

const formatCalculationType: MtdErrorDetail = { code: 'FORMAT_CALCULATION_TYPE', message: 'The provided calculation type is not valid' };
const formatCalculationId: MtdErrorDetail = { code: 'FORMAT_CALCULATION_ID', message: 'The provided calculationId is invalid' };

async function ninoAndAccess(req: ApiRequest, ctx: EmulatorContext): Promise<{ nino: string; requestedBy: 'customer' | 'agent' }> {
  const nino = req.params.nino!;
  const v = new MtdValidation();
  v.nino(nino);
  v.throwIfAny();
  const { requestedBy } = await requireIncomeTaxAccess(ctx, req, nino, { mainAgentOnly: true });
  return { nino, requestedBy };
}

async function trigger(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, requestedBy } = await ninoAndAccess(req, ctx);
  const v = new MtdValidation();
  const taxYear = v.taxYear(req.params.taxYear!, { minimum: MINIMUM_TAX_YEAR, rangeMessage: 'Tax year range invalid. A tax year range of one year is required' });
  const calculationType = req.params.calculationType as TriggerCalculationType;
  if (!TRIGGER_TYPES.includes(calculationType)) v.add(formatCalculationType);
  v.throwIfAny();
  const scenario = testScenario(req, ctx, TRIGGER_SCENARIOS);
  if (scenario === 'DEFAULT') return { status: 202, body: { calculationId: DEFAULT_CALCULATION_ID } };
  if (scenario !== 'STATEFUL') throw calculationErrors[scenario]();

  const now = ctx.clock.now();
  const calculationId = await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    const declared = state.finalDeclarations.some((d) => d.taxYear === taxYear!);
    if (calculationType === 'intent-to-amend') {
      if (taxYear! < 2025) throw calculationErrors.CALCULATION_TYPE_NOT_ALLOWED();
      if (!declared) throw calculationErrors.DECLARATION_NOT_RECEIVED();
    } else {
      if (declared) throw calculationErrors.FINAL_DECLARATION_RECEIVED();
      if (calculationType === 'intent-to-finalise' && !taxYearEnded(taxYear!, now)) {
        throw taxYear! >= 2025 ? calculationErrors.PREMATURE_FINALISATION() : calculationErrors.TAX_YEAR_NOT_ENDED();
      }
    }
    const calculation: Calculation = {
      calculationId: randomUUID(),
      taxYear: taxYear!,
      calculationType,
      requestedBy,
      requestedAt: now,
      readyAt: now + CALCULATION_DELAY_MS,
      summaries: summariesForYear(state, taxYear!),
      annuals: (state.annual ?? []).filter((a) => a.taxYear === taxYear),
      businesses: state.businesses.map((b) => b.details),
      ...yearAdjustments(state, taxYear!),
    };
    state.calculations.push(calculation);
    return calculation.calculationId;
  });
  return { status: 202, body: { calculationId } };
}

async function list(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino } = await ninoAndAccess(req, ctx);
  const v = new MtdValidation();
  const taxYear = v.taxYear(req.params.taxYear!, { minimum: MINIMUM_TAX_YEAR, rangeMessage: 'Tax year range invalid. A tax year range of one year is required' });
  const type = queryParam(req.query, 'calculationType');
  if (type !== undefined && !LIST_TYPES.includes(type as CalculationType)) v.add(formatCalculationType);
  v.throwIfAny();
  if ((type === 'intent-to-amend' || type === 'confirm-amendment') && taxYear! < 2025) throw calculationErrors.CALCULATION_TYPE_NOT_ALLOWED();
  const scenario = testScenario(req, ctx, LIST_SCENARIOS);
  if (scenario === 'NOT_FOUND') throw mtdFailures.matchingResourceNotFound();
  const now = ctx.clock.now();
  if (scenario === 'DYNAMIC' || scenario === 'DEFAULT') {
    const id = scenario === 'DEFAULT' ? DEFAULT_CALCULATION_ID : '00000000-0000-4000-8000-000000000000';
    const canned = dynamicCalculation(taxYear!, id, cannedCalculationTime(taxYear!), scenario === 'DEFAULT' ? DEFAULT_PROFIT : 0);
    return { status: 200, body: { calculations: [calculationListEntry({ ...canned, calculationType: 'in-year' }, nino)] } };
  }
  const state = await ctx.incomeTax.read(vendorOf(req), nino);
  const calculations = state.calculations
    .filter((c) => c.taxYear === taxYear && c.readyAt <= now && (!type || c.calculationType === type))
    .map((c) => calculationListEntry(c, nino));
  if (!calculations.length) throw mtdFailures.matchingResourceNotFound();
  return { status: 200, body: { calculations } };
}

async function retrieve(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino } = await ninoAndAccess(req, ctx);
  const v = new MtdValidation();
  const taxYear = v.taxYear(req.params.taxYear!, { minimum: MINIMUM_TAX_YEAR, rangeMessage: 'Tax year range invalid. A tax year range of one year is required' });
  const calculationId = req.params.calculationId!;
  if (!CALCULATION_ID.test(calculationId)) v.add(formatCalculationId);
  v.throwIfAny();
  const scenario = testScenario(req, ctx, RETRIEVE_SCENARIOS);
  const now = ctx.clock.now();
  switch (scenario) {
    case 'STATEFUL':
      break;
    case 'DEFAULT':
      return { status: 200, body: calculationDocument(dynamicCalculation(taxYear!, calculationId, cannedCalculationTime(taxYear!), DEFAULT_PROFIT), nino) };
    case 'NOT_FOUND':
      throw mtdFailures.matchingResourceNotFound();
    case 'DYNAMIC':
      if (taxYear! < 2023) throw mtdFailures.incorrectGovTestScenario();
      return { status: 200, body: calculationDocument(dynamicCalculation(taxYear!, calculationId, now, 30_000), nino) };
    case 'ERROR_MESSAGES_EXIST': {
      const doc = calculationDocument(dynamicCalculation(taxYear!, calculationId, now), nino) as Record<string, unknown>;
      return {
        status: 200,
        body: { metadata: doc.metadata, inputs: doc.inputs, messages: { errors: [{ id: 'C55012', text: 'The submission for the period has been rejected as it is not valid' }] } },
      };
    }
    default:
      return { status: 200, body: calculationDocument(dynamicCalculation(taxYear!, calculationId, now, EXAMPLE_PROFIT[scenario]), nino) };
  }
  const state = await ctx.incomeTax.read(vendorOf(req), nino);
  const calc = state.calculations.find((c) => c.calculationId === calculationId && c.taxYear === taxYear);
  if (!calc || calc.readyAt > now) throw mtdFailures.matchingResourceNotFound();
  return { status: 200, body: calculationDocument(calc, nino) };
}

async function submitFinalDeclaration(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, requestedBy } = await ninoAndAccess(req, ctx);
  const v = new MtdValidation();
  const taxYear = v.taxYear(req.params.taxYear!, { minimum: MINIMUM_TAX_YEAR, rangeMessage: 'Tax year range invalid. A tax year range of one year is required' });
  const calculationId = req.params.calculationId!;
  if (!CALCULATION_ID.test(calculationId)) v.add(formatCalculationId);
  const type = req.params.calculationType as 'final-declaration' | 'confirm-amendment';
  if (type !== 'final-declaration' && type !== 'confirm-amendment') v.add(formatCalculationType);
  v.throwIfAny();
  if (type === 'confirm-amendment' && taxYear! < 2025) throw calculationErrors.SUBMISSION_FAILED();
  const scenario = testScenario(req, ctx, SUBMIT_SCENARIOS);
  if (scenario === 'NOT_FOUND') throw mtdFailures.matchingResourceNotFound();
  if (scenario === 'DEFAULT') return { status: 204 };
  if (scenario !== 'STATEFUL') throw calculationErrors[scenario]();

  const now = ctx.clock.now();
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    const ofYear = state.calculations.filter((c) => c.taxYear === taxYear);
    const calc = ofYear.find((c) => c.calculationId === calculationId);
    const intent = type === 'final-declaration' ? 'intent-to-finalise' : 'intent-to-amend';
    if (!calc || calc.calculationType !== intent) throw mtdFailures.matchingResourceNotFound();
    if (calc.readyAt > now) throw calculationErrors.FINAL_DECLARATION_IN_PROGRESS();
    const latestIntent = ofYear.filter((c) => c.calculationType === intent).pop();
    if (latestIntent?.calculationId !== calculationId) throw mtdFailures.matchingResourceNotFound();
    const declared = state.finalDeclarations.some((d) => d.taxYear === taxYear);
    if (type === 'final-declaration' && declared) throw calculationErrors.FINAL_DECLARATION_RECEIVED();
    if (type === 'confirm-amendment' && !declared) throw calculationErrors.DECLARATION_NOT_RECEIVED();
    if (!taxYearEnded(taxYear!, now)) throw calculationErrors.FINAL_DECLARATION_TAX_YEAR();
    const resubmitted =
      summariesForYear(state, taxYear!).some((s) => s.submissions.some((sub) => sub.submittedAt > calc.requestedAt)) ||
      (state.annual ?? []).some((a) => a.taxYear === taxYear && a.submittedAt > calc.requestedAt) ||
      Object.values(yearAdjustments(state, taxYear!)).some((list) => list.some((x) => x.submittedAt > calc.requestedAt));
    if (resubmitted) throw calculationErrors.RECENT_SUBMISSIONS_EXIST();
    if (type === 'final-declaration') state.finalDeclarations.push({ taxYear: taxYear!, calculationId, declaredAt: now });
    state.calculations.push({ ...calc, calculationId: randomUUID(), calculationType: type, requestedBy, requestedAt: now, readyAt: now + CALCULATION_DELAY_MS });
  });
  return { status: 204 };
}

/** A calculation over one self-employment business with `profit` of trading income, for the canned scenarios. */
function dynamicCalculation(taxYear: number, calculationId: string, at: number, profit = 0): Calculation {
  const businessId = 'XBIS12345678901';
  return {
    calculationId,
    taxYear,
    calculationType: 'in-year',
    requestedBy: 'customer',
    requestedAt: at,
    readyAt: at,
    businesses: [{ businessId, typeOfBusiness: 'self-employment', tradingName: 'ABC Ltd.' }],
    summaries: profit
      ? [{ businessId, taxYear, submissions: [], body: { periodDates: { periodStartDate: `${taxYear}-04-06`, periodEndDate: `${taxYear + 1}-04-05` }, periodIncome: { turnover: profit, other: 0 }, periodExpenses: { consolidatedExpenses: 0 } } }]
      : [],
  };
}
