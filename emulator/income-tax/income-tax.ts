import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock/clock.js';
import type { Store } from '../store/store.js';
import { defaultBusiness } from './default-business.js';
import type { Checkpoint, TaxpayerState } from './model.js';

const STATE = 'income-tax';
const CHECKPOINTS = 'income-tax-checkpoints';
const key = (vendor: string, nino: string): string => `${vendor}|${nino.toUpperCase()}`;

/**
 * Income Tax state, per vendor (developer application) and NINO, over the emulator's store.
 * A taxpayer nobody has written to reads as the default: one self-employment business and nothing
 * submitted. The first write stores the state; Delete Stateful Test Data forgets it; checkpoints copy
 * it and restore it. Values are copied in and out, so callers never share objects with the store.
 */
export class IncomeTax {
  /** Updates to one taxpayer run one after another, so concurrent calls cannot lose each other's writes. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async read(vendor: string, nino: string): Promise<TaxpayerState> {
    const stored = await this.store.get<TaxpayerState>(STATE, key(vendor, nino));
    return stored ? structuredClone(stored) : this.initial(nino);
  }

  /** Reads, lets `change` modify the state, stores it and returns what `change` returned. */
  async update<T>(vendor: string, nino: string, change: (state: TaxpayerState) => T): Promise<T> {
    const k = key(vendor, nino);
    const run = async (): Promise<T> => {
      const state = await this.read(vendor, nino);
      const result = change(state);
      await this.store.set(STATE, k, structuredClone(state));
      return result;
    };
    const previous = this.queues.get(k) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.catch(() => undefined);
    this.queues.set(k, settled);
    void settled.then(() => {
      if (this.queues.get(k) === settled) this.queues.delete(k);
    });
    return next;
  }

  async hasStoredState(vendor: string, nino: string): Promise<boolean> {
    return (await this.store.get(STATE, key(vendor, nino))) !== undefined;
  }

  /** Forgets the vendor's stored state (for one NINO, or all); returns how many taxpayers were forgotten. */
  async deleteVendorState(vendor: string, nino?: string): Promise<number> {
    let count = 0;
    for (const [k, state] of await this.store.entries<TaxpayerState>(STATE)) {
      if (!k.startsWith(`${vendor}|`) || (nino && state.nino !== nino.toUpperCase())) continue;
      await this.store.delete(STATE, k);
      count++;
    }
    return count;
  }

  /** Copies the stored state of one taxpayer; undefined when the vendor has stored nothing for the NINO. */
  async createCheckpoint(vendor: string, nino: string): Promise<Checkpoint | undefined> {
    const stored = await this.store.get<TaxpayerState>(STATE, key(vendor, nino));
    if (!stored) return undefined;
    const checkpoint: Checkpoint = { checkpointId: randomUUID(), vendor, nino: nino.toUpperCase(), createdAt: this.clock.now(), state: structuredClone(stored) };
    await this.store.set(CHECKPOINTS, checkpoint.checkpointId, checkpoint);
    return structuredClone(checkpoint);
  }

  async listCheckpoints(vendor: string, nino?: string): Promise<Checkpoint[]> {
    return (await this.store.entries<Checkpoint>(CHECKPOINTS))
      .map(([, c]) => c)
      .filter((c) => c.vendor === vendor && (!nino || c.nino === nino.toUpperCase()))
      .map((c) => structuredClone(c));
  }

  private async ownCheckpoint(vendor: string, checkpointId: string): Promise<Checkpoint | undefined> {
    const checkpoint = await this.store.get<Checkpoint>(CHECKPOINTS, checkpointId);
    return checkpoint?.vendor === vendor ? checkpoint : undefined;
  }

  /** Puts the taxpayer's state back as it was at the checkpoint; false when the vendor has no such checkpoint. */
  async restoreCheckpoint(vendor: string, checkpointId: string): Promise<boolean> {
    const checkpoint = await this.ownCheckpoint(vendor, checkpointId);
    if (!checkpoint) return false;
    await this.store.set(STATE, key(vendor, checkpoint.nino), structuredClone(checkpoint.state));
    return true;
  }

  async deleteCheckpoint(vendor: string, checkpointId: string): Promise<boolean> {
    if (!(await this.ownCheckpoint(vendor, checkpointId))) return false;
    await this.store.delete(CHECKPOINTS, checkpointId);
    return true;
  }

  private initial(nino: string): TaxpayerState {
    return { nino: nino.toUpperCase(), businesses: [defaultBusiness(nino.toUpperCase())], cumulative: [], calculations: [], finalDeclarations: [] };
  }
}
