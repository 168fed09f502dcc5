import type { Prng } from './prng.js';

/** VAT registration date (api-platform-test-user `Generator`): today minus 1 to 20 whole years, `YYYY-MM-DD`. */
export function generateVatRegistrationDate(prng: Prng, today: Date): string {
  const years = prng.int(1, 20);
  const date = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate()));
  return date.toISOString().slice(0, 10);
}

/** A real calendar date in `YYYY-MM-DD` form. */
export function isValidVatRegistrationDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
