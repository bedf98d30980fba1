import type { AmountValue, Direction, ParsedEntry } from '../statement.model';
import { railFor } from './camt.rail';
import { leaf, mount, newNode, type PathNode } from './camt-element-tree';
import {
  btcText,
  btcTree,
  chargesTree,
  emptyBtc,
  emptyCharges,
  hasBtc,
  totalCharges,
  type EntryParts,
} from './camt-entry-parts';
import { Dec, sameNumber, type CamtReader } from './camt-reader';
import { emitHeader } from './camt-statement';
import { mergeDetails, type TxState } from './camt-transaction-details';

/**
 * Ntry: one booking on the statement. At the end of an Ntry its TxDtls decide what is reported:
 * none or one TxDtls gives one entry with the Ntry amount; a batch whose TxDtls have amounts of
 * their own gives one entry per TxDtls; a batch without them gives one merged entry.
 */
export interface NtryState extends EntryParts {
  index: number;
  location: string;
  depth: number;
  line: number;
  ntryRef: string | null;
  amount: AmountValue | null;
  direction: Direction | null;
  reversal: boolean;
  status: string | null;
  bookingDate: string | null;
  valueDate: string | null;
  acctSvcrRef: string | null;
  additionalInfo: string[];
  details: TxState[];
}

export function entryTree(): PathNode {
  const ntry = newNode();
  ntry.open = startEntry;
  ntry.close = endEntry;
  leaf(ntry, 'NtryRef', (r, t) => (r.ntry().ntryRef = t.trim() || null));
  leaf(ntry, 'Amt', (r, t, tag) => (r.ntry().amount = r.amount(t, tag)));
  leaf(ntry, 'CdtDbtInd', (r, t) => (r.ntry().direction = r.direction(t)));
  leaf(ntry, 'RvslInd', (r, t) => {
    const v = t.trim();
    r.ntry().reversal = v === 'true' || v === '1';
  });
  // Sts: <Sts>BOOK</Sts> up to .001.07, <Sts><Cd>BOOK</Cd></Sts> from .001.08
  leaf(ntry, 'Sts|Sts/Cd|Sts/Prtry', (r, t) => {
    const code = t.trim();
    if (code) r.ntry().status ??= code;
  });
  leaf(ntry, 'BookgDt/Dt|BookgDt/DtTm', (r, t) => (r.ntry().bookingDate = r.date(t)));
  leaf(ntry, 'ValDt/Dt|ValDt/DtTm', (r, t) => (r.ntry().valueDate = r.date(t)));
  leaf(ntry, 'AcctSvcrRef', (r, t) => (r.ntry().acctSvcrRef = t.trim() || null));
  mount(
    ntry,
    'BkTxCd',
    btcTree((r) => r.ntry()),
  );
  leaf(ntry, 'AmtDtls/InstdAmt/Amt', (r, t, tag) => (r.ntry().instructed = r.amount(t, tag)));
  mount(
    ntry,
    'Chrgs',
    chargesTree((r) => r.ntry()),
  );
  leaf(ntry, 'AddtlNtryInf', (r, t) => {
    const info = t.trim();
    if (info) r.ntry().additionalInfo.push(info);
  });
  return ntry;
}

function startEntry(r: CamtReader): void {
  const st = r.st();
  emitHeader(r, st);
  const index = ++st.ntryCount;
  r.entry = {
    index,
    location: `${st.label}/Ntry[${index}]`,
    depth: r.depth,
    line: r.line,
    btc: emptyBtc(),
    charges: emptyCharges(),
    instructed: null,
    ntryRef: null,
    amount: null,
    direction: null,
    reversal: false,
    status: null,
    bookingDate: null,
    valueDate: null,
    acctSvcrRef: null,
    additionalInfo: [],
    details: [],
  };
}

