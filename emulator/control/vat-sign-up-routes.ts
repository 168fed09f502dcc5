import type { EmulatorContext } from '../context.js';
import { BUSINESS_TYPES, type BusinessType } from '../vat/sign-up/vat-sign-up.js';
import { VatSignUpError } from '../vat/sign-up/vat-sign-up-error.js';
import { checkEmail, checkVrn } from '../vat/sign-up/validate.js';
import type { ControlRoute } from './route-table.js';
import * as s from './schemas.js';

const vatSignUp = s.object(
  { id: s.str, vrn: s.str, status: { enum: ['pending', 'approved'] }, userId: s.str, businessType: { enum: BUSINESS_TYPES.map((t) => t.id) }, businessName: s.str, companyNumber: s.str, email: s.str, contactPreference: { enum: ['digital', 'paper'] }, submittedAt: s.time, approvalDueAt: s.time, approvedAt: s.time },
  ['companyNumber', 'approvedAt'],
);
const refused = { description: 'Refused: `error` is one of invalid_request, not_found, wrong_account_type, already_signed_up, sign_up_pending', schema: s.controlError };

/**
 * The headless equivalent of the Making Tax Digital for VAT sign-up pages (docs/vat-sign-up.md): one call signs a
 * VRN up, as the pages would after the known-facts check; `approve: true` approves at once, `after` sets the delay
 * (default 72 hours on the virtual clock). Errors are `{"error": code, "message": …}` (VatSignUpError's codes).
 */
export function vatSignUpControlRoutes(ctx: EmulatorContext): ControlRoute[] {
  return [
    {
      method: 'get',
      path: '/vat/{vrn}/sign-up',
      tag: 'sign-ups',
      summary: 'The latest Making Tax Digital for VAT sign-up of a VRN, approvals due by now applied',
      params: { vrn: 'the VAT registration number' },
      responses: { 200: s.ok(vatSignUp), 404: refused },
      handler: async (req, res) => {
        await ctx.vatSignUps.settleDue();
        const signUp = (await ctx.vatSignUps.list({ vrn: String(req.params.vrn) })).at(-1);
        if (!signUp) throw new VatSignUpError('not_found', `no VAT sign-up for ${String(req.params.vrn).slice(0, 20)}`);
        res.json(signUp);
      },
    },
    {
      method: 'post',
      path: '/vat/{vrn}/sign-up',
      tag: 'sign-ups',
      summary: 'Signs a VRN up for Making Tax Digital for VAT in one call, as the pages would; `approve: true` approves at once',
      params: { vrn: 'the VAT registration number (nine digits with valid check digits)' },
      body: s.object(
        { userId: s.str, businessType: { enum: BUSINESS_TYPES.map((t) => t.id) }, businessName: s.str, companyNumber: s.str, email: s.str, contactPreference: { enum: ['digital', 'paper'] }, approve: s.bool, after: { type: 'string', description: 'ISO-8601 duration until approval, PT0S to P3D (default P3D)' } },
        ['userId', 'businessType', 'businessName', 'companyNumber', 'email', 'contactPreference', 'approve', 'after'],
      ),
      responses: { 201: s.created(vatSignUp), 400: refused, 403: refused, 404: refused, 409: refused },
      handler: async (req, res) => {
        const vrn = checkVrn(String(req.params.vrn));
        if ('problem' in vrn) throw new VatSignUpError('invalid_request', `vrn: ${vrn.problem}`);
        const body = objectBody(req.body);
        const userId = optionalString(body, 'userId');
        const account = userId ? await ctx.accounts.find(userId) : (await ctx.vatSignUps.knownFacts(vrn.value))?.owner;
        if (!account) throw new VatSignUpError('not_found', userId ? `no account ${userId.slice(0, 40)}` : `no account is registered with VRN ${vrn.value}; give userId`);
        if (account.affinityGroup === 'Agent') throw new VatSignUpError('wrong_account_type', `${account.userId} is an agent; a business signs itself up`);
        const businessType = (optionalString(body, 'businessType') ?? (account.affinityGroup === 'Individual' ? 'sole-trader' : 'limited-company')) as BusinessType;
        if (!BUSINESS_TYPES.some((t) => t.id === businessType)) throw new VatSignUpError('invalid_request', `businessType must be one of ${BUSINESS_TYPES.map((t) => t.id).join(', ')}`);
        const email = checkEmail(optionalString(body, 'email') ?? account.emailAddress);
        if ('problem' in email) throw new VatSignUpError('invalid_request', `email: ${email.problem}`);
        const contactPreference = optionalString(body, 'contactPreference') ?? 'digital';
        if (contactPreference !== 'digital' && contactPreference !== 'paper') throw new VatSignUpError('invalid_request', 'contactPreference must be "digital" or "paper"');
        if (body.approve !== undefined && typeof body.approve !== 'boolean') throw new VatSignUpError('invalid_request', 'approve must be true or false');
        const after = body.approve === true ? 'PT0S' : optionalString(body, 'after');
        const signUp = await ctx.vatSignUps.submit({
          account,
          vrn: vrn.value,
          businessType,
          businessName: optionalString(body, 'businessName') ?? account.organisationDetails?.name ?? account.userFullName,
          companyNumber: optionalString(body, 'companyNumber'),
          email: email.value,
          contactPreference,
          after,
        });
        res.status(201).json(signUp);
      },
    },
  ];
}

function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new VatSignUpError('invalid_request', 'the body must be a JSON object');
  return body as Record<string, unknown>;
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > 254) throw new VatSignUpError('invalid_request', `${name} must be a string of at most 254 characters`);
  return value;
}
