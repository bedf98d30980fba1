import { cardAccount, cashAccount, refundAccount } from '@remitd/ledger';
import { Money } from '@remitd/money';
import type { SourceAccount } from './bill-payment.service';
import type { CustomerRecord } from '@remitd/customers';
import type { FundSource, PayableBill } from './pay-bills';

export interface CustomerFunds {
  cards: { id: string; validMonth: string; currency: string; balance: string }[];
  refunds: { id: string; billingCycle: string; currency: string; remaining: string }[];
  /** cash balance of the customer's currency account */
  cash: string;
  /** seed 000: what each card may pay of each bill (ChargesRepository.cardPayable); absent: month rule only */
  cardPayable?: { billsWithCharges: Set<string>; payable: Map<string, string> };
}

/** seed 000: available credit = cash balance + credit limit − frozen amount */
export function availableCredit(payer: CustomerRecord, cash: string): Money {
  const ccy = payer.currency;
  return Money.fromStored(cash, ccy)
    .plus(Money.fromStored(payer.creditLimit, ccy))
    .minus(Money.fromStored(payer.frozenAmount, ccy));
}

/**
 * The sources automatic write-off may use, in order (seed 000): stored-value cards (only for
 * bills of the card's month, and of those only the lines whose order named the card and whose
 * service period lies within one month) → refund balance (seed 002: the refund's cycle or later, unless
 * "write off past bills" is on) → account balance, as far as available credit goes.
 */
export function writeOffSources(
  payer: CustomerRecord,
  funds: CustomerFunds,
): { sources: FundSource[]; accounts: SourceAccount[] } {
  const ccy = payer.currency;
  const sources: FundSource[] = [];
  const accounts: SourceAccount[] = [];
  for (const c of funds.cards.filter((x) => x.currency === ccy)) {
    sources.push({
      id: `card:${c.id}`,
      kind: 'stored_value_card',
      available: Money.fromStored(c.balance, ccy),
      eligible: (b: PayableBill) => b.billingCycle === c.validMonth,
      // "If a bill spans multiple months or the card was not specified at the time of order, it cannot be used"
      cap: (b: PayableBill) =>
        funds.cardPayable?.billsWithCharges.has(b.id)
          ? Money.fromStored(funds.cardPayable.payable.get(`${b.id}:${c.id}`) ?? '0', ccy)
          : null,
    });
    accounts.push({ id: `card:${c.id}`, kind: 'stored_value_card', account: cardAccount(payer.id, c.id, ccy) });
  }
  for (const r of funds.refunds.filter((x) => x.currency === ccy)) {
    sources.push({
      id: `refund:${r.id}`,
      kind: 'refund',
      available: Money.fromStored(r.remaining, ccy),
      eligible: (b: PayableBill) => payer.writeOffPastBills || b.billingCycle >= r.billingCycle,
    });
    accounts.push({ id: `refund:${r.id}`, kind: 'refund', account: refundAccount(payer.id, ccy), refundId: r.id });
  }
  const credit = availableCredit(payer, funds.cash);
  sources.push({
    id: 'balance',
    kind: 'balance',
    available: credit.isPositive() ? credit : Money.zero(ccy),
    eligible: () => true,
  });
  accounts.push({ id: 'balance', kind: 'balance', account: cashAccount(payer.id, ccy) });
  return { sources, accounts };
}
