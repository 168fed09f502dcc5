import { randomInt } from 'node:crypto';
import type { EmulatorContext } from '../../../context.js';
import type { Api, ApiRequest, ApiResponse } from '../../../gateway/api.js';
import { mtd, mtdErrors, mtdFailures } from '../../../mtd/mtd-errors.js';
import { vendorOf } from '../../../mtd/mtd-access.js';
import { MtdValidation, queryParam } from '../../../mtd/mtd-validation.js';
import { defaultBusiness } from '../../default-business.js';
import type { TaxpayerState } from '../../model.js';
import { parseCreateBusiness } from './create-business-body.js';
import { parseItsaStatus } from './itsa-status-body.js';
import { withTestSupportCaller } from './test-support-caller.js';

/**
 * Self Assessment Test Support (MTD) 1.0: sandbox set-up for stateful Income Tax testing. HMRC keeps this
 * data per vendor (developer application), so every endpoint acts on the calling application's data for
 * any NINO. The endpoints take an application token (as libmtdac uses them) or a user token of a signed-up
 * taxpayer or an agent (as HMRC's service authorises them: test-support-caller.ts), and need the
 * `write:self-assessment` scope (`read:self-assessment` to list checkpoints), as HMRC's spec lists.
 *
 * - POST `business/{nino}` → 201 `{businessId}` (the first replaces the taxpayer's unused default business);
 *   DELETE `business/{nino}/{businessId}` → 204.
 * - POST `itsa-status/{nino}/{taxYear}` → 204: sets the test ITSA status for the year (replacing any earlier
 *   one); the latest by `submittedOn` decides how cumulative summaries are checked (Self Employment API).
 * - DELETE `vendor-state[?nino=]` → 204: forgets the vendor's stored Income Tax data (all, or one NINO);
 *   404 MATCHING_RESOURCE_NOT_FOUND when there is none. Checkpoints are kept, as HMRC says.
 * - POST `vendor-state/checkpoints?nino=` → 201 `{checkpointId}` (404 when nothing is stored for the NINO);
 *   GET `vendor-state/checkpoints[?nino=]` → 200 `{checkpoints}`; DELETE `…/{checkpointId}` → 204;
 *   POST `…/{checkpointId}/restore` → 201.
 *
 * HMRC's test businesses are purged after 7 days; the emulator keeps them until reset.
 */
const BASE = '/individuals/self-assessment-test-support';
const write = ['write:self-assessment'];
const CHECKPOINT_ID = /^[A-Za-z0-9-]{36}$/;

export const saTestSupportApi: Api = {
  name: 'Self Assessment Test Support (MTD)',
  context: 'individuals/self-assessment-test-support',
  versions: ['1.0'],
  formats: ['json'],
  endpoints: withTestSupportCaller([
    { method: 'POST', path: `${BASE}/business/:nino`, auth: 'application', scopes: write, handler: createBusiness },
    { method: 'DELETE', path: `${BASE}/business/:nino/:businessId`, auth: 'application', scopes: write, handler: deleteBusiness },
    { method: 'POST', path: `${BASE}/itsa-status/:nino/:taxYear`, auth: 'application', scopes: write, handler: createAmendItsaStatus },
    { method: 'DELETE', path: `${BASE}/vendor-state`, auth: 'application', scopes: write, handler: deleteVendorState },
    { method: 'POST', path: `${BASE}/vendor-state/checkpoints`, auth: 'application', scopes: write, handler: createCheckpoint },
    { method: 'GET', path: `${BASE}/vendor-state/checkpoints`, auth: 'application', scopes: ['read:self-assessment'], handler: listCheckpoints },
    { method: 'DELETE', path: `${BASE}/vendor-state/checkpoints/:checkpointId`, auth: 'application', scopes: write, handler: deleteCheckpoint },
    { method: 'POST', path: `${BASE}/vendor-state/checkpoints/:checkpointId/restore`, auth: 'application', scopes: write, handler: restoreCheckpoint },
  ]),
};

const PROPERTY_TYPES = ['uk-property', 'foreign-property', 'property-unspecified'];

function requireNino(nino: string | null | undefined): string {
  const v = new MtdValidation();
  v.nino(nino ?? '');
  v.throwIfAny();
  return nino!;
}

/** A new business ID: `X` + a letter for the type (B, P, F, A as HMRC's magic IDs use) + `IS` + 11 digits. */
function newBusinessId(type: string): string {
  const letter = { 'self-employment': 'B', 'uk-property': 'P', 'foreign-property': 'F' }[type] ?? 'A';
  return `X${letter}IS${String(randomInt(0, 1e11)).padStart(11, '0')}`;
}

