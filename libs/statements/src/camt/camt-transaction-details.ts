import type { AmountValue, Direction } from '../statement.model';
import { accountIdTree, bicTree, leaf, mount, newNode, type PathNode } from './camt-element-tree';
import { btcTree, chargesTree, emptyBtc, emptyCharges, type EntryParts } from './camt-entry-parts';
import type { CamtReader } from './camt-reader';
import type { NtryState } from './camt-entry';

/**
 * NtryDtls/TxDtls: one transaction within an Ntry — its references, amounts, related parties and
 * agents, remittance information, charges and return information.
 */
export interface TxState extends EntryParts {
  /** 1-based, as in the location */
  index: number;
  location: string;
  depth: number;
  amount: AmountValue | null;
  txAmount: AmountValue | null;
  direction: Direction | null;
  acctSvcrRef: string | null;
  endToEndId: string | null;
  uetr: string | null;
  debtorName: string | null;
  debtorAccount: string | null;
  debtorBic: string | null;
  creditorName: string | null;
  creditorAccount: string | null;
  creditorBic: string | null;
  unstructured: string[];
  structured: string[];
  returnReason: string | null;
  additionalInfo: string[];
}

const NOT_PROVIDED = new Set(['NOTPROVIDED', 'NOT PROVIDED']);

export function transactionDetailsTree(): PathNode {
  const tx = newNode();
  tx.open = startDetail;
  tx.close = endDetail;
  // references
  leaf(tx, 'Refs/AcctSvcrRef', (r, t) => (r.tx().acctSvcrRef = t.trim() || null));
  leaf(tx, 'Refs/EndToEndId', (r, t) => {
    const id = t.trim();
    r.tx().endToEndId = id && !NOT_PROVIDED.has(id.toUpperCase()) ? id : null;
  });
  leaf(tx, 'Refs/UETR', (r, t) => (r.tx().uetr = t.trim() || null));
  // amounts
  leaf(tx, 'Amt', (r, t, tag) => (r.tx().amount = r.amount(t, tag)));
  leaf(tx, 'CdtDbtInd', (r, t) => (r.tx().direction = r.direction(t)));
  leaf(tx, 'AmtDtls/TxAmt/Amt', (r, t, tag) => (r.tx().txAmount = r.amount(t, tag)));
  leaf(tx, 'AmtDtls/InstdAmt/Amt', (r, t, tag) => (r.tx().instructed = r.amount(t, tag)));
  mount(
    tx,
    'BkTxCd',
    btcTree((r) => r.tx()),
  );
  mount(
    tx,
    'Chrgs',
    chargesTree((r) => r.tx()),
  );
  // parties: <Dbtr><Nm> up to .001.07, <Dbtr><Pty><Nm> from .001.08
  leaf(tx, 'RltdPties/Dbtr/Nm|RltdPties/Dbtr/Pty/Nm', (r, t) => (r.tx().debtorName ??= t.trim() || null));
  leaf(tx, 'RltdPties/Cdtr/Nm|RltdPties/Cdtr/Pty/Nm', (r, t) => (r.tx().creditorName ??= t.trim() || null));
  mount(
    tx,
    'RltdPties/DbtrAcct/Id',
    accountIdTree((r, id) => (r.tx().debtorAccount ??= id)),
  );
  mount(
    tx,
    'RltdPties/CdtrAcct/Id',
    accountIdTree((r, id) => (r.tx().creditorAccount ??= id)),
  );
  mount(
    tx,
    'RltdAgts/DbtrAgt',
    bicTree((r, bic) => (r.tx().debtorBic ??= bic)),
  );
  mount(
    tx,
    'RltdAgts/CdtrAgt',
    bicTree((r, bic) => (r.tx().creditorBic ??= bic)),
  );
  // remittance information
  leaf(tx, 'RmtInf/Ustrd', (r, t) => {
    const line = t.trim();
    if (line) r.tx().unstructured.push(line);
  });
  leaf(tx, 'RmtInf/Strd/CdtrRefInf/Ref', (r, t) => {
    const ref = t.trim();
    if (ref) r.tx().structured.push(ref);
  });
  // return information
  leaf(tx, 'RtrInf/Rsn/Cd|RtrInf/Rsn/Prtry', (r, t) => (r.tx().returnReason ??= t.trim() || null));
  leaf(tx, 'AddtlTxInf', (r, t) => {
    const info = t.trim();
    if (info) r.tx().additionalInfo.push(info);
  });
  return tx;
}

function newDetail(index: number, location: string, depth: number): TxState {
  return {
    index,
    location,
    depth,
    btc: emptyBtc(),
    charges: emptyCharges(),
    instructed: null,
    amount: null,
    txAmount: null,
    direction: null,
    acctSvcrRef: null,
    endToEndId: null,
    uetr: null,
    debtorName: null,
    debtorAccount: null,
    debtorBic: null,
    creditorName: null,
    creditorAccount: null,
    creditorBic: null,
    unstructured: [],
    structured: [],
    returnReason: null,
    additionalInfo: [],
  };
}

function startDetail(r: CamtReader): void {
  const n = r.ntry();
  const index = n.details.length + 1;
  r.detail = newDetail(index, `${n.location}/TxDtls[${index}]`, r.depth);
}

function endDetail(r: CamtReader): void {
  r.ntry().details.push(r.tx());
  r.detail = null;
}

/** One entry for a batch whose TxDtls have no amounts: fields all details agree on, remittance joined. */
export function mergeDetails(details: TxState[], n: NtryState): TxState {
  const merged = newDetail(0, n.location, -1);
  const common = <K extends keyof TxState>(key: K): TxState[K] | null => {
    let value: TxState[K] | null = null;
    for (const d of details) {
      const v = d[key];
      if (v === null) continue;
      if (value === null) value = v;
      else if (value !== v) return null;
    }
    return value;
  };
  merged.endToEndId = common('endToEndId');
  merged.uetr = common('uetr');
  merged.debtorName = common('debtorName');
  merged.debtorAccount = common('debtorAccount');
  merged.debtorBic = common('debtorBic');
  merged.creditorName = common('creditorName');
  merged.creditorAccount = common('creditorAccount');
  merged.creditorBic = common('creditorBic');
  merged.returnReason = common('returnReason');
  merged.acctSvcrRef = null;
  const unique = (lists: string[][]): string[] => [...new Set(lists.flat())];
  merged.unstructured = unique(details.map((d) => d.unstructured));
  merged.structured = unique(details.map((d) => d.structured));
  merged.additionalInfo = unique(details.map((d) => d.additionalInfo));
  return merged;
}
