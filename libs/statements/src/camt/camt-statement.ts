import { DecimalSum } from '../decimal-sum';
import type { StatementHeader } from '../statement-events';
import type { BalanceValue } from '../statement.model';
import { camtFormatOf } from './camt.detect';
import { checkBalances, closingBalance, openingBalance } from './camt-balances';
import { accountIdTree, bicTree, leaf, mount, newNode, type PathNode } from './camt-element-tree';
import { localName, type CamtReader } from './camt-reader';

/**
 * The message and its statements: the group header (GrpHdr) of a message root, the header of
 * each Stmt / Rpt / Ntfctn (ids, sequence, period, account), and the end of a statement with its
 * balance check. Balances, entries and their details hang below the statement node (camt.parser).
 */
export interface StatementState {
  index: number;
  /** "Stmt[1]" / "Rpt[1]" / "Ntfctn[1]" */
  label: string;
  depth: number;
  statementId: string | null;
  electronicSeq: string | null;
  legalSeq: string | null;
  createdAt: string | null;
  fromDate: string | null;
  toDate: string | null;
  account: string | null;
  accountCurrency: string | null;
  servicerBic: string | null;
  balances: Map<string, BalanceValue>;
  /** opening balance as given in the header (null when not yet known) */
  headerOpening: BalanceValue | null;
  header: StatementHeader | null;
  ntryCount: number;
  entryCount: number;
  booked: DecimalSum;
  warnings: string[];
  /** repeated per-entry warnings, folded into one line each */
  entryWarnings: Map<string, { first: string; count: number }>;
}

const CONTAINERS = ['Stmt', 'Rpt', 'Ntfctn'];

/** a message root (BkToCstmrStmt, BkToCstmrAcctRpt, BkToCstmrDbtCdtNtfctn) with `statement` below it */
export function messageTree(rootName: string, statement: PathNode): PathNode {
  const root = newNode();
  root.open = (r) => startMessage(r, rootName);
  root.close = endMessage;
  leaf(root, 'GrpHdr/MsgId', (r, t) => (r.messageId = t.trim() || null));
  leaf(root, 'GrpHdr/CreDtTm', (r, t) => (r.messageCreatedAt = t.trim() || null));
  for (const container of CONTAINERS) root.kids.set(container, statement);
  return root;
}

/** statement / report / notification */
export function statementTree(): PathNode {
  const stmt = newNode();
  stmt.open = (r, _t, tag) => startStatement(r, localName(tag.name));
  stmt.close = endStatement;
  leaf(stmt, 'Id', (r, t) => (r.st().statementId = t.trim() || null));
  leaf(stmt, 'ElctrncSeqNb', (r, t) => (r.st().electronicSeq = t.trim() || null));
  leaf(stmt, 'LglSeqNb', (r, t) => (r.st().legalSeq = t.trim() || null));
  leaf(stmt, 'CreDtTm', (r, t) => (r.st().createdAt = t.trim() || null));
  leaf(stmt, 'FrToDt/FrDtTm', (r, t) => (r.st().fromDate = r.date(t)));
  leaf(stmt, 'FrToDt/ToDtTm', (r, t) => (r.st().toDate = r.date(t)));
  mount(
    stmt,
    'Acct/Id',
    accountIdTree((r, id) => (r.st().account ??= id)),
  );
  leaf(stmt, 'Acct/Ccy', (r, t) => (r.st().accountCurrency = r.currency(t.trim())));
  mount(
    stmt,
    'Acct/Svcr',
    bicTree((r, bic) => (r.st().servicerBic ??= bic)),
  );
  return stmt;
}

function startMessage(r: CamtReader, rootName: string): void {
  r.rootName = rootName;
  r.format = camtFormatOf(rootName);
}

function endMessage(r: CamtReader): void {
  if (r.containerCount === 0) {
    const expected = r.format === 'camt.053' ? 'Stmt' : r.format === 'camt.052' ? 'Rpt' : 'Ntfctn';
    throw r.fail(`${r.rootName} has no ${expected}: the document holds no statement`, `line ${r.line}`);
  }
}

function startStatement(r: CamtReader, container: string): void {
  const index = ++r.containerCount;
  r.stmt = {
    index,
    label: `${container}[${index}]`,
    depth: r.depth,
    statementId: null,
    electronicSeq: null,
    legalSeq: null,
    createdAt: null,
    fromDate: null,
    toDate: null,
    account: null,
    accountCurrency: null,
    servicerBic: null,
    balances: new Map(),
    headerOpening: null,
    header: null,
    ntryCount: 0,
    entryCount: 0,
    booked: new DecimalSum(),
    warnings: [...r.documentWarnings],
    entryWarnings: new Map(),
  };
}

/** the statement event, once: before the first entry, or at the end of a statement without entries */
export function emitHeader(r: CamtReader, st: StatementState): void {
  if (st.header) return;
  if (!st.account)
    throw r.fail('statement has no account id (Acct/Id/IBAN or Acct/Id/Othr/Id)', `${st.label} (line ${r.line})`);
  st.headerOpening = openingBalance(st);
  st.header = {
    format: r.format!,
    messageId: r.messageId,
    statementId: st.statementId,
    sequenceNumber: st.electronicSeq ?? st.legalSeq,
    account: st.account,
    accountCurrency: st.accountCurrency,
    servicerBic: st.servicerBic,
    createdAt: st.createdAt ?? r.messageCreatedAt,
    fromDate: st.fromDate,
    toDate: st.toDate,
    openingBalance: st.headerOpening,
    closingBalance: closingBalance(st, r.format),
    // as in the other readers, the complete list comes with statement-end
    warnings: [],
  };
  r.events.push({ type: 'statement', header: st.header });
}

function endStatement(r: CamtReader): void {
  const st = r.st();
  emitHeader(r, st);
  const opening = openingBalance(st);
  const closing = closingBalance(st, r.format);
  if (opening !== st.headerOpening) {
    st.warnings.push(
      `${st.label}: the opening balance appears after the entries; it is used for the balance check only`,
    );
  }
  const balanced = opening && closing ? checkBalances(st, opening, closing) : null;
  for (const { first, count } of st.entryWarnings.values()) {
    st.warnings.push(count > 1 ? `${first} (and ${count - 1} more like it)` : first);
  }
  r.events.push({
    type: 'statement-end',
    closingBalance: closing,
    balanced,
    entryCount: st.entryCount,
    warnings: st.warnings,
  });
  r.stmt = null;
}