function endEntry(r: CamtReader): void {
  const n = r.ntry();
  const st = r.st();
  r.entry = null;
  const where = `${n.location} (line ${n.line})`;
  if (!n.amount) throw r.fail('Ntry without Amt', where);
  if (!n.direction) throw r.fail('Ntry without CdtDbtInd', where);
  const amount = n.amount;
  const direction = n.direction;

  const status = entryStatus(r, n);
  if (status === 'BOOK') st.booked.add(amount.amount, direction === 'DBIT');

  const ntryRef = n.acctSvcrRef ?? n.ntryRef;
  const details = n.details;
  if (details.length === 0) {
    emitEntry(r, n, null, amount, direction, status, ntryRef, n.location, true);
    return;
  }
  if (details.length === 1) {
    // one detail: the booked Ntry amount is authoritative (samples carry TxDtls/Amt in other
    // currencies or as 0); disagreements are reported, not used
    const t = details[0];
    const own = t.amount ?? t.txAmount;
    if (own && (own.currency !== amount.currency || !sameNumber(own.amount, amount.amount))) {
      r.entryWarning(
        'detail-amount',
        `${t.location}: TxDtls amount ${own.amount} ${own.currency} differs from the Ntry amount ${amount.amount} ${amount.currency}; the Ntry amount is used`,
      );
    }
    if (t.direction && t.direction !== direction) {
      r.entryWarning(
        'detail-direction',
        `${t.location}: TxDtls CdtDbtInd ${t.direction} differs from the Ntry's ${direction}; the Ntry's is used`,
      );
    }
    emitEntry(r, n, t, amount, direction, status, t.acctSvcrRef ?? ntryRef, t.location, true);
    return;
  }
  if (details.every((t) => t.amount !== null || t.txAmount !== null)) {
    let sum = new Dec(0);
    let sameCurrency = true;
    for (const t of details) {
      const own = (t.amount ?? t.txAmount)!;
      const dir = t.direction ?? direction;
      if (own.currency !== amount.currency) sameCurrency = false;
      sum = dir === direction ? sum.plus(own.amount) : sum.minus(own.amount);
      const ref = t.acctSvcrRef ?? (ntryRef ? `${ntryRef}/${t.index}` : null);
      emitEntry(r, n, t, own, dir, status, ref, t.location, false);
    }
    if (!sameCurrency || !sum.eq(amount.amount)) {
      r.entryWarning(
        'batch-sum',
        `${n.location}: the ${details.length} TxDtls amounts do not add up to the Ntry amount ${amount.amount} ${amount.currency}`,
      );
    }
    return;
  }
  r.entryWarning(
    'batch-no-amounts',
    `${n.location}: ${details.length} TxDtls without amounts of their own; reported as one entry with the Ntry amount`,
  );
  emitEntry(r, n, mergeDetails(details, n), amount, direction, status, ntryRef, n.location, true);
}

function entryStatus(r: CamtReader, n: NtryState): ParsedEntry['status'] {
  switch (n.status) {
    case 'BOOK':
    case 'PDNG':
    case 'INFO':
      return n.status;
    case null:
      r.entryWarning('no-status', `${n.location}: Ntry without Sts; read as booked (BOOK)`);
      return 'BOOK';
    case 'FUTR':
      r.entryWarning('futr', `${n.location}: Sts FUTR (future booking) read as pending (PDNG)`);
      return 'PDNG';
    default:
      r.entryWarning('unknown-status', `${n.location}: unknown Sts '${n.status}' read as information only (INFO)`);
      return 'INFO';
  }
}

function emitEntry(
  r: CamtReader,
  n: NtryState,
  t: TxState | null,
  amount: AmountValue,
  direction: Direction,
  status: ParsedEntry['status'],
  bankReference: string | null,
  location: string,
  ownsEntryExtras: boolean,
): void {
  const st = r.st();
  const credit = direction === 'CRDT';
  const btc = t && hasBtc(t.btc) ? t.btc : n.btc;
  const instructed = t?.instructed ?? (ownsEntryExtras ? n.instructed : null);
  let charges = t ? totalCharges(r, t.charges, location) : null;
  if (!charges && ownsEntryExtras) charges = totalCharges(r, n.charges, location);
  const remitterBic = t ? (credit ? t.debtorBic : t.creditorBic) : null;
  const uetr = t?.uetr ?? null;
  const info = t && t.additionalInfo.length > 0 ? [...t.additionalInfo, ...n.additionalInfo] : n.additionalInfo;
  const entry: ParsedEntry = {
    index: st.entryCount++,
    direction,
    amount,
    bookingDate: n.bookingDate,
    valueDate: n.valueDate,
    status,
    bankReference,
    strongReference: (t?.acctSvcrRef ?? n.acctSvcrRef) ? bankReference : null, // NtryRef is per statement
    endToEndId: t?.endToEndId ?? null,
    uetr,
    remitterName: t ? (credit ? t.debtorName : t.creditorName) : null,
    remitterAccount: t ? (credit ? t.debtorAccount : t.creditorAccount) : null,
    remitterBic,
    creditedAccount: t && credit ? t.creditorAccount : null,
    remittanceUnstructured: t && t.unstructured.length > 0 ? t.unstructured.join(' ') : null,
    remittanceStructured: t && t.structured.length > 0 ? t.structured.join(' ') : null,
    instructedAmount: instructed,
    charges,
    bankTransactionCode: btcText(btc),
    rail: railFor(btc, uetr, amount, instructed, remitterBic),
    reversal: n.reversal,
    returnReasonCode: t?.returnReason ?? null,
    originalReference: null,
    changeCode: null,
    location,
    additionalInfo: info.length > 0 ? info.join(' ') : null,
  };
  r.events.push({ type: 'entry', entry });
}
