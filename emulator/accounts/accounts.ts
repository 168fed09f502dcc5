import type { Store } from '../store/store.js';
import type { Account } from './account.js';
import { NO_ACCOUNT_HASH, verifyPassword } from './password.js';

const NS = 'accounts';

/** Government Gateway accounts: seeded personas and users made by the Create Test User API. */
export class Accounts {
  constructor(private readonly store: Store) {}

  async add(account: Account): Promise<void> {
    await this.store.set(NS, account.userId, account);
  }

  async find(userId: string): Promise<Account | undefined> {
    return this.store.get<Account>(NS, userId);
  }

  async list(): Promise<Account[]> {
    return (await this.store.entries<Account>(NS)).map(([, a]) => a);
  }

  /** The account when the user ID and password match, else undefined. Always does the same work. */
  async signIn(userId: string, password: string): Promise<Account | undefined> {
    const account = await this.find(userId);
    const ok = await verifyPassword(password, account?.passwordHash ?? NO_ACCOUNT_HASH);
    return account && ok ? account : undefined;
  }

  /** Whether a generated identifier (nino, vrn, …) is already taken. */
  async identifierTaken(key: string, value: string): Promise<boolean> {
    return (await this.list()).some((a) => a.identifiers[key] === value);
  }
}
