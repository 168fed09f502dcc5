import { describe, expect, it } from 'vitest';
import { createClock } from '../clock/clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import { Invitations } from './invitations.js';

const DAY = 86_400_000;

function invitations(start: string) {
  const clock = createClock({ frozen: true, start: Date.parse(start) });
  return { clock, invitations: new Invitations(createMemoryStore(clock), clock) };
}

describe('authorisation requests', () => {
  it('expire on the 21st day after the day they were made, from midnight UTC', async () => {
    const { clock, invitations: i } = invitations('2026-01-15T23:59:00Z');
    const made = await i.create({ arn: 'NARN0396245', service: 'MTD-IT', clientType: 'personal', clientId: 'aa 99 99 99 a' });
    expect(made.expiresOn).toBe('2026-02-05');
    expect(made.clientId).toBe('AA999999A');
    clock.advance(20 * DAY);
    expect(i.status(made)).toBe('Pending');
    clock.advance(60_000);
    expect(i.status(made)).toBe('Expired');
    expect(new Date(i.updated(made)!).toISOString()).toBe('2026-02-05T00:00:00.000Z');
  });

  it('keep a response made before expiry', async () => {
    const { clock, invitations: i } = invitations('2026-01-15T09:00:00Z');
    const made = await i.create({ arn: 'NARN0396245', service: 'MTD-VAT', clientType: 'business', clientId: '101747696' });
    const rejected = await i.setStatus(made, 'Rejected');
    clock.advance(30 * DAY);
    expect(i.status(rejected)).toBe('Rejected');
    expect(await i.list({ arn: 'NARN0396245', clientId: '101747696', service: 'MTD-VAT' })).toHaveLength(1);
    expect(await i.list({ arn: 'XARN1234567' })).toHaveLength(0);
  });
});
