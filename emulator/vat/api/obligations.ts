import { addDays, addMonths, dueDate } from './vat-dates.js';
import type { StoredReturn } from './vat-records.js';

/**
 * VAT obligations for each `Gov-Test-Scenario` of Retrieve VAT obligations (VAT OAS "Test data"):
 *
 * - HMRC's default ("Default (No header value)": "quarterly obligations and one is fulfilled"): the four quarters of
 *   2017 on the dates of HMRC's example, keyed 18A1–18A4, the first fulfilled; fixed data, whatever the request's
 *   dates and whatever was submitted, as HMRC's sandbox ("no requirement to use the periodKeys in the obligation
 *   response"). HMRC's example shows the first two; the other two follow its pattern (emulator's choice);
 * - realistic (`data: realistic`, `STATEFUL`) / QUARTERLY_ONE_MET, QUARTERLY_NONE_MET … QUARTERLY_FOUR_MET: five
 *   calendar quarters up to the current one on the virtual clock, the oldest N fulfilled (realistic: one), so the
 *   data always looks current;
 * - MONTHLY_NONE_MET … MONTHLY_THREE_MET: four months up to the current one, the oldest N fulfilled;
 * - MONTHLY_OBS_##_OPEN (01–12), MONTHLY_OBS_12_FULFILLED, QUARTERLY_OBS_##_OPEN (01–04),
 *   QUARTERLY_OBS_04_FULFILLED, MULTIPLE_OPEN_MONTHLY, MULTIPLE_OPEN_QUARTERLY, OBS_SPANS_MULTIPLE_YEARS: the
 *   fixed 2018 data HMRC describes.
 *
 * Due dates are "one month and seven days from the end date". A return submitted for a period key fulfils that
 * obligation (received = submission date). Period keys of generated periods are `<yy>A<quarter 1–4>` and
 * `<yy>A<month letter A–L>`; HMRC's keys are opaque four-character codes (emulator's choice).
 */
export interface Obligation {
  start: string;
  end: string;
  due: string;
  status: 'O' | 'F';
  periodKey: string;
  received?: string;
}

interface Period {
  start: string;
  end: string;
  periodKey: string;
}

const MONTH_LETTERS = 'ABCDEFGHIJKL';

const quarter = (year: number, q: number): Period => {
  const start = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
  return { start, end: addDays(addMonths(start, 3), -1), periodKey: `${String(year).slice(2)}A${q}` };
};
const month = (year: number, m: number): Period => {
  const start = `${year}-${String(m).padStart(2, '0')}-01`;
  return { start, end: addDays(addMonths(start, 1), -1), periodKey: `${String(year).slice(2)}A${MONTH_LETTERS[m - 1]}` };
};

/** The `count` calendar quarters (or months) ending with the one containing `today`, oldest first. */
function recentPeriods(today: string, count: number, kind: 'quarter' | 'month'): Period[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const out: Period[] = [];
  for (let i = count - 1; i >= 0; i--) {
    if (kind === 'quarter') {
      const index = Math.floor((m - 1) / 3) - i; // quarters since the start of this year, may go negative
      const year = y + Math.floor(index / 4);
      out.push(quarter(year, (((index % 4) + 4) % 4) + 1));
    } else {
      const index = m - 1 - i;
      const year = y + Math.floor(index / 12);
      out.push(month(year, (((index % 12) + 12) % 12) + 1));
    }
  }
  return out;
}

function withStatus(periods: Period[], fulfilled: number): Obligation[] {
  return periods.map((p, i) => {
    const due = dueDate(p.end);
    return i < fulfilled ? { ...p, due, status: 'F' as const, received: addDays(due, -1) } : { ...p, due, status: 'O' as const };
  });
}

/** HMRC's default: its example's quarters of 2017, the first fulfilled the day before it was due. */
export const SANDBOX_DEFAULT_OBLIGATIONS: readonly Obligation[] = [
  { start: '2017-01-01', end: '2017-03-31', due: '2017-05-07', status: 'F', periodKey: '18A1', received: '2017-05-06' },
  { start: '2017-04-01', end: '2017-06-30', due: '2017-08-07', status: 'O', periodKey: '18A2' },
  { start: '2017-07-01', end: '2017-09-30', due: '2017-11-07', status: 'O', periodKey: '18A3' },
  { start: '2017-10-01', end: '2017-12-31', due: '2018-02-07', status: 'O', periodKey: '18A4' },
];

