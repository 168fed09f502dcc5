import type { Account } from '../accounts/account.js';
import type { Accounts } from '../accounts/accounts.js';
import { generateMtdItId } from '../accounts/identifiers/mtd-it-id.js';
import { createPrng } from '../accounts/identifiers/prng.js';

/**
 * What approval does to the taxpayer's account, as Create Test User does for `mtd-income-tax`
 * (api-platform-test-user: `mtd-income-tax` → `nino` + `mtdItId` → enrolment `HMRC-MTD-IT` / `MTDITID`):
 * the account gains the `HMRC-MTD-IT` enrolment with a generated MTD Income Tax ID (kept if it already
 * has one) and `mtd-income-tax` in its service names. The ID is drawn from the emulator's seed and the
 * NINO, so the same seed gives the same ID; a clash with another account draws again.
 */
export async function grantMtdItEnrolment(accounts: Accounts, account: Account, seed: string): Promise<{ account: Account; mtdItId: string }> {
  let mtdItId = account.identifiers.mtdItId;
  if (!mtdItId) {
    const prng = createPrng(`${seed}:sign-up:mtd-it-id:${account.identifiers.nino ?? account.userId}`);
    do mtdItId = generateMtdItId(prng);
    while (await accounts.identifierTaken('mtdItId', mtdItId));
  }
  const updated: Account = {
    ...account,
    identifiers: { ...account.identifiers, mtdItId },
    serviceNames: account.serviceNames.includes('mtd-income-tax') ? account.serviceNames : [...account.serviceNames, 'mtd-income-tax'],
    enrolments: [
      ...account.enrolments.filter((e) => e.key !== 'HMRC-MTD-IT'),
      { key: 'HMRC-MTD-IT', identifiers: [{ key: 'MTDITID', value: mtdItId }] },
    ],
  };
  await accounts.add(updated);
  return { account: updated, mtdItId };
}
