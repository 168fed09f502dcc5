import type { Store } from '../store/store.js';
import type { Account } from './account.js';
import { hashIsOutdated, hashPassword, NO_ACCOUNT_HASH, verifyPassword } from './password.js';

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

  /**
   * The account when the user ID and password match, else undefined. Always does the same work, once an account's
   * hash is at today's cost: a hash made at another (a data directory from an earlier version) is made again from
   * the password at its first right sign-in (unless its password changed meanwhile).
   */
  async signIn(userId: string, password: string): Promise<Account | undefined> {
    const account = await this.find(userId);
    const ok = await verifyPassword(password, account?.passwordHash ?? NO_ACCOUNT_HASH);
    if (!account || !ok) return undefined;
    if (hashIsOutdated(account.passwordHash)) {
      const passwordHash = await hashPassword(password);
      const latest = await this.find(userId);
      if (latest?.passwordHash === account.passwordHash) await this.store.replace<Account>(NS, userId, { ...latest, passwordHash });
    }
    return account;
  }

  /** Whether a generated identifier (nino, vrn, …) is already taken. */
  async identifierTaken(key: string, value: string): Promise<boolean> {
    return (await this.list()).some((a) => a.identifiers[key] === value);
  }
}
