import Decimal from 'decimal.js';
import { TextDecoder } from 'node:util';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ByteChunks, StatementEvent, StatementHeader } from '../statement-events';
import {
  StatementParseError,
  type AmountValue,
  type BalanceValue,
  type Direction,
  type ParsedEntry,
  type StatementFormat,
} from '../statement.model';
import { CAMT_ROOTS, camtFormatOf } from './camt.detect';
import { railFor, type BankTransactionCode } from './camt.rail';

/**
 * Streaming reader for ISO 20022 camt.052 (BkToCstmrAcctRpt/Rpt), camt.053 (BkToCstmrStmt/Stmt)
 * and camt.054 (BkToCstmrDbtCdtNtfctn/Ntfctn), versions .001.01 to .001.10.
 *
 * Elements are matched on local names (namespace and version are ignored). The reader keeps the
 * current statement header and the current Ntry (with its TxDtls) only; everything else is
 * dropped as soon as it has been read, so memory does not grow with the file.
 */
export async function* readCamt(input: ByteChunks, fileName?: string): AsyncGenerator<StatementEvent> {
  const reader = new CamtReader(fileName ?? null);
  const decoder = new TextDecoder('utf-8');
  let failure: unknown = null;
  try {
    for await (const chunk of input) {
      let text: string;
      if (typeof chunk === 'string') {
        const pending = decoder.decode();
        text = pending ? pending + chunk : chunk;
      } else {
        text = decoder.decode(chunk, { stream: true });
      }
      if (text.length > 0) reader.write(text);
      if (reader.events.length > 0) yield* reader.drain();
    }
    const rest = decoder.decode();
    if (rest.length > 0) reader.write(rest);
    reader.close();
  } catch (err) {
    failure = err;
  }
  // whatever was complete before a failure is still delivered, then the error
  yield* reader.drain();
  if (failure !== null) throw failure;
}

// ---------------------------------------------------------------------------------------------
// Element tree: which elements we read, keyed by local name from the element above. Anything not
// in the tree (and everything below it) is skipped without collecting text.

type Hook = (r: CamtReader, text: string, tag: SaxesTagPlain) => void;

interface PathNode {
  readonly kids: Map<string, PathNode>;
  open: Hook | null;
  close: Hook | null;
  /** collect the element's own text for `close` */
  text: boolean;
}

const newNode = (): PathNode => ({ kids: new Map(), open: null, close: null, text: false });

function at(base: PathNode, path: string): PathNode {
  let node = base;
  for (const name of path.split('/')) {
    let kid = node.kids.get(name);
    if (!kid) {
      kid = newNode();
      node.kids.set(name, kid);
    }
    node = kid;
  }
  return node;
}

/** read the text of the element at `path` */
function leaf(base: PathNode, paths: string, hook: Hook): void {
  for (const path of paths.split('|')) {
    const node = at(base, path);
    node.close = hook;
    node.text = true;
  }
}

function onOpen(base: PathNode, path: string, hook: Hook): PathNode {
  const node = at(base, path);
  node.open = hook;
  return node;
}

/** hang a shared subtree under `path` */
function mount(base: PathNode, path: string, sub: PathNode): void {
  const slash = path.lastIndexOf('/');
  const parent = slash < 0 ? base : at(base, path.slice(0, slash));
  parent.kids.set(slash < 0 ? path : path.slice(slash + 1), sub);
}

/** Acct/Id, DbtrAcct/Id, CdtrAcct/Id: IBAN, Othr/Id, and the .001.01 BBAN / PrtryAcct/Id */
function accountIdTree(set: (r: CamtReader, id: string) => void): PathNode {
  const tree = newNode();
  leaf(tree, 'IBAN|Othr/Id|BBAN|PrtryAcct/Id', (r, text) => {
    const id = text.trim();
    if (id) set(r, id);
  });
  return tree;
}

/** FinInstnId: BIC (up to .001.02/.03), BICFI (.001.04+) */
function bicTree(set: (r: CamtReader, bic: string) => void): PathNode {
  const tree = newNode();
  leaf(tree, 'FinInstnId/BIC|FinInstnId/BICFI', (r, text) => {
    const bic = text.trim();
    if (bic) set(r, bic);
  });
  return tree;
}

