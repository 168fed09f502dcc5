import type { Clock } from '../clock/clock.js';
import type { Store } from '../store/store.js';

/** A text message, voice call or email the emulator "sent": it lands here instead of a phone or inbox. */
export interface Message {
  id: number;
  channel: 'text' | 'voice' | 'email';
  /** Phone number or email address. */
  to: string;
  subject?: string | undefined;
  body: string;
  /** Links in the message (emails), absolute URLs. */
  links?: string[] | undefined;
  /** Virtual time, ISO-8601. */
  sentAt: string;
}

const LOG = 'messages';

/**
 * The emulator's outbox: 2-step verification codes by text or voice, and emails (verification
 * links, sign-up confirmations). Read through the control API (`GET /_emulator/outbox`,
 * `GET /_emulator/mailbox` for emails only) and on the outbox page.
 */
export class Messages {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async send(message: Omit<Message, 'id' | 'sentAt'>): Promise<Message> {
    const id = ((await this.store.increment('counters', 'messages', 1, Number.MAX_SAFE_INTEGER)) as number);
    const full: Message = { ...message, id, sentAt: new Date(this.clock.now()).toISOString() };
    await this.store.append(LOG, full, 1000);
    return full;
  }

  async list(filter: { channel?: Message['channel'] | undefined; to?: string | undefined } = {}): Promise<Message[]> {
    return (await this.store.read<Message>(LOG)).map(([, m]) => m).filter((m) => (!filter.channel || m.channel === filter.channel) && (!filter.to || m.to === filter.to));
  }
}
