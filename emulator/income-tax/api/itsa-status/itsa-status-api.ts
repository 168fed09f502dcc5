import type { EmulatorContext } from '../../../context.js';
import type { PlatformCode } from '../../../errors/platform-codes.js';
import type { Api, ApiRequest, ApiResponse } from '../../../gateway/api.js';
import type { ItsaStatusDetail, TaxpayerState } from '../../model.js';
import { withFraudHeaderCheck } from '../../../apis/fraud-prevention/check.js';
import { requireIncomeTaxAccess, vendorOf } from '../../../mtd/mtd-access.js';
import { mtd, mtdFailures } from '../../../mtd/mtd-errors.js';
import { taxYearLabel, taxYearStartDate } from '../../tax-year.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { MtdValidation, queryParam } from '../../../mtd/mtd-validation.js';

/**
 * Self Assessment Individual Details (MTD) 2.0: Retrieve ITSA Status, `GET /individuals/person/itsa-status/{nino}/{taxYear}`
 * (`read:self-assessment`), no minimum tax year. Query `futureYears` and `history` are `true` or `false`
 * (FORMAT_FUTURE_YEARS, FORMAT_HISTORY).
 *
 * No `Gov-Test-Scenario` with `data: sandbox`: HMRC's example status for the year asked for. Stateful with `data:
 * realistic` or `STATEFUL`: the statuses set through SA Test Support's Create and Amend Test ITSA Status. A year with
 * none set reads as MTD Mandated, "Sign up - return available", submitted at the start of the year (the emulator's
 * default for a signed-up taxpayer, as the Self Employment API assumes). Without `history` only the latest detail
 * (by `submittedOn`) is given, with it all of them, newest first; with `futureYears` every later year that has a
 * status set follows. NOT_ENROLLED is 403 CLIENT_NOT_MTD_ENROLLED.
 */
export const itsaStatusApi: Api = {
  name: 'Self Assessment Individual Details (MTD)',
  context: 'individuals/person',
  versions: ['2.0'],
  formats: ['json'],
  endpoints: withFraudHeaderCheck('self-assessment-individual-details-api', [
    { method: 'GET', path: '/individuals/person/itsa-status/:nino/:taxYear', auth: 'user', scopes: ['read:self-assessment'], handler: retrieve },
  ]),
};

const SCENARIOS = ['NOT_FOUND', 'NOT_ENROLLED'] as const;
const EXAMPLE: ItsaStatusDetail = { submittedOn: '2023-05-23T12:29:27.566Z', status: 'No Status', statusReason: 'Sign up - return available', businessIncome2YearsPrior: 99999999999.99 };

function booleanParam(req: ApiRequest, name: string, code: PlatformCode, message: string, v: MtdValidation): boolean {
  const value = queryParam(req.query, name);
  if (value === undefined) return false;
  if (value !== 'true' && value !== 'false') v.add({ code, message });
  return value === 'true';
}

async function retrieve(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const nino = req.params.nino!;
  const v = new MtdValidation();
  v.nino(nino, 'The NINO format is invalid');
  const taxYear = v.taxYear(req.params.taxYear!, { formatMessage: 'The taxYear format is invalid' });
  const futureYears = booleanParam(req, 'futureYears', 'FORMAT_FUTURE_YEARS', 'The provided futureYears value should be true or false', v);
  const history = booleanParam(req, 'history', 'FORMAT_HISTORY', 'The provided history value should be true or false', v);
  v.throwIfAny();
  await requireIncomeTaxAccess(ctx, req, nino);
  const scenario = testScenario(req, ctx, SCENARIOS);
  if (scenario === 'NOT_FOUND') throw mtdFailures.matchingResourceNotFound();
  if (scenario === 'NOT_ENROLLED') throw mtd(403, 'CLIENT_NOT_MTD_ENROLLED', 'The client does not have an active MTD enrolment.');
  if (scenario === 'DEFAULT') return { status: 200, body: { itsaStatuses: [{ taxYear: taxYearLabel(taxYear!), itsaStatusDetails: [EXAMPLE] }] } };
  const state = await ctx.incomeTax.read(vendorOf(req), nino);
  const later = futureYears ? (state.itsaStatuses ?? []).map((s) => s.taxYear).filter((y) => y > taxYear!) : [];
  const years = [taxYear!, ...[...new Set(later)].sort()];
  return { status: 200, body: { itsaStatuses: years.map((year) => ({ taxYear: taxYearLabel(year), itsaStatusDetails: detailsFor(state, year, history) })) } };
}

function detailsFor(state: TaxpayerState, taxYear: number, history: boolean): ItsaStatusDetail[] {
  const set = state.itsaStatuses?.find((s) => s.taxYear === taxYear)?.details ?? [];
  const details = set.length ? [...set].sort((a, b) => b.submittedOn.localeCompare(a.submittedOn)) : [{ submittedOn: `${taxYearStartDate(taxYear)}T00:00:00.000Z`, status: 'MTD Mandated', statusReason: 'Sign up - return available' }];
  return history ? details : details.slice(0, 1);
}
