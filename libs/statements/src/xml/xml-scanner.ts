/**
 * A streaming, well-formedness-checking XML 1.0 tokenizer for bank statements.
 *
 * Why not a library: the camt reader used saxes, the strict streaming parser for Node, and more
 * than half of its parse time was spent inside it (a character at a time through a state
 * machine). The libraries that are faster (sax-wasm, htmlparser2, ltx, txml) are lenient: they
 * read a file with unclosed tags, bad entities or stray markup without a word, and a bank file
 * that is not well-formed must be quarantined, not half-read. This scanner jumps from `<` to `>`
 * with indexOf, checks every character in one regular-expression pass per chunk, and keeps the
 * checks saxes made (names, attribute syntax, quotes, duplicate attributes, entity and character
 * references, `]]>` in text, `--` in comments, matching end tags, one root, nothing but white
 * space and comments outside it). The test beside it compares its verdict with saxes on
 * thousands of mutated documents.
 *
 * Deliberate differences: a DOCTYPE is refused (no camt message has one, and a DTD is how entity
 * expansion attacks start), namespaces are not resolved (the reader matches local names), and
 * line numbers count line feeds (a file with bare CR line ends reports line 1).
 *
 * Resource limits are checked as data arrives: an open element deeper than `maxDepth`, or any
 * unfinished token (text, tag, comment, CDATA) longer than `maxTokenLength`, is refused before it
 * is held whole.
 */
export interface XmlTag {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export interface XmlHandler {
  /** read by the scanner before each text: text nodes are only sliced and decoded when true */
  captureText: boolean;
  openTag(tag: XmlTag): void;
  closeTag(tag: XmlTag): void;
  text(text: string): void;
  declaration?(encoding: string | null): void;
}

export interface XmlScannerLimits {
  maxDepth: number;
  maxTokenLength: number;
}

/** `reason` is what went wrong; `message` is saxes' "line:column: reason" form. */
export class XmlError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
    /** a resource limit was hit, not a syntax error */
    readonly resourceLimit = false,
  ) {
    super(`${line}:${column}: ${reason}`);
    this.name = 'XmlError';
  }
}

// characters XML 1.0 does not allow anywhere (section 2.2), lone surrogates included
const INVALID_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

// ASCII name characters: 1 = may start a name, 2 = may continue one
const NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) NAME[c] = 3;
  else if (/[0-9.-]/.test(ch)) NAME[c] = 2;
}

/** XML 1.0 (fifth edition) NameStartChar above ASCII */
function nameStartAbove127(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    (c >= 0x200c && c <= 0x200d) ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd) ||
    (c >= 0xd800 && c <= 0xdbff) // high surrogate: U+10000–U+EFFFF (INVALID_CHAR rejects lone ones)
  );
}

function nameCharAbove127(c: number): boolean {
  return (
    nameStartAbove127(c) ||
    c === 0xb7 ||
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x203f && c <= 0x2040) ||
    (c >= 0xdc00 && c <= 0xdfff) // low surrogate, second half of a pair
  );
}

/** line ends in literal text: CR LF and a lone CR become LF (section 2.11) */
const lineEnds = (s: string) => (s.indexOf('\r') >= 0 ? s.replace(/\r\n?/g, '\n') : s);

/** literal white space in an attribute value: each character, CR LF as one, a space (section 3.3.3) */
const attributeSpaces = (s: string) => (/[\t\n\r]/.test(s) ? s.replace(/\r\n|[\t\n\r]/g, ' ') : s);

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

const EMPTY: Readonly<Record<string, string>> = Object.freeze({});

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

const XML_DECL =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])([A-Za-z][A-Za-z0-9._-]*)\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\4)?[ \t\r\n]*\?>$/;

/** thrown inside a token that has not fully arrived: the scan stops and resumes with more data */
const INCOMPLETE = -1;

export class XmlScanner {
  private buf = '';
  private pos = 0;
  /** line feeds before buf[0] */
  private linesBefore = 0;
  /** line feeds in buf before lineAt */
  private linesInBuf = 0;
  private lineAt = 0;
  private readonly stack: XmlTag[] = [];
  private rootSeen = false;
  private rootClosed = false;
  /** characters dropped from the front of buf so far */
  private consumed = 0;
  private closed = false;
  // next '&' and ']]>' at or after some position in buf (buf.length + 1 = none): keeps the checks of
  // text that nobody reads linear in the size of the document
  private nextAmp = -1;
  private nextCdEnd = -1;

