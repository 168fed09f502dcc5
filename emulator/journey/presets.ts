import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.js';
import type { OutcomeId } from '../oauth/outcomes.js';

/**
 * Outcomes preset through the control API for the next journey of an application or a user
 * (`POST /_emulator/journeys/presets`). With `auto`, the journey completes without pages: the
 * authorize request's redirects lead straight back to the software. Without it, the pages are shown
 * but the step the outcome concerns is decided by the preset.
 */
export interface JourneyPreset {
  id: string;
  outcome: OutcomeId;
  /** Only journeys of this application. */
  clientId?: string | undefined;
  /** Only this user: matched at sign-in; with `auto`, the user the journey signs in as. */
  userId?: string | undefined;
  /** Complete the journey without pages. */
  auto: boolean;
  /** How many more journeys it applies to; undefined = until cleared. */
  remaining?: number | undefined;
}

const NS = 'journey-presets';

export class JourneyPresets {
  constructor(private readonly store: Store) {}

  async add(preset: Omit<JourneyPreset, 'id'>): Promise<JourneyPreset> {
    const full = { id: randomUUID(), ...preset };
    await this.store.set(NS, full.id, full);
    return full;
  }

  async list(): Promise<JourneyPreset[]> {
    return (await this.store.entries<JourneyPreset>(NS)).map(([, p]) => p);
  }

  async clear(): Promise<void> {
    for (const [key] of await this.store.entries(NS)) await this.store.delete(NS, key);
  }

  /**
   * The first preset for a journey starting for `clientId` (auto presets, and presets naming no user),
   * or for `userId` signing in (`at: 'sign-in'`), counted as used.
   */
  async take(at: 'start' | 'sign-in', clientId: string, userId?: string): Promise<JourneyPreset | undefined> {
    for (const [key, preset] of await this.store.entries<JourneyPreset>(NS)) {
      if (preset.clientId && preset.clientId !== clientId) continue;
      if (at === 'start' && preset.userId && !preset.auto) continue;
      if (at === 'sign-in' && (preset.auto || !preset.userId || preset.userId !== userId)) continue;
      if (preset.remaining !== undefined) {
        if (preset.remaining <= 1) await this.store.delete(NS, key);
        else await this.store.set(NS, key, { ...preset, remaining: preset.remaining - 1 });
      }
      return preset;
    }
    return undefined;
  }
}