/** Parts shared by Ntry and TxDtls. */
interface EntryParts {
  btc: BankTransactionCode;
  charges: ChargesState;
  instructed: AmountValue | null;
}

function btcTree(target: (r: CamtReader) => EntryParts): PathNode {
  const tree = newNode();
  leaf(tree, 'Domn/Cd', (r, t) => (target(r).btc.domain = t.trim() || null));
  leaf(tree, 'Domn/Fmly/Cd', (r, t) => (target(r).btc.family = t.trim() || null));
  leaf(tree, 'Domn/Fmly/SubFmlyCd', (r, t) => (target(r).btc.subFamily = t.trim() || null));
  leaf(tree, 'Prtry/Cd', (r, t) => (target(r).btc.proprietary = t.trim() || null));
  return tree;
}

/** Chrgs: .001.02 repeats Chrgs/Amt; .001.04+ has TtlChrgsAndTaxAmt and Rcrd/Amt */
function chargesTree(target: (r: CamtReader) => EntryParts): PathNode {
  const tree = newNode();
  leaf(tree, 'Amt|Rcrd/Amt', (r, t, tag) => target(r).charges.parts.push(r.amount(t, tag)));
  leaf(tree, 'TtlChrgsAndTaxAmt', (r, t, tag) => target(r).charges.totals.push(r.amount(t, tag)));
  return tree;
}

function buildTree(): PathNode {
  const document = newNode();

  // --- statement / report / notification -------------------------------------------------
  const stmt = newNode();
  stmt.open = (r, _t, tag) => r.startStatement(localName(tag.name));
  stmt.close = (r) => r.endStatement();
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

  // --- balances -----------------------------------------------------------------------------
  const bal = onOpen(stmt, 'Bal', (r) => r.startBalance());
  bal.close = (r) => r.endBalance();
  leaf(bal, 'Tp/CdOrPrtry/Cd|Tp/CdOrPrtry/Prtry|Tp/Cd|Tp/Prtry', (r, t) => (r.bal().type ??= t.trim()));
  leaf(bal, 'Amt', (r, t, tag) => (r.bal().amount = r.amount(t, tag)));
  leaf(bal, 'CdtDbtInd', (r, t) => (r.bal().direction = r.direction(t)));
  leaf(bal, 'Dt/Dt|Dt/DtTm', (r, t) => (r.bal().date = r.date(t)));

  // --- entries ------------------------------------------------------------------------------
  const ntry = onOpen(stmt, 'Ntry', (r) => r.startEntry());
  ntry.close = (r) => r.endEntry();
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

  // --- transaction details ------------------------------------------------------------------
  const tx = onOpen(ntry, 'NtryDtls/TxDtls', (r) => r.startDetail());
  tx.close = (r) => r.endDetail();
  leaf(tx, 'Refs/AcctSvcrRef', (r, t) => (r.tx().acctSvcrRef = t.trim() || null));
  leaf(tx, 'Refs/EndToEndId', (r, t) => {
    const id = t.trim();
    r.tx().endToEndId = id && !NOT_PROVIDED.has(id.toUpperCase()) ? id : null;
  });
  leaf(tx, 'Refs/UETR', (r, t) => (r.tx().uetr = t.trim() || null));
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
  leaf(tx, 'RmtInf/Ustrd', (r, t) => {
    const line = t.trim();
    if (line) r.tx().unstructured.push(line);
  });
  leaf(tx, 'RmtInf/Strd/CdtrRefInf/Ref', (r, t) => {
    const ref = t.trim();
    if (ref) r.tx().structured.push(ref);
  });
  leaf(tx, 'RtrInf/Rsn/Cd|RtrInf/Rsn/Prtry', (r, t) => (r.tx().returnReason ??= t.trim() || null));
  leaf(tx, 'AddtlTxInf', (r, t) => {
    const info = t.trim();
    if (info) r.tx().additionalInfo.push(info);
  });

  // --- message roots ------------------------------------------------------------------------
  for (const rootName of Object.keys(CAMT_ROOTS)) {
    const root = newNode();
    root.open = (r) => r.startMessage(rootName);
    root.close = (r) => r.endMessage();
    leaf(root, 'GrpHdr/MsgId', (r, t) => (r.messageId = t.trim() || null));
    leaf(root, 'GrpHdr/CreDtTm', (r, t) => (r.messageCreatedAt = t.trim() || null));
    for (const container of CONTAINERS) root.kids.set(container, stmt);
    document.kids.set(rootName, root);
  }
  return document;
}