  constructor(
    private readonly handler: XmlHandler,
    private readonly limits: XmlScannerLimits,
  ) {}

  /** line of the token being reported (1-based) */
  get line(): number {
    return this.lineOf(this.pos);
  }

  write(chunk: string): void {
    if (this.closed) throw new Error('write after close');
    const bad = INVALID_CHAR.exec(chunk);
    if (bad) {
      // report the tokens before it first: their errors come earlier in the file
      this.append(chunk.slice(0, bad.index));
      this.scan();
      const at = this.buf.length;
      const code = chunk.codePointAt(bad.index)!;
      throw this.errorAt(at, `disallowed character U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    this.append(chunk);
    this.scan();
    if (this.buf.length - this.pos > this.limits.maxTokenLength) {
      throw this.errorAt(
        this.pos,
        `a text, name or attribute value longer than the ${this.limits.maxTokenLength} characters accepted`,
        true,
      );
    }
  }

  close(): void {
    this.closed = true;
    const rest = this.buf.length - this.pos;
    if (rest > 0) {
      // what is left is a token that never ended, or text after the last tag
      const lt = this.buf.indexOf('<', this.pos);
      if (lt < 0 && this.stack.length === 0) this.outsideText(this.pos, this.buf.length);
      else throw this.errorAt(this.buf.length, 'unexpected end of document');
    }
    if (this.stack.length > 0) {
      throw this.errorAt(this.buf.length, `unclosed tag: ${this.stack[this.stack.length - 1].name}`);
    }
    if (!this.rootSeen) throw this.errorAt(this.buf.length, 'document must contain a root element');
  }

  // --- buffer ---------------------------------------------------------------------------------

  private append(chunk: string): void {
    if (this.pos > 0) {
      this.countLines(this.pos);
      this.linesBefore += this.linesInBuf;
      this.linesInBuf = 0;
      this.lineAt = 0;
      this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + chunk : chunk;
      this.consumed += this.pos;
      this.pos = 0;
    } else {
      this.buf += chunk;
    }
    this.nextAmp = -1;
    this.nextCdEnd = -1;
  }

  private countLines(to: number): void {
    const buf = this.buf;
    let i = this.lineAt;
    if (to < i) {
      i = 0;
      this.linesInBuf = 0;
    }
    let n = this.linesInBuf;
    while ((i = buf.indexOf('\n', i)) >= 0 && i < to) {
      n++;
      i++;
    }
    this.linesInBuf = n;
    this.lineAt = to;
  }

  private lineOf(at: number): number {
    this.countLines(at);
    return this.linesBefore + this.linesInBuf + 1;
  }

  private errorAt(at: number, reason: string, resourceLimit = false): XmlError {
    const line = this.lineOf(at);
    const nl = this.buf.lastIndexOf('\n', at - 1);
    return new XmlError(reason, line, at - nl, resourceLimit);
  }

  // --- scanning -------------------------------------------------------------------------------

  private scan(): void {
    const buf = this.buf;
    const len = buf.length;
    let pos = this.pos;
    while (pos < len) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) break; // text runs on into the next chunk
      if (lt > pos) {
        if (this.stack.length > 0) this.textNode(pos, lt);
        else this.outsideText(pos, lt);
      }
      if (lt + 1 >= len) {
        pos = lt;
        break;
      }
      const c = buf.charCodeAt(lt + 1);
      let end: number;
      if (c === 0x2f /* / */) end = this.endTag(lt);
      else if (c === 0x21 /* ! */) end = this.bang(lt);
      else if (c === 0x3f /* ? */) end = this.instruction(lt);
      else end = this.startTag(lt);
      if (end === INCOMPLETE) {
        pos = lt;
        break;
      }
      pos = end;
      this.pos = pos;
    }
    this.pos = pos;
  }

  /** whether buf[start, end) holds a '&' (positions only move forward between appends) */
  private ampIn(start: number, end: number): boolean {
    if (this.nextAmp < start) {
      const i = this.buf.indexOf('&', start);
      this.nextAmp = i < 0 ? this.buf.length + 1 : i;
    }
    return this.nextAmp < end;
  }

  private textNode(start: number, end: number): void {
    const buf = this.buf;
    if (this.nextCdEnd < start) {
      const i = buf.indexOf(']]>', start);
      this.nextCdEnd = i < 0 ? buf.length + 1 : i;
    }
    if (this.nextCdEnd < end) throw this.errorAt(this.nextCdEnd, 'the string "]]>" is disallowed in char data');
    const hasRef = this.ampIn(start, end);
    if (!this.handler.captureText) {
      if (hasRef) this.decode(start, end, lineEnds); // validates the references
      return;
    }
    this.handler.text(hasRef ? this.decode(start, end, lineEnds) : lineEnds(buf.slice(start, end)));
  }

  /**
   * Text with references: each one checked and replaced by its character; `literal` normalises
   * the text between them only (a character reference such as &#13; stands as written).
   */
  private decode(start: number, end: number, literal: (s: string) => string): string {
    const buf = this.buf;
    let out = '';
    let from = start;
    let amp = buf.indexOf('&', start);
    while (amp >= 0 && amp < end) {
      out += literal(buf.slice(from, amp));
      const semi = buf.indexOf(';', amp);
      if (semi < 0 || semi >= end) throw this.errorAt(amp, 'an entity reference must end with ";"');
      out += this.reference(amp, buf.slice(amp + 1, semi));
      from = semi + 1;
      amp = buf.indexOf('&', from);
    }
    this.nextAmp = amp < 0 ? buf.length + 1 : amp;
    return out + literal(buf.slice(from, end));
  }

  private reference(at: number, name: string): string {
    if (name.charCodeAt(0) === 0x23 /* # */) {
      const hex = name.charCodeAt(1) === 0x78; /* x */
      const digits = name.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) {
        throw this.errorAt(at, `malformed character reference "&${name};"`);
      }
      const code = parseInt(digits, hex ? 16 : 10);
      const ok =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      if (!ok) throw this.errorAt(at, `character reference "&${name};" is not a character XML allows`);
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[name];
    if (value === undefined) {
      if (!this.isName(name)) throw this.errorAt(at, `malformed entity reference "&${name};"`);
      throw this.errorAt(at, `undefined entity "${name}"`);
    }
    return value;
  }

  private outsideText(start: number, end: number): void {
    const buf = this.buf;
    for (let i = start; i < end; i++) {
      if (!isSpace(buf.charCodeAt(i))) {
        throw this.errorAt(
          i,
          this.rootClosed ? 'text data outside of root node' : 'text data outside of root node (before it)',
        );
      }
    }
  }

  /** end of a name starting at i (i itself when there is none) */
  private nameEnd(i: number): number {
    const buf = this.buf;
    const len = buf.length;
    let c = buf.charCodeAt(i);
    if (c < 128 ? (NAME[c] & 1) === 0 : !nameStartAbove127(c)) return i;
    for (i++; i < len; i++) {
      c = buf.charCodeAt(i);
      if (c < 128 ? NAME[c] === 0 : !nameCharAbove127(c)) break;
    }
    return i;
  }

  private isName(s: string): boolean {
    if (s.length === 0) return false;
    let c = s.charCodeAt(0);
    if (c < 128 ? (NAME[c] & 1) === 0 : !nameStartAbove127(c)) return false;
    for (let i = 1; i < s.length; i++) {
      c = s.charCodeAt(i);
      if (c < 128 ? NAME[c] === 0 : !nameCharAbove127(c)) return false;
    }
    return true;
  }

  private skipSpace(i: number): number {
    const buf = this.buf;
    while (i < buf.length && isSpace(buf.charCodeAt(i))) i++;
    return i;
  }

  private startTag(lt: number): number {
    const buf = this.buf;
    const nameEnd = this.nameEnd(lt + 1);
    if (nameEnd >= buf.length) return INCOMPLETE;
    if (nameEnd === lt + 1) throw this.errorAt(lt + 1, 'disallowed character in tag name');
    if (this.rootClosed) throw this.errorAt(lt, 'text data outside of root node (a second root element)');
    const c = buf.charCodeAt(nameEnd);
    // most tags of a statement have no attributes: kept apart so that this path stays small
    if (c === 0x3e /* > */) {
      this.openElement({ name: buf.slice(lt + 1, nameEnd), attributes: EMPTY }, nameEnd + 1);
      return nameEnd + 1;
    }
    return this.tagWithAttributes(buf.slice(lt + 1, nameEnd), nameEnd);
  }

  /** the rest of a start tag from the end of its name: attributes, then > or /> */
  private tagWithAttributes(name: string, from: number): number {
    const buf = this.buf;
    const len = buf.length;
    let attributes = EMPTY;
    let count = 0;
    let i = from;
    for (;;) {
      const c = buf.charCodeAt(i);
      if (c === 0x3e /* > */) {
        this.openElement({ name, attributes }, i + 1);
        return i + 1;
      }
      if (c === 0x2f /* / */) {
        if (i + 1 >= len) return INCOMPLETE;
        if (buf.charCodeAt(i + 1) !== 0x3e) throw this.errorAt(i + 1, 'forward-slash in opening tag not followed by >');
        const tag = { name, attributes };
        this.openElement(tag, i + 2);
        this.closeElement(tag, i + 2);
        return i + 2;
      }
      if (!isSpace(c)) {
        throw this.errorAt(i, count > 0 ? 'no whitespace between attributes' : 'disallowed character in tag name');
      }
      i = this.skipSpace(i);
      if (i >= len) return INCOMPLETE;
      const a = buf.charCodeAt(i);
      if (a === 0x3e || a === 0x2f) continue;
      // an attribute: Name S? = S? "value"
      const attrEnd = this.nameEnd(i);
      if (attrEnd >= len) return INCOMPLETE;
      if (attrEnd === i) throw this.errorAt(i, 'disallowed character in attribute name');
      const attr = buf.slice(i, attrEnd);
      i = this.skipSpace(attrEnd);
      if (i >= len) return INCOMPLETE;
      if (buf.charCodeAt(i) !== 0x3d /* = */) throw this.errorAt(i, `attribute ${attr} without value`);
      i = this.skipSpace(i + 1);
      if (i >= len) return INCOMPLETE;
      const q = buf.charCodeAt(i);
      if (q !== 0x22 && q !== 0x27) throw this.errorAt(i, 'unquoted attribute value');
      const close = buf.indexOf(q === 0x22 ? '"' : "'", i + 1);
      if (close < 0) return INCOMPLETE;
      if (++count > this.limits.maxTokenLength / 16) {
        throw this.errorAt(
          i,
          `an element with more than ${Math.floor(this.limits.maxTokenLength / 16)} attributes`,
          true,
        );
      }
      const value = this.attributeValue(i + 1, close);
      // a plain object (a null-prototype one is a slow dictionary in V8); own properties only
      if (attributes === EMPTY) attributes = {};
      if (Object.prototype.hasOwnProperty.call(attributes, attr)) throw this.errorAt(i, `duplicate attribute: ${attr}`);
      if (attr === '__proto__') Object.defineProperty(attributes, attr, { value, enumerable: true });
      else (attributes as Record<string, string>)[attr] = value;
      i = close + 1;
      if (i >= len) return INCOMPLETE;
    }
  }

  private attributeValue(start: number, end: number): string {
    const buf = this.buf;
    const lt = buf.indexOf('<', start);
    if (lt >= 0 && lt < end) throw this.errorAt(lt, 'disallowed character "<" in attribute value');
    return this.ampIn(start, end) ? this.decode(start, end, attributeSpaces) : attributeSpaces(buf.slice(start, end));
  }

  private openElement(tag: XmlTag, after: number): void {
    if (this.stack.length >= this.limits.maxDepth) {
      throw this.errorAt(after, `elements nested more than ${this.limits.maxDepth} deep`, true);
    }
    this.rootSeen = true;
    this.stack.push(tag);
    this.pos = after;
    this.handler.openTag(tag);
  }

  private closeElement(tag: XmlTag, after: number): void {
    this.stack.pop();
    if (this.stack.length === 0) this.rootClosed = true;
    this.pos = after;
    this.handler.closeTag(tag);
  }

  private endTag(lt: number): number {
    const buf = this.buf;
    const top = this.stack[this.stack.length - 1];
    // the usual case, "</Name>" closing the open element: compared in place, no name scanned
    if (top !== undefined) {
      const end = lt + 2 + top.name.length;
      if (buf.charCodeAt(end) === 0x3e /* > */ && buf.startsWith(top.name, lt + 2)) {
        this.closeElement(top, end + 1);
        return end + 1;
      }
    }
    const nameEnd = this.nameEnd(lt + 2);
    if (nameEnd >= buf.length) return INCOMPLETE;
    if (nameEnd === lt + 2) throw this.errorAt(lt + 2, 'disallowed character in closing tag name');
    const gt = this.skipSpace(nameEnd);
    if (gt >= buf.length) return INCOMPLETE;
    if (buf.charCodeAt(gt) !== 0x3e) throw this.errorAt(gt, 'disallowed character in closing tag');
    if (top === undefined || nameEnd - lt - 2 !== top.name.length || !buf.startsWith(top.name, lt + 2)) {
      const name = buf.slice(lt + 2, nameEnd);
      if (top === undefined) throw this.errorAt(lt, `unmatched closing tag: ${name}`);
      throw this.errorAt(lt, `unexpected close tag </${name}>, expected </${top.name}>`);
    }
    this.closeElement(top, gt + 1);
    return gt + 1;
  }

  /** <!-- comment -->, <![CDATA[ … ]]>, <!DOCTYPE (refused) */
  private bang(lt: number): number {
    const buf = this.buf;
    const head = buf.slice(lt, lt + 9);
    if (head.startsWith('<!--')) {
      const end = buf.indexOf('-->', lt + 4);
      const dash = buf.indexOf('--', lt + 4);
      if (end < 0) {
        // "--" followed by anything but ">" is already an error; at the very end it may become "-->"
        if (dash >= 0 && dash < buf.length - 2) throw this.errorAt(dash, 'double hyphen in comment');
        return INCOMPLETE;
      }
      if (dash < end) throw this.errorAt(dash, 'double hyphen in comment');
      return end + 3;
    }
    if (head === '<![CDATA[') {
      if (this.stack.length === 0) throw this.errorAt(lt, 'CDATA section outside of root node');
      const end = buf.indexOf(']]>', lt + 9);
      if (end < 0) return INCOMPLETE;
      if (this.handler.captureText) {
        this.handler.text(lineEnds(buf.slice(lt + 9, end)));
      }
      return end + 3;
    }
    if (head === '<!DOCTYPE') {
      throw this.errorAt(lt, 'a DOCTYPE declaration is not accepted (bank statements have none)');
    }
    // too short to tell yet
    if ('<!--'.startsWith(head) || '<![CDATA['.startsWith(head) || '<!DOCTYPE'.startsWith(head)) return INCOMPLETE;
    throw this.errorAt(lt + 2, 'disallowed character after "<!"');
  }

  /** <?target … ?>: the XML declaration only at the very start */
  private instruction(lt: number): number {
    const buf = this.buf;
    const end = buf.indexOf('?>', lt + 2);
    if (end < 0) return INCOMPLETE;
    const targetEnd = this.nameEnd(lt + 2);
    if (targetEnd === lt + 2) throw this.errorAt(lt + 2, 'disallowed character in processing instruction target');
    const target = buf.slice(lt + 2, targetEnd);
    if (target.toLowerCase() === 'xml') {
      if (target !== 'xml' || this.consumed + lt !== 0) {
        throw this.errorAt(lt, 'an XML declaration must be at the start of the document');
      }
      const decl = buf.slice(lt, end + 2);
      const m = XML_DECL.exec(decl);
      if (!m) throw this.errorAt(lt, 'malformed XML declaration');
      this.handler.declaration?.(m[3] ?? null);
      return end + 2;
    }
    if (targetEnd < end && !isSpace(buf.charCodeAt(targetEnd))) {
      throw this.errorAt(targetEnd, 'disallowed character in processing instruction target');
    }
    return end + 2;
  }
}