async function createBusiness(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const nino = requireNino(req.params.nino);
  const { details, accountingType } = parseCreateBusiness(req, ctx.clock.now());
  const businessId = await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    if (PROPERTY_TYPES.includes(details.typeOfBusiness) && state.businesses.some((b) => b.details.typeOfBusiness === details.typeOfBusiness)) {
      throw mtdErrors([{ code: 'RULE_PROPERTY_BUSINESS_ADDED', message: 'The provided property business is already added' }]);
    }
    dropUnusedDefaultBusiness(state);
    let id = newBusinessId(details.typeOfBusiness);
    while (state.businesses.some((b) => b.details.businessId === id)) id = newBusinessId(details.typeOfBusiness);
    state.businesses.push({ details: { businessId: id, ...details }, accountingType });
    return id;
  });
  return { status: 201, body: { businessId } };
}

/**
 * The default business stands in for a signed-up taxpayer until the vendor sets up its own: the first business
 * created through test support replaces it, unless something was already submitted against it. (HMRC's stateful
 * sandbox lists only the businesses the vendor created.)
 */
function dropUnusedDefaultBusiness(state: TaxpayerState): void {
  const id = defaultBusiness(state.nino).details.businessId;
  const used = [...state.cumulative, ...(state.periods ?? []), ...(state.annual ?? [])].some((s) => s.businessId === id);
  if (!used) state.businesses = state.businesses.filter((b) => b.details.businessId !== id);
}

async function deleteBusiness(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const nino = req.params.nino!;
  const businessId = req.params.businessId!;
  const v = new MtdValidation();
  v.nino(nino);
  v.businessId(businessId);
  v.throwIfAny();
  const state = await ctx.incomeTax.read(vendorOf(req), nino);
  if (!state.businesses.some((b) => b.details.businessId === businessId)) throw mtdFailures.matchingResourceNotFound();
  await ctx.incomeTax.update(vendorOf(req), nino, (s) => {
    s.businesses = s.businesses.filter((b) => b.details.businessId !== businessId);
  });
  return { status: 204 };
}

async function createAmendItsaStatus(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const nino = req.params.nino!;
  const v = new MtdValidation();
  v.nino(nino);
  const taxYear = v.taxYear(req.params.taxYear!, { rangeMessage: 'The tax year range is invalid' });
  v.throwIfAny();
  const details = parseItsaStatus(req);
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    state.itsaStatuses = [...(state.itsaStatuses ?? []).filter((s) => s.taxYear !== taxYear), { taxYear: taxYear!, details }];
  });
  return { status: 204 };
}

async function deleteVendorState(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const nino = queryParam(req.query, 'nino');
  if (nino !== undefined) requireNino(nino);
  const deleted = await ctx.incomeTax.deleteVendorState(vendorOf(req), nino ?? undefined);
  if (!deleted) throw mtdFailures.matchingResourceNotFound();
  return { status: 204 };
}

async function createCheckpoint(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const nino = requireNino(queryParam(req.query, 'nino'));
  const checkpoint = await ctx.incomeTax.createCheckpoint(vendorOf(req), nino);
  if (!checkpoint) throw mtdFailures.matchingResourceNotFound();
  return { status: 201, body: { checkpointId: checkpoint.checkpointId } };
}

async function listCheckpoints(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const nino = queryParam(req.query, 'nino');
  if (nino !== undefined) requireNino(nino);
  const checkpoints = await ctx.incomeTax.listCheckpoints(vendorOf(req), nino ?? undefined);
  return {
    status: 200,
    body: { checkpoints: checkpoints.map((c) => ({ checkpointId: c.checkpointId, nino: c.nino, checkpointCreationTimestamp: new Date(c.createdAt).toISOString() })) },
  };
}

function requireCheckpointId(id: string): string {
  if (!CHECKPOINT_ID.test(id)) throw mtd(400, 'FORMAT_CHECKPOINT_ID', 'The provided checkpoint ID is invalid');
  return id;
}

async function deleteCheckpoint(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const id = requireCheckpointId(req.params.checkpointId!);
  if (!(await ctx.incomeTax.deleteCheckpoint(vendorOf(req), id))) throw mtdFailures.matchingResourceNotFound();
  return { status: 204 };
}

async function restoreCheckpoint(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const id = requireCheckpointId(req.params.checkpointId!);
  if (!(await ctx.incomeTax.restoreCheckpoint(vendorOf(req), id))) throw mtdFailures.matchingResourceNotFound();
  return { status: 201 };
}
