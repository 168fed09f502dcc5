import type { Address } from '../accounts/account.js';
import type { Store } from '../store/store.js';
import type { BusinessType } from './subscription-answers.js';

/**
 * The agent services accounts made by "Create an agent services account" (pages or control API): which agent user
 * made each, for which business (UTR), and the new user ID that holds its `HMRC-AS-AGENT` enrolment. HMRC keeps one
 * account per business: a UTR that already has one answers "Your business already has an agent services account".
 */
export interface AgentServicesAccount {
  arn: string;
  /** The new Government Gateway user ID holding the enrolment: the one to link software with. */
  userId: string;
  /** The agent user ID that created it. */
  createdBy: string;
  businessType: BusinessType;
  /** The business's UTR, when a known-facts check was made (always on the pages). */
  utr?: string | undefined;
  businessName: string;
  address: Address;
  email: string;
  /** Virtual time, ISO-8601. */
  createdAt: string;
}

const NS = 'agent-services-accounts';

export class AgentServicesAccounts {
  constructor(private readonly store: Store) {}

  async add(record: AgentServicesAccount): Promise<void> {
    await this.store.set(NS, record.arn, record);
  }

  async list(): Promise<AgentServicesAccount[]> {
    return (await this.store.entries<AgentServicesAccount>(NS)).map(([, r]) => r);
  }

  async createdBy(userId: string): Promise<AgentServicesAccount | undefined> {
    return (await this.list()).find((r) => r.createdBy === userId);
  }

  async forUtr(utr: string): Promise<AgentServicesAccount | undefined> {
    return (await this.list()).find((r) => r.utr === utr);
  }
}
