/** The nine boxes of a valid VAT return for `periodKey` (the VAT OAS example: VAT owed), as HMRC returns them. */
export function vatBoxes(periodKey: string) {
  return {
    periodKey,
    vatDueSales: 105.5,
    vatDueAcquisitions: -100.45,
    totalVatDue: 5.05,
    vatReclaimedCurrPeriod: 1.15,
    netVatDue: 3.9,
    totalValueSalesExVAT: 300,
    totalValuePurchasesExVAT: 300,
    totalValueGoodsSuppliedExVAT: 3000,
    totalAcquisitionsExVAT: 3000,
  };
}

/** A valid VAT return as software submits it: the nine boxes and the declaration. */
export function vatReturn(periodKey: string) {
  return { ...vatBoxes(periodKey), finalised: true };
}
