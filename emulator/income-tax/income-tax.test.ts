import { describe, expect, it } from 'vitest';
import { createClock } from '../clock/clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import { IncomeTax } from './income-tax.js';

const service = () => {
  const clock = createClock({ frozen: true, start: Date.parse('2026-01-15T09:00:00Z') });
  return new IncomeTax(createMemoryStore(clock), clock);
};

describe('IncomeTax state', () => {
  it('reads an unknown taxpayer as the default business without storing anything', async () => {
    const tax = service();
    expect((await tax.read('app', 'AA123456A')).businesses.map((b) => b.details.businessId)).toEqual(['XAIS12345600001']);
    expect(await tax.hasStoredState('app', 'AA123456A')).toBe(false);
  });

  it('keeps concurrent updates to one taxpayer', async () => {
    const tax = service();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        tax.update('app', 'AA123456A', (s) => {
          s.finalDeclarations.push({ taxYear: 2000 + i, calculationId: String(i), declaredAt: 0 });
        }),
      ),
    );
    expect((await tax.read('app', 'AA123456A')).finalDeclarations).toHaveLength(20);
  });

  it('leaves the state untouched when a change throws', async () => {
    const tax = service();
    await expect(
      tax.update('app', 'AA123456A', (s) => {
        s.businesses = [];
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await tax.hasStoredState('app', 'AA123456A')).toBe(false);
    await tax.update('app', 'AA123456A', () => undefined);
    expect((await tax.read('app', 'AA123456A')).businesses).toHaveLength(1);
  });

  it('restores a checkpoint only for the vendor that made it', async () => {
    const tax = service();
    await tax.update('app', 'AA123456A', (s) => void (s.businesses = []));
    const checkpoint = (await tax.createCheckpoint('app', 'AA123456A'))!;
    await tax.deleteVendorState('app');
    expect(await tax.restoreCheckpoint('other', checkpoint.checkpointId)).toBe(false);
    expect(await tax.restoreCheckpoint('app', checkpoint.checkpointId)).toBe(true);
    expect((await tax.read('app', 'AA123456A')).businesses).toEqual([]);
  });
});