const two = (n: number): string => String(n).padStart(2, '0');
/** Every value Retrieve VAT obligations documents. */
export const OBLIGATION_SCENARIOS = [
  ...['NONE', 'ONE', 'TWO', 'THREE', 'FOUR'].map((n) => `QUARTERLY_${n}_MET`),
  ...['NONE', 'ONE', 'TWO', 'THREE'].map((n) => `MONTHLY_${n}_MET`),
  ...Array.from({ length: 12 }, (_, i) => `MONTHLY_OBS_${two(i + 1)}_OPEN`),
  'MONTHLY_OBS_12_FULFILLED',
  ...Array.from({ length: 4 }, (_, i) => `QUARTERLY_OBS_${two(i + 1)}_OPEN`),
  'QUARTERLY_OBS_04_FULFILLED',
  'MULTIPLE_OPEN_MONTHLY',
  'MULTIPLE_OPEN_QUARTERLY',
  'OBS_SPANS_MULTIPLE_YEARS',
  'INSOLVENT_TRADER',
  'NOT_FOUND',
];

const COUNTS: Record<string, number> = { NONE: 0, ONE: 1, TWO: 2, THREE: 3, FOUR: 4 };

/**
 * The obligations a scenario describes (no scenario: the realistic ones), or undefined for a value that is not an
 * obligations scenario. `today` is the virtual clock's date.
 */
export function scenarioObligations(scenario: string | undefined, today: string): Obligation[] | undefined {
  const s = scenario ?? '';
  let m: RegExpExecArray | null;
  if (s === '') return withStatus(recentPeriods(today, 5, 'quarter'), 1);
  if ((m = /^QUARTERLY_(NONE|ONE|TWO|THREE|FOUR)_MET$/.exec(s))) return withStatus(recentPeriods(today, 5, 'quarter'), COUNTS[m[1]!]!);
  if ((m = /^MONTHLY_(NONE|ONE|TWO|THREE)_MET$/.exec(s))) return withStatus(recentPeriods(today, 4, 'month'), COUNTS[m[1]!]!);
  if ((m = /^MONTHLY_OBS_(0[1-9]|1[0-2])_OPEN$/.exec(s))) {
    const n = Number(m[1]);
    return withStatus(Array.from({ length: n }, (_, i) => month(2018, i + 1)), n - 1);
  }
  if (s === 'MONTHLY_OBS_12_FULFILLED') return withStatus(Array.from({ length: 12 }, (_, i) => month(2018, i + 1)), 12);
  if ((m = /^QUARTERLY_OBS_(0[1-4])_OPEN$/.exec(s))) {
    const n = Number(m[1]);
    return withStatus(Array.from({ length: n }, (_, i) => quarter(2018, i + 1)), n - 1);
  }
  if (s === 'QUARTERLY_OBS_04_FULFILLED') return withStatus([1, 2, 3, 4].map((q) => quarter(2018, q)), 4);
  if (s === 'MULTIPLE_OPEN_MONTHLY') return withStatus([1, 2, 3].map((n) => month(2018, n)), 1);
  if (s === 'MULTIPLE_OPEN_QUARTERLY') return withStatus([1, 2, 3].map((q) => quarter(2018, q)), 1);
  if (s === 'OBS_SPANS_MULTIPLE_YEARS') return withStatus([{ start: '2018-10-01', end: '2019-09-30', periodKey: '18AX' }], 0);
  return undefined;
}

/** The period a generated period key stands for (`26A1` = first quarter of 2026, `26AC` = March 2026). */
export function periodOfKey(periodKey: string): { start: string; end: string } | undefined {
  const m = /^(\d\d)A([1-4A-L])$/.exec(periodKey);
  if (!m) return undefined;
  const year = 2000 + Number(m[1]);
  const p = /[1-4]/.test(m[2]!) ? quarter(year, Number(m[2])) : month(year, MONTH_LETTERS.indexOf(m[2]!) + 1);
  return { start: p.start, end: p.end };
}

/** Clock-derived data is filtered by the request's dates; HMRC's fixed 2017 and 2018 data is returned whatever they are. */
export function isClockDerived(scenario: string | undefined): boolean {
  return !scenario || /^(?:QUARTERLY|MONTHLY)_(?:NONE|ONE|TWO|THREE|FOUR)_MET$/.test(scenario);
}

/** Marks obligations fulfilled by returns the VRN has submitted. */
export function applySubmissions(obligations: Obligation[], returns: StoredReturn[]): Obligation[] {
  const received = new Map(returns.map((r) => [r.return.periodKey, r.submittedAt.slice(0, 10)]));
  return obligations.map((o) => {
    const date = received.get(o.periodKey);
    return date ? { ...o, status: 'F', received: date } : o;
  });
}

/** Keeps obligations overlapping [from, to] (either bound optional) with the given status (O, F or all). */
export function filterObligations(obligations: Obligation[], q: { from?: string | undefined; to?: string | undefined; status?: 'O' | 'F' | undefined }): Obligation[] {
  return obligations.filter((o) => (!q.from || o.end >= q.from) && (!q.to || o.start <= q.to) && (!q.status || o.status === q.status));
}
