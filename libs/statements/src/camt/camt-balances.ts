import type { AmountValue, BalanceValue, Direction, StatementFormat } from '../statement.model';
import { leaf, newNode, type PathNode } from './camt-element-tree';
import { Dec, isZero, type CamtReader } from './camt-reader';
import type { StatementState } from './camt-statement';

/**
 * Bal: a statement's balances by type (first of a type wins), the opening and closing balance
 * picked from them, and the check opening + booked entries = closing.
 */
export interface BalanceState {
  type: string | null;
  amount: AmountValue | null;
  direction: Direction | null;
  date: string | null;
}

export function balanceTree(): PathNode {
  const bal = newNode();
  bal.open = startBalance;
  bal.close = endBalance;
  leaf(bal, 'Tp/CdOrPrtry/Cd|Tp/CdOrPrtry/Prtry|Tp/Cd|Tp/Prtry', (r, t) => (r.bal().type ??= t.trim()));
  leaf(bal, 'Amt', (r, t, tag) => (r.bal().amount = r.amount(t, tag)));
  leaf(bal, 'CdtDbtInd', (r, t) => (r.bal().direction = r.direction(t)));
  leaf(bal, 'Dt/Dt|Dt/DtTm', (r, t) => (r.bal().date = r.date(t)));
  return bal;
}

function startBalance(r: CamtReader): void {
  r.balance = { type: null, amount: null, direction: null, date: null };
}

function endBalance(r: CamtReader): void {
  const b = r.bal();
  const st = r.st();
  r.balance = null;
  if (!b.type || !b.amount) {
    st.warnings.push(`${st.label}: balance without type or amount ignored (line ${r.line})`);
    return;
  }
  if (st.balances.has(b.type)) return; // first of a type wins
  let direction = b.direction;
  if (direction === null) {
    direction = 'CRDT';
    st.warnings.push(`${st.label}: ${b.type} balance has no CdtDbtInd; read as a credit balance`);
  }
  const signed = direction === 'DBIT' && !isZero(b.amount.amount) ? `-${b.amount.amount}` : b.amount.amount;
  st.balances.set(b.type, {
    amount: b.amount.amount,
    currency: b.amount.currency,
    signedAmount: signed,
    date: b.date,
  });
}

export function openingBalance(st: StatementState): BalanceValue | null {
  return st.balances.get('OPBD') ?? st.balances.get('PRCD') ?? st.balances.get('OPAV') ?? null;
}

export function closingBalance(st: StatementState, format: StatementFormat | null): BalanceValue | null {
  return st.balances.get('CLBD') ?? (format === 'camt.052' ? (st.balances.get('ITBD') ?? null) : null);
}

/** opening + booked entries = closing (same currency); a warning on the statement when not */
export function checkBalances(st: StatementState, opening: BalanceValue, closing: BalanceValue): boolean {
  if (opening.currency !== closing.currency) {
    st.warnings.push(
      `${st.label}: opening balance is in ${opening.currency} but closing balance is in ${closing.currency}`,
    );
    return false;
  }
  const booked = st.booked.toFixed();
  const expected = new Dec(opening.signedAmount).plus(booked);
  const balanced = expected.eq(closing.signedAmount);
  if (!balanced) {
    st.warnings.push(
      `${st.label}: opening balance ${opening.signedAmount} + booked entries ${booked} = ` +
        `${expected.toFixed()}, but the closing balance is ${closing.signedAmount} ${closing.currency}`,
    );
  }
  return balanced;
}
