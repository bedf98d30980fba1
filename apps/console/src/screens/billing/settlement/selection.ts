import Decimal from 'decimal.js';
import type { CandidateCycle, SettlementCandidates, TaskItem } from '../../../api/settlement-tasks';

/** seed 001: "A single Settlement Task can include bills from a maximum of three months" */
export const MAX_CYCLES = 3;

export const itemKey = (customerId: string, cycle: string) => `${customerId}|${cycle}`;

export interface ChosenBill {
  customerId: string;
  customerName: string;
  cycle: CandidateCycle;
}

/** the chosen bills as the candidates list them, oldest cycle first (the order the task pays in by default) */
export function chosenBills(candidates: SettlementCandidates, chosen: ReadonlySet<string>): ChosenBill[] {
  const out: ChosenBill[] = [];
  for (const account of candidates.accounts)
    for (const cycle of account.cycles)
      if (chosen.has(itemKey(account.customerId, cycle.billingCycle)))
        out.push({ customerId: account.customerId, customerName: account.customerName, cycle });
  return out.sort(
    (a, b) => a.cycle.billingCycle.localeCompare(b.cycle.billingCycle) || a.customerName.localeCompare(b.customerName),
  );
}

export const distinctCycles = (chosen: ReadonlySet<string>) => new Set([...chosen].map((k) => k.split('|')[1]));

export const toItems = (bills: ChosenBill[]): TaskItem[] =>
  bills.map((b) => ({ customerId: b.customerId, billingCycle: b.cycle.billingCycle }));

/** "View Total": sums in decimal, never through floats */
export function totalOf(bills: ChosenBill[]) {
  return bills.reduce(
    (sum, b) => ({
      consumption: sum.consumption.plus(b.cycle.consumption),
      toBeRepaid: sum.toBeRepaid.plus(b.cycle.toBeRepaid),
    }),
    { consumption: new Decimal(0), toBeRepaid: new Decimal(0) },
  );
}

/** the selection as CSV (RFC 4180, formula-looking cells defused), the columns of the task's own export */
export function selectionCsv(bills: ChosenBill[], currency: string): string {
  const columns = [
    'account',
    'customerId',
    'billingCycle',
    'billReference',
    'currency',
    'consumption',
    'toBeRepaid',
    'billStatus',
  ];
  const quote = (value: string) => {
    const text = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = bills.map((b) =>
    [
      b.customerName,
      b.customerId,
      b.cycle.billingCycle,
      b.cycle.billReference,
      currency,
      b.cycle.consumption,
      b.cycle.toBeRepaid,
      b.cycle.billStatus,
    ]
      .map(quote)
      .join(','),
  );
  return [columns.join(','), ...rows].join('\r\n') + '\r\n';
}

/** a file the browser saves (the selection is not a task yet, so there is no URL to link to) */
export function saveFile(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
