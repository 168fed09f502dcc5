import { isValidNino } from '../accounts/identifiers/nino.js';
import { isoDate } from '../income-tax/tax-year.js';
import { isValidDate } from '../mtd/mtd-validation.js';
import type { EmulatorContext } from '../context.js';
import type { SaPayment } from '../income-tax/model.js';
import { ControlError } from '../errors/control-error.js';
import type { ControlRoute } from './route-table.js';
import * as s from './schemas.js';

/**
 * Control-API shortcuts for Income Tax state HMRC's APIs cannot write (docs/income-tax.md, decision 0011): a payment
 * the taxpayer made to HMRC, which the Self Assessment Accounts API then shows allocated to the charges their final
 * declarations made. State is per vendor, so the route names the application (`clientId`) whose sandbox data it
 * changes, as Delete Stateful Test Data does.
 */
const payment = s.object({ paymentLot: s.str, paymentLotItem: s.str, amount: { type: 'number' }, receivedOn: { type: 'string', format: 'date' }, method: s.str, reference: s.str });
const MAX_AMOUNT = 99_999_999_999.99;

export function incomeTaxControlRoutes(ctx: EmulatorContext): ControlRoute[] {
  return [
    {
      method: 'post',
      path: '/income-tax/{clientId}/{nino}/sa-payments',
      tag: 'income-tax',
      summary: "Records a payment the taxpayer made to HMRC; Self Assessment Accounts allocates it to the charges owed, the one due first first",
      params: { clientId: 'the application whose sandbox data it is', nino: "the taxpayer's NINO" },
      body: s.object(
        {
          amount: { type: 'number', exclusiveMinimum: 0, maximum: MAX_AMOUNT, description: 'pounds, to 2 decimal places' },
          receivedOn: { type: 'string', format: 'date', description: 'the day HMRC received it; default today on the virtual clock; not later' },
          method: { type: 'string', pattern: '^[0-9A-Za-z]{1,30}$', description: 'default `DEBITCARD`' },
          reference: { type: 'string', minLength: 1, maxLength: 35, description: 'the payment reference; default one made up' },
        },
        ['receivedOn', 'method', 'reference'],
      ),
      responses: { 201: s.created(s.object({ payment })), 400: s.badRequest, 404: s.notFound },
      handler: async (req, res) => {
        const clientId = String(req.params.clientId);
        const nino = String(req.params.nino).toUpperCase();
        if (!isValidNino(nino)) throw new ControlError(400, 'nino must be a National Insurance number, e.g. AA123456A');
        if (!(await ctx.applications.find(clientId))) throw new ControlError(404, 'no application has that clientId');
        const body = (req.body ?? {}) as Record<string, unknown>;
        const today = isoDate(ctx.clock.now());
        const amount = body.amount;
        if (typeof amount !== 'number' || !(amount > 0) || amount > MAX_AMOUNT || Math.abs(Math.round(amount * 100) - amount * 100) > 1e-6) {
          throw new ControlError(400, 'amount must be a number of pounds above 0, to 2 decimal places');
        }
        const receivedOn = body.receivedOn ?? today;
        if (!isValidDate(receivedOn) || receivedOn > today) throw new ControlError(400, `receivedOn must be a date (YYYY-MM-DD) no later than today, ${today}`);
        const method = body.method ?? 'DEBITCARD';
        if (typeof method !== 'string' || !/^[0-9A-Za-z]{1,30}$/.test(method)) throw new ControlError(400, 'method must be 1 to 30 letters and digits, e.g. DEBITCARD');
        const reference = body.reference;
        if (reference !== undefined && (typeof reference !== 'string' || !reference.length || reference.length > 35)) throw new ControlError(400, 'reference must be 1 to 35 characters');
        const recorded = await ctx.incomeTax.update(clientId, nino, (state) => {
          const seq = String((state.saPayments?.length ?? 0) + 1).padStart(4, '0');
          const p: SaPayment = {
            paymentLot: `08${nino.slice(2, 8)}${seq}`,
            paymentLotItem: '000001',
            amount,
            receivedOn,
            method,
            reference: (reference as string | undefined) ?? `${nino.slice(2, 8)}${seq}K`,
            recordedAt: ctx.clock.now(),
          };
          state.saPayments = [...(state.saPayments ?? []), p];
          return p;
        });
        const { recordedAt: _recordedAt, ...shown } = recorded;
        res.status(201).json({ payment: shown });
      },
    },
  ];
}
