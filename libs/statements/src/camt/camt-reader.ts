import Decimal from 'decimal.js';
import type { ParserLimits } from '../parser-limits';
import type { StatementEvent } from '../statement-events';
import { StatementParseError, type AmountValue, type Direction, type StatementFormat } from '../statement.model';
import { XmlError, XmlScanner, type XmlHandler, type XmlTag } from '../xml/xml-scanner';
import { camtFormatOf } from './camt.detect';
import type { BalanceState } from './camt-balances';
import type { PathNode } from './camt-element-tree';
import type { NtryState } from './camt-entry';
import type { StatementState } from './camt-statement';
import type { TxState } from './camt-transaction-details';

/**
 * The streaming side of the camt reader (over the XML scanner): walks the element tree as elements open and close, collects
 * the text of the elements the tree reads, and turns text into values (amounts, currencies,
 * directions, dates). What the elements mean is up to the tree's hooks (camt-statement,
 * camt-balances, camt-entry, camt-transaction-details), which keep their state here: the current
 * message, statement, balance, Ntry and TxDtls.
 */
export class CamtReader implements XmlHandler {
  events: StatementEvent[] = [];
  messageId: string | null = null;
  messageCreatedAt: string | null = null;

  private readonly parser: XmlScanner;
  private readonly tree: PathNode;
  private readonly fileName: string | null;
  /** element path (local names) and the tree node of each element (null = skipped) */
  private readonly names: string[] = [];
  private readonly nodes: (PathNode | null)[] = [];
  private collected = '';
  /** collect the text of the element being read (the scanner only slices text when set) */
  captureText = false;
  private started = false;
  private leadingLines = 0;
  private rootSeen = false;

  format: StatementFormat | null = null;
  rootName: string | null = null;
  containerCount = 0;
  readonly documentWarnings: string[] = [];

  stmt: StatementState | null = null;
  entry: NtryState | null = null;
  detail: TxState | null = null;
  balance: BalanceState | null = null;

  constructor(tree: PathNode, fileName: string | null, limits: ParserLimits) {
    this.tree = tree;
    this.fileName = fileName;
    this.parser = new XmlScanner(this, { maxDepth: limits.maxXmlDepth, maxTokenLength: limits.maxTextLength });
  }

  text(t: string): void {
    this.collected += t;
  }

  declaration(encoding: string | null): void {
    const enc = encoding?.toLowerCase();
    if (enc && enc !== 'utf-8' && enc !== 'utf8') {
      this.documentWarnings.push(`the XML declaration names encoding ${encoding}; the file was read as UTF-8`);
    }
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
    if (err instanceof XmlError) {
      if (err.resourceLimit) return this.fail(`resource limit: ${err.reason}`, `line ${err.line}`);
      const at = `line ${err.line}:${err.column}`;
      if (!this.rootSeen) {
        if (/root element/.test(err.reason)) return this.fail('empty file: not a camt XML document', null);
        return this.fail(`not XML: ${err.reason}`, at);
      }
      return this.fail(`malformed XML: ${err.reason}`, at);
    }
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

  /** current line in the document */
  get line(): number {
    return this.parser.line;
  }

  /** depth of the element being read (the document root is 0) */
  get depth(): number {
    return this.names.length - 1;
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

  // --- scanner events ---------------------------------------------------------------------------

  openTag(tag: XmlTag): void {
    const depth = this.names.length;
    if (depth > 0 && this.nodes[depth - 1] === null) {
      // inside a skipped element nothing is read, and no message names these elements
      this.names.push('');
      this.nodes.push(null);
      this.collected = '';
      this.captureText = false;
      return;
    }
    const name = localName(tag.name);
    let node: PathNode | null;
    if (depth === 0) {
      this.rootSeen = true;
      if (name === 'Document') node = this.tree;
      else if (camtFormatOf(name))
        node = this.tree.kids.get(name) ?? null; // message without Document wrapper
      else
        throw this.fail(
          `not a camt document: root element is <${name}>, expected <Document>`,
          `line ${this.parser.line}`,
        );
    } else {
      const parent = this.nodes[depth - 1];
      node = parent === null ? null : (parent.kids.get(name) ?? null);
      if (depth === 1 && parent === this.tree && node === null && this.rootName === null) {
        throw this.fail(`Document has no ${ROOT_LIST} (found <${name}>)`, `line ${this.parser.line}`);
      }
    }
    this.names.push(name);
    this.nodes.push(node);
    this.collected = '';
    if (node === null) {
      this.captureText = false;
    } else {
      this.captureText = node.text;
      if (node.open !== null) node.open(this, '', tag);
    }
  }

  closeTag(tag: XmlTag): void {
    const depth = this.nodes.length - 1;
    const node = this.nodes[depth];
    if (node !== null && node.close !== null) node.close(this, this.collected, tag);
    this.nodes.pop();
    this.names.pop();
    this.collected = '';
    this.captureText = depth > 0 && this.nodes[depth - 1]?.text === true;
    if (depth === 0 && this.rootName === null) {
      throw this.fail(`Document has no ${ROOT_LIST}`, `line ${this.parser.line}`);
    }
  }

  // --- value helpers (called from the tree) -------------------------------------------------

  /** an amount element: digits with an optional fraction, kept as written; Ccy attribute checked */
  amount(text: string, tag: XmlTag): AmountValue {
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
  entryWarning(kind: string, message: string): void {
    const st = this.stmt;
    if (!st) return this.warning(message);
    const seen = st.entryWarnings.get(kind);
    if (seen) seen.count++;
    else st.entryWarnings.set(kind, { first: message, count: 1 });
  }
}

const ROOT_LIST = 'BkToCstmrStmt/BkToCstmrAcctRpt/BkToCstmrDbtCdtNtfctn';

// 40 significant digits: balances plus 100k entries never lose a cent
export const Dec = Decimal.clone({ precision: 40 });

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
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

export function isZero(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 48 && c !== 46) return false;
  }
  return true;
}

export function sameNumber(a: string, b: string): boolean {
  return a === b || new Dec(a).eq(b);
}