const CONTAINERS = ['Stmt', 'Rpt', 'Ntfctn'];
const NOT_PROVIDED = new Set(['NOTPROVIDED', 'NOT PROVIDED']);
const ROOT_LIST = 'BkToCstmrStmt/BkToCstmrAcctRpt/BkToCstmrDbtCdtNtfctn';

// 40 significant digits: balances plus 100k entries never lose a cent
const Dec = Decimal.clone({ precision: 40 });

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

// ---------------------------------------------------------------------------------------------
// State

interface ChargesState {
  /** TtlChrgsAndTaxAmt (one per Chrgs block; .001.02 may repeat Chrgs) */
  totals: AmountValue[];
  /** Chrgs/Amt (.001.02) or Chrgs/Rcrd/Amt (.001.04+) */
  parts: AmountValue[];
}

interface BalanceState {
  type: string | null;
  amount: AmountValue | null;
  direction: Direction | null;
  date: string | null;
}

interface StatementState {
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
  booked: Decimal;
  warnings: string[];
  /** repeated per-entry warnings, folded into one line each */
  entryWarnings: Map<string, { first: string; count: number }>;
}

interface NtryState extends EntryParts {
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

interface TxState extends EntryParts {
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

const emptyBtc = (): BankTransactionCode => ({ domain: null, family: null, subFamily: null, proprietary: null });
const emptyCharges = (): ChargesState => ({ totals: [], parts: [] });

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

const TREE = buildTree();

class CamtReader {
  events: StatementEvent[] = [];
  messageId: string | null = null;
  messageCreatedAt: string | null = null;

  private readonly parser: SaxesParser<{ xmlns: false; position: true }>;
  private readonly fileName: string | null;
  /** element path (local names) and the tree node of each element (null = skipped) */
  private readonly names: string[] = [];
  private readonly nodes: (PathNode | null)[] = [];
  private text = '';
  private capture = false;
  private started = false;
  private leadingLines = 0;
  private rootSeen = false;

  private format: StatementFormat | null = null;
  private rootName: string | null = null;
  private containerCount = 0;
  private readonly documentWarnings: string[] = [];

  private stmt: StatementState | null = null;
  private entry: NtryState | null = null;
  private detail: TxState | null = null;
  private balance: BalanceState | null = null;

  constructor(fileName: string | null) {
    this.fileName = fileName;
    this.parser = new SaxesParser({ xmlns: false, position: true });
    this.parser.on('opentag', (tag) => this.onOpenTag(tag));
    this.parser.on('closetag', (tag) => this.onCloseTag(tag));
    this.parser.on('text', (t) => {
      if (this.capture) this.text += t;
    });
    this.parser.on('cdata', (t) => {
      if (this.capture) this.text += t;
    });
    this.parser.on('xmldecl', (decl) => {
      const enc = decl.encoding?.toLowerCase();
      if (enc && enc !== 'utf-8' && enc !== 'utf8') {
        this.documentWarnings.push(`the XML declaration names encoding ${decl.encoding}; the file was read as UTF-8`);
      }
    });
  }

  *drain(): Generator<StatementEvent> {
    const events = this.events;
    this.events = [];
    for (const event of events) yield event;
  }

  write(text: string): void {
    if (!this.started) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.checkFirstCharacter(text);
    }
    try {
      this.parser.write(text);
    } catch (err) {
      throw this.wrap(err);
    }
  }

