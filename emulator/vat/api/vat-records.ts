import type { Clock } from '../../clock/clock.js';
import type { Store } from '../../store/store.js';

/** The nine boxes of a VAT return, as submitted and as View VAT Return returns them. */
export interface VatReturn {
  periodKey: string;
  vatDueSales: number;
  vatDueAcquisitions: number;
  totalVatDue: number;
  vatReclaimedCurrPeriod: number;
  netVatDue: number;
  totalValueSalesExVAT: number;
  totalValuePurchasesExVAT: number;
  totalValueGoodsSuppliedExVAT: number;
  totalAcquisitionsExVAT: number;
}

export interface StoredReturn {
  vrn: string;
  return: VatReturn;
  /** Virtual time of submission, ISO-8601. */
  submittedAt: string;
  formBundleNumber: string;
  chargeRefNumber?: string | undefined;
  paymentIndicator: 'DD' | 'BANK';
}

const NS = 'vat-returns';
const key = (vrn: string, periodKey: string): string => `${vrn}|${periodKey}`;

/**
 * The VAT sandbox's state, per VRN: "Using this endpoint in the sandbox environment will store the data
 * submitted" and View VAT Return "will return the previously submitted data" (VAT OAS). Submitted returns also
 * fulfil the matching obligation and raise a liability (see obligations.ts, financial-data.ts).
 */
export class VatRecords {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async findReturn(vrn: string, periodKey: string): Promise<StoredReturn | undefined> {
    return this.store.get<StoredReturn>(NS, key(vrn, periodKey));
  }

  async returnsOf(vrn: string): Promise<StoredReturn[]> {
    return (await this.store.entries<StoredReturn>(NS)).filter(([k]) => k.startsWith(`${vrn}|`)).map(([, v]) => v);
  }

  /** Stores a return; undefined when one was already submitted for the period (DUPLICATE_SUBMISSION). */
  async submit(vrn: string, submission: Omit<StoredReturn, 'vrn' | 'submittedAt'>): Promise<StoredReturn | undefined> {
    if (await this.findReturn(vrn, submission.return.periodKey)) return undefined;
    const stored: StoredReturn = { vrn, submittedAt: new Date(this.clock.now()).toISOString(), ...submission };
    await this.store.set(NS, key(vrn, submission.return.periodKey), stored);
    return stored;
  }
}
