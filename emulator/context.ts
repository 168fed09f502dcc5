import type Provider from 'oidc-provider';
import type { Accounts } from './accounts/accounts.js';
import type { Agents } from './agents/agents.js';
import type { FraudHeaderFeedback } from './apis/fraud-prevention/feedback.js';
import type { VatRecords } from './vat/api/vat-records.js';
import type { Relationships } from './agents/relationships.js';
import type { SignUps } from './sign-up/sign-ups.js';
import type { VatSignUps } from './vat/sign-up/vat-sign-ups.js';
import type { Applications } from './applications/applications.js';
import type { Clock } from './clock/clock.js';
import type { EmulatorConfig } from './config/defaults.js';
import type { Faults } from './control/faults.js';
import type { ControlAccess } from './control/guard.js';
import type { Journal } from './control/journal.js';
import type { Messages } from './messages/messages.js';
import type { IncomeTax } from './income-tax/income-tax.js';
import type { TokenLookup } from './oauth/token-lookup.js';
import type { Store } from './store/store.js';

/**
 * Everything one emulator instance owns. Built once by `createEmulator` and passed down explicitly:
 * there is no module-level mutable state, so several emulators can run in one process.
 */
export interface EmulatorContext {
  config: EmulatorConfig;
  /** The URL software uses to reach this emulator, e.g. `http://localhost:9090` (a tenant's: `…/t/ci-1234`). */
  baseUrl: string;
  /** The tenant this emulator is (tenants/), or undefined for the default tenant at the root. */
  tenant: string | undefined;
  /** What the tenant's paths begin with on the wire, e.g. `/t/ci-1234`; empty for the default tenant. */
  pathPrefix: string;
  clock: Clock;
  store: Store;
  applications: Applications;
  accounts: Accounts;
  relationships: Relationships;
  /** Sign-ups to Making Tax Digital for Income Tax (agent, individual and business journeys). */
  signUps: SignUps;
  /** Sign-ups to Making Tax Digital for VAT (vat/sign-up/). */
  vatSignUps: VatSignUps;
  /** Agents' authorisation requests and existing Self Assessment clients. */
  agents: Agents;
  /** The latest fraud prevention header validation per application, API, connection method and endpoint. */
  fraudFeedback: FraudHeaderFeedback;
  /** VAT (MTD) returns submitted per VRN. */
  vat: VatRecords;
  faults: Faults;
  journal: Journal;
  /** Text messages, voice calls and emails the emulator sent (2-step codes, verification links). */
  messages: Messages;
  tokens: TokenLookup;
  provider: Provider;
  /** Income Tax (MTD) state per vendor and NINO: businesses, submissions, calculations, checkpoints. */
  incomeTax: IncomeTax;
  /** The control API's token, if it needs one (control/guard.ts). */
  control: ControlAccess;
}
