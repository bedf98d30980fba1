import { Money } from '@remitd/money';

export interface RemittedAmount {
  booked: Money;
  /** what the customer remitted: the amount credited to them */
  remitted: Money;
  /** remitted − booked: bank fees the provider reimburses */
  fee: Money;
  explanation: string;
}

/**
 * The customer is credited what they remitted, not what the bank booked (design: crediting).
 * An instructed amount in the entry's currency gives the gross directly; otherwise the
 * charges are added back. An instructed amount in another currency (FX) cannot be compared,
 * so only charges count then.
 */
export function remittedAmount(e: {
  amount: string;
  currency: string;
  instructedAmount: string | null;
  instructedCurrency: string | null;
  chargesAmount: string | null;
  chargesCurrency: string | null;
}): RemittedAmount {
  const booked = Money.fromStored(e.amount, e.currency);
  if (e.instructedAmount && e.instructedCurrency === e.currency) {
    const instructed = Money.fromStored(e.instructedAmount, e.currency);
    if (instructed.gt(booked)) {
      return {
        booked,
        remitted: instructed,
        fee: instructed.minus(booked),
        explanation: `the remitter instructed ${instructed.toString()} ${e.currency}; the bank booked ${booked.toString()}`,
      };
    }
  }
  if (e.chargesAmount && e.chargesCurrency === e.currency) {
    const charges = Money.fromStored(e.chargesAmount, e.currency);
    if (charges.isPositive()) {
      const fx =
        e.instructedAmount && e.instructedCurrency && e.instructedCurrency !== e.currency
          ? ` (instructed ${Money.fromStored(e.instructedAmount, e.instructedCurrency).toString()} ${e.instructedCurrency})`
          : '';
      return {
        booked,
        remitted: booked.plus(charges),
        fee: charges,
        explanation: `bank charges of ${charges.toString()} ${e.currency} were deducted${fx}`,
      };
    }
  }
  return { booked, remitted: booked, fee: Money.zero(e.currency), explanation: 'no bank charges shown' };
}