  /** fail fast on a file that cannot be XML (MT940, CSV, JSON...) instead of reading all of it */
  private checkFirstCharacter(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
        if (c === 0x0a) this.leadingLines++;
        continue;
      }
      this.started = true;
      if (c !== 0x3c /* < */) {
        const head = text.slice(i, i + 20).replace(/[\r\n]+/g, ' ');
        throw this.fail(`not XML: the file starts with '${head}'`, `line ${this.leadingLines + 1}`);
      }
      return;
    }
  }

  close(): void {
    try {
      this.parser.close();
    } catch (err) {
      throw this.wrap(err);
    }
    if (!this.rootSeen) throw this.fail('empty file: not a camt XML document', null);
  }

  private wrap(err: unknown): StatementParseError {
    if (err instanceof StatementParseError) return err;
    const message = err instanceof Error ? err.message : String(err);
    const m = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
    const detail = (m ? m[3] : message).replace(/\.$/, '');
    if (!this.rootSeen) {
      if (/root element/.test(detail)) return this.fail('empty file: not a camt XML document', null);
      return this.fail(`not XML: ${detail}`, m ? `line ${m[1]}:${m[2]}` : null);
    }
    return this.fail(`malformed XML: ${detail}`, m ? `line ${m[1]}:${m[2]}` : null);
  }

  fail(reason: string, location: string | null): StatementParseError {
    return new StatementParseError(reason, location, this.fileName);
  }

  /** path of the current element for error messages: "Stmt[1]/Ntry[3]/Amt (line 42)" */
  private where(): string {
    const parts: string[] = [];
    const names = this.names;
    for (let i = 0; i < names.length; i++) {
      if (this.stmt && i === this.stmt.depth) {
        parts.length = 0;
        parts.push(this.stmt.label);
      } else if (this.entry && i === this.entry.depth) parts.push(`Ntry[${this.entry.index}]`);
      else if (this.detail && i === this.detail.depth) parts.push(`TxDtls[${this.detail.index}]`);
      else parts.push(names[i]);
    }
    return `${parts.join('/')} (line ${this.parser.line})`;
  }

  // --- SAX events ---------------------------------------------------------------------------

  private onOpenTag(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    const depth = this.names.length;
    let node: PathNode | null;
    if (depth === 0) {
      this.rootSeen = true;
      if (name === 'Document') node = TREE;
      else if (camtFormatOf(name))
        node = TREE.kids.get(name) ?? null; // message without Document wrapper
      else
        throw this.fail(
          `not a camt document: root element is <${name}>, expected <Document>`,
          `line ${this.parser.line}`,
        );
    } else {
      const parent = this.nodes[depth - 1];
      node = parent === null ? null : (parent.kids.get(name) ?? null);
      if (depth === 1 && parent === TREE && node === null && this.rootName === null) {
        throw this.fail(`Document has no ${ROOT_LIST} (found <${name}>)`, `line ${this.parser.line}`);
      }
    }
    this.names.push(name);
    this.nodes.push(node);
    this.text = '';
    if (node === null) {
      this.capture = false;
    } else {
      this.capture = node.text;
      if (node.open !== null) node.open(this, '', tag);
    }
  }

  private onCloseTag(tag: SaxesTagPlain): void {
    const depth = this.nodes.length - 1;
    const node = this.nodes[depth];
    if (node !== null && node.close !== null) node.close(this, this.text, tag);
    this.nodes.pop();
    this.names.pop();
    this.text = '';
    this.capture = depth > 0 && this.nodes[depth - 1]?.text === true;
    if (depth === 0 && this.rootName === null) {
      throw this.fail(`Document has no ${ROOT_LIST}`, `line ${this.parser.line}`);
    }
  }

  // --- value helpers (called from the tree) -------------------------------------------------

  /** an amount element: digits with an optional fraction, kept as written; Ccy attribute checked */
  amount(text: string, tag: SaxesTagPlain): AmountValue {
    const amount = text.trim();
    if (!isDecimal(amount)) {
      throw this.fail(`invalid amount '${amount.length > 40 ? amount.slice(0, 40) + '…' : amount}'`, this.where());
    }
    const ccy = tag.attributes.Ccy;
    if (ccy === undefined || ccy === '') {
      const fallback = this.stmt?.accountCurrency;
      if (!fallback) throw this.fail('amount without Ccy attribute', this.where());
      this.entryWarning(
        'no-ccy',
        `${this.where()}: amount without Ccy attribute, using the account currency ${fallback}`,
      );
      return { amount, currency: fallback };
    }
    return { amount, currency: this.currency(ccy) };
  }

  currency(code: string): string {
    const c = code.trim();
    if (!isCurrencyCode(c))
      throw this.fail(`invalid currency code '${c}' (expected 3 uppercase letters)`, this.where());
    return c;
  }

  direction(text: string): Direction {
    const v = text.trim();
    if (v === 'CRDT' || v === 'DBIT') return v;
    throw this.fail(`CdtDbtInd must be CRDT or DBIT, got '${v}'`, this.where());
  }

  /** ISO date part of a Dt or DtTm value */
  date(text: string): string | null {
    const v = text.trim();
    if (isIsoDate(v)) return v.length === 10 ? v : v.slice(0, 10);
    if (v) this.entryWarning('bad-date', `${this.where()}: unreadable date '${v}' ignored`);
    return null;
  }

  st(): StatementState {
    return this.stmt!;
  }

  ntry(): NtryState {
    return this.entry!;
  }

  tx(): TxState {
    return this.detail!;
  }

  bal(): BalanceState {
    return this.balance!;
  }

  private warning(message: string): void {
    if (this.stmt) this.stmt.warnings.push(message);
    else this.documentWarnings.push(message);
  }

  /** a warning that may repeat for many entries: kept once with a count */
  private entryWarning(kind: string, message: string): void {
    const st = this.stmt;
    if (!st) return this.warning(message);
    const seen = st.entryWarnings.get(kind);
    if (seen) seen.count++;
    else st.entryWarnings.set(kind, { first: message, count: 1 });
  }

  // --- structure ----------------------------------------------------------------------------

  startMessage(rootName: string): void {
    this.rootName = rootName;
    this.format = camtFormatOf(rootName);
  }

  endMessage(): void {
    if (this.containerCount === 0) {
      const expected = this.format === 'camt.053' ? 'Stmt' : this.format === 'camt.052' ? 'Rpt' : 'Ntfctn';
      throw this.fail(
        `${this.rootName} has no ${expected}: the document holds no statement`,
        `line ${this.parser.line}`,
      );
    }
  }

  startStatement(container: string): void {
    const index = ++this.containerCount;
    this.stmt = {
      index,
      label: `${container}[${index}]`,
      depth: this.names.length - 1,
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
      booked: new Dec(0),
      warnings: [...this.documentWarnings],
      entryWarnings: new Map(),
    };
  }

  private opening(st: StatementState): BalanceValue | null {
    return st.balances.get('OPBD') ?? st.balances.get('PRCD') ?? st.balances.get('OPAV') ?? null;
  }

  private closing(st: StatementState): BalanceValue | null {
    return st.balances.get('CLBD') ?? (this.format === 'camt.052' ? (st.balances.get('ITBD') ?? null) : null);
  }

  private emitHeader(st: StatementState): void {
    if (st.header) return;
    if (!st.account)
      throw this.fail(
        'statement has no account id (Acct/Id/IBAN or Acct/Id/Othr/Id)',
        `${st.label} (line ${this.parser.line})`,
      );
    st.headerOpening = this.opening(st);
    st.header = {
      format: this.format!,
      messageId: this.messageId,
      statementId: st.statementId,
      sequenceNumber: st.electronicSeq ?? st.legalSeq,
      account: st.account,
      accountCurrency: st.accountCurrency,
      servicerBic: st.servicerBic,
      createdAt: st.createdAt ?? this.messageCreatedAt,
      fromDate: st.fromDate,
      toDate: st.toDate,
      openingBalance: st.headerOpening,
      closingBalance: this.closing(st),
      // as in the other readers, the complete list comes with statement-end
      warnings: [],
    };
    this.events.push({ type: 'statement', header: st.header });
  }

  endStatement(): void {
    const st = this.st();
    this.emitHeader(st);
    const opening = this.opening(st);
    const closing = this.closing(st);
    if (opening !== st.headerOpening) {
      st.warnings.push(
        `${st.label}: the opening balance appears after the entries; it is used for the balance check only`,
      );
    }
    let balanced: boolean | null = null;
    if (opening && closing) {
      if (opening.currency !== closing.currency) {
        balanced = false;
        st.warnings.push(
          `${st.label}: opening balance is in ${opening.currency} but closing balance is in ${closing.currency}`,
        );
      } else {
        const expected = new Dec(opening.signedAmount).plus(st.booked);
        balanced = expected.eq(closing.signedAmount);
        if (!balanced) {
          st.warnings.push(
            `${st.label}: opening balance ${opening.signedAmount} + booked entries ${st.booked.toFixed()} = ` +
              `${expected.toFixed()}, but the closing balance is ${closing.signedAmount} ${closing.currency}`,
          );
        }
      }
    }
    for (const { first, count } of st.entryWarnings.values()) {
      st.warnings.push(count > 1 ? `${first} (and ${count - 1} more like it)` : first);
    }
    this.events.push({
      type: 'statement-end',
      closingBalance: closing,
      balanced,
      entryCount: st.entryCount,
      warnings: st.warnings,
    });
    this.stmt = null;
  }

  startBalance(): void {
    this.balance = { type: null, amount: null, direction: null, date: null };
  }

  endBalance(): void {
    const b = this.bal();
    const st = this.st();
    this.balance = null;
    if (!b.type || !b.amount) {
      st.warnings.push(`${st.label}: balance without type or amount ignored (line ${this.parser.line})`);
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

  startEntry(): void {
    const st = this.st();
    this.emitHeader(st);
    const index = ++st.ntryCount;
    this.entry = {
      index,
      location: `${st.label}/Ntry[${index}]`,
      depth: this.names.length - 1,
      line: this.parser.line,
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

  startDetail(): void {
    const n = this.ntry();
    const index = n.details.length + 1;
    this.detail = newDetail(index, `${n.location}/TxDtls[${index}]`, this.names.length - 1);
  }

  endDetail(): void {
    this.ntry().details.push(this.tx());
    this.detail = null;
  }

  endEntry(): void {
    const n = this.ntry();
    const st = this.st();
    this.entry = null;
    const where = `${n.location} (line ${n.line})`;
    if (!n.amount) throw this.fail('Ntry without Amt', where);
    if (!n.direction) throw this.fail('Ntry without CdtDbtInd', where);
    const amount = n.amount;
    const direction = n.direction;

    const status = this.status(n);
    if (status === 'BOOK')
      st.booked = direction === 'CRDT' ? st.booked.plus(amount.amount) : st.booked.minus(amount.amount);

    const ntryRef = n.acctSvcrRef ?? n.ntryRef;
    const details = n.details;
    if (details.length === 0) {
      this.emitEntry(n, null, amount, direction, status, ntryRef, n.location, true);
      return;
    }
    if (details.length === 1) {
      // one detail: the booked Ntry amount is authoritative (samples carry TxDtls/Amt in other
      // currencies or as 0); disagreements are reported, not used
      const t = details[0];
      const own = t.amount ?? t.txAmount;
      if (own && (own.currency !== amount.currency || !sameNumber(own.amount, amount.amount))) {
        this.entryWarning(
          'detail-amount',
          `${t.location}: TxDtls amount ${own.amount} ${own.currency} differs from the Ntry amount ${amount.amount} ${amount.currency}; the Ntry amount is used`,
        );
      }
      if (t.direction && t.direction !== direction) {
        this.entryWarning(
          'detail-direction',
          `${t.location}: TxDtls CdtDbtInd ${t.direction} differs from the Ntry's ${direction}; the Ntry's is used`,
        );
      }
      this.emitEntry(n, t, amount, direction, status, t.acctSvcrRef ?? ntryRef, t.location, true);
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
        this.emitEntry(n, t, own, dir, status, ref, t.location, false);
      }
      if (!sameCurrency || !sum.eq(amount.amount)) {
        this.entryWarning(
          'batch-sum',
          `${n.location}: the ${details.length} TxDtls amounts do not add up to the Ntry amount ${amount.amount} ${amount.currency}`,
        );
      }
      return;
    }
    this.entryWarning(
      'batch-no-amounts',
      `${n.location}: ${details.length} TxDtls without amounts of their own; reported as one entry with the Ntry amount`,
    );
    this.emitEntry(n, mergeDetails(details, n), amount, direction, status, ntryRef, n.location, true);
  }

  private status(n: NtryState): ParsedEntry['status'] {
    switch (n.status) {
      case 'BOOK':
      case 'PDNG':
      case 'INFO':
        return n.status;
      case null:
        this.entryWarning('no-status', `${n.location}: Ntry without Sts; read as booked (BOOK)`);
        return 'BOOK';
      case 'FUTR':
        this.entryWarning('futr', `${n.location}: Sts FUTR (future booking) read as pending (PDNG)`);
        return 'PDNG';
      default:
        this.entryWarning('unknown-status', `${n.location}: unknown Sts '${n.status}' read as information only (INFO)`);
        return 'INFO';
    }
  }

  private emitEntry(
    n: NtryState,
    t: TxState | null,
    amount: AmountValue,
    direction: Direction,
    status: ParsedEntry['status'],
    bankReference: string | null,
    location: string,
    ownsEntryExtras: boolean,
  ): void {
    const st = this.st();
    const credit = direction === 'CRDT';
    const btc = t && hasBtc(t.btc) ? t.btc : n.btc;
    const instructed = t?.instructed ?? (ownsEntryExtras ? n.instructed : null);
    let charges = t ? this.charges(t.charges, location) : null;
    if (!charges && ownsEntryExtras) charges = this.charges(n.charges, location);
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
    this.events.push({ type: 'entry', entry });
  }

  /** TtlChrgsAndTaxAmt, else the sum of the charge records; null when absent or zero */
  private charges(c: ChargesState, location: string): AmountValue | null {
    const amounts = c.totals.length > 0 ? c.totals : c.parts;
    if (amounts.length === 0) return null;
    if (amounts.length === 1) return isZero(amounts[0].amount) ? null : amounts[0];
    const currency = amounts[0].currency;
    let sum = new Dec(0);
    let scale = 0;
    for (const part of amounts) {
      if (part.currency !== currency) {
        this.entryWarning(
          'charges-ccy',
          `${location}: charges in several currencies; only ${currency} charges are summed`,
        );
        continue;
      }
      sum = sum.plus(part.amount);
      const dot = part.amount.indexOf('.');
      if (dot >= 0) scale = Math.max(scale, part.amount.length - dot - 1);
    }
    return sum.isZero() ? null : { amount: sum.toFixed(scale), currency };
  }
}

// ---------------------------------------------------------------------------------------------
// helpers

/** One entry for a batch whose TxDtls have no amounts: fields all details agree on, remittance joined. */
function mergeDetails(details: TxState[], n: NtryState): TxState {
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

function hasBtc(b: BankTransactionCode): boolean {
  return b.domain !== null || b.family !== null || b.subFamily !== null || b.proprietary !== null;
}

function btcText(b: BankTransactionCode): string | null {
  if (b.domain && b.family) return b.subFamily ? `${b.domain}/${b.family}/${b.subFamily}` : `${b.domain}/${b.family}`;
  return b.proprietary ?? b.domain;
}

/** ^\d+(\.\d+)?$ without a regex */
function isDecimal(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  let i = 0;
  let c = s.charCodeAt(0);
  if (c < 48 || c > 57) return false;
  while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) i++;
  if (i === n) return true;
  if (c !== 46 || i === n - 1) return false;
  for (i++; i < n; i++) {
    c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isCurrencyCode(s: string): boolean {
  if (s.length !== 3) return false;
  for (let i = 0; i < 3; i++) {
    const c = s.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** starts with YYYY-MM-DD */
function isIsoDate(s: string): boolean {
  if (s.length < 10) return false;
  for (let i = 0; i < 10; i++) {
    const c = s.charCodeAt(i);
    if (i === 4 || i === 7) {
      if (c !== 45) return false;
    } else if (c < 48 || c > 57) return false;
  }
  return (
    s.length === 10 ||
    s.charCodeAt(10) === 84 /* T */ ||
    s.charCodeAt(10) === 43 ||
    s.charCodeAt(10) === 45 ||
    s.charCodeAt(10) === 90
  );
}

function isZero(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 48 && c !== 46) return false;
  }
  return true;
}

function sameNumber(a: string, b: string): boolean {
  return a === b || new Dec(a).eq(b);
}
