import Decimal from 'decimal.js';
import { formatMoney, isCurrencyCode, isDecimalString, currencyScale } from './money-format';
import { describeReturnReason } from './return-reasons';

/**
 * Notification templates. Each template validates its JSON payload (as stored in the outbox)
 * and renders a subject, a plain-text body and an HTML body from the same content model, so
 * both bodies always carry the same facts. Every value ends up in the HTML through
 * escapeHtml; nothing is concatenated into markup unescaped.
 *
 * Money: each payload carries one `currency` (ISO 4217) and its amounts as decimal strings.
 * Dates: 'YYYY-MM-DD' or an ISO 8601 timestamp (shown as its UTC date).
 */

export const TEMPLATE_NAMES = [
  'virtual-account-created',
  'funds-received',
  'credit-returned',
  'bills-settled',
  'arrears-notice',
] as const;

export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface RenderedTemplate {
  subject: string;
  text: string;
  html: string;
}

/** One bill a payment was applied to. */
export interface BillPayment {
  billReference: string;
  /** Billing cycle label, e.g. '2025-03'. */
  cycle: string;
  amountPaid: string;
  /** Bill status after the payment: 'paid', 'partially_paid', ... */
  status: string;
}

/** One bill that is open again after a reversal. */
export interface ReopenedBill {
  billReference: string;
  cycle: string;
  /** What is due on the bill now. */
  amountDue: string;
}

export interface VirtualAccountCreatedPayload {
  customerName: string;
  /** Name of the account holder, i.e. the provider (the collection account owner). */
  accountHolder: string;
  /** At least one of iban / accountNumber. An IBAN must pass the mod-97 check. */
  iban?: string;
  accountNumber?: string;
  /** ABA routing number, for ACH transfers to US accounts. */
  routingNumber?: string;
  /** absent for domestic-only (e.g. US ACH) collection accounts */
  bic?: string;
  bankName: string;
  bankAddress?: string;
  currency: string;
  /** Reference the customer should quote on transfers. */
  customerReference: string;
}

export interface FundsReceivedPayload {
  customerName: string;
  currency: string;
  /** What the customer sent. */
  amountRemitted: string;
  /** Bank charges deducted on the way and covered by the provider; shown only when > 0. */
  feeReimbursed?: string;
  /** What the bank booked on the account. */
  amountBooked: string;
  billsSettled: BillPayment[];
  /** Balance left on the customer's account after settling bills. */
  balanceRemaining: string;
  receivedOn: string;
  paymentReference?: string;
}

export interface CreditReturnedPayload {
  customerName: string;
  currency: string;
  amount: string;
  /** ACH return code (R01...) or ISO 20022 return reason (AC01...). */
  reasonCode: string;
  /** Free text the bank gave with the return, if any. */
  bankReasonText?: string;
  returnedOn: string;
  originalReceivedOn?: string;
  paymentReference?: string;
  billsReopened: ReopenedBill[];
  balanceRemaining?: string;
}

export interface BillsSettledPayload {
  customerName: string;
  currency: string;
  bills: BillPayment[];
  settledOn: string;
  paymentReference?: string;
  balanceRemaining?: string;
}

export interface ArrearsNoticePayload {
  customerName: string;
  currency: string;
  overdueAmount: string;
  oldestBillReference: string;
  oldestBillCycle?: string;
  oldestBillDueDate: string;
  daysOverdue: number;
  /** IBAN or account number to pay to (the customer's virtual account). */
  paymentAccount?: string;
  customerReference?: string;
}

export interface TemplatePayloads {
  'virtual-account-created': VirtualAccountCreatedPayload;
  'funds-received': FundsReceivedPayload;
  'credit-returned': CreditReturnedPayload;
  'bills-settled': BillsSettledPayload;
  'arrears-notice': ArrearsNoticePayload;
}

/**
 * Thrown for an unknown template name or a payload that does not fit the template. Retrying
 * cannot fix either, so the sender should fail the notification permanently.
 */
export class TemplateRenderError extends Error {
  readonly permanent = true;
  constructor(
    readonly code: 'UNKNOWN_TEMPLATE' | 'INVALID_PAYLOAD',
    readonly template: string,
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = 'TemplateRenderError';
  }
}

export function isTemplateName(name: unknown): name is TemplateName {
  return typeof name === 'string' && (TEMPLATE_NAMES as readonly string[]).includes(name);
}

export function renderTemplate<N extends TemplateName>(name: N, payload: TemplatePayloads[N]): RenderedTemplate;
export function renderTemplate(name: string, payload: unknown): RenderedTemplate;
export function renderTemplate(name: string, payload: unknown): RenderedTemplate {
  if (!isTemplateName(name)) {
    throw new TemplateRenderError(
      'UNKNOWN_TEMPLATE',
      String(name),
      `Unknown notification template ${JSON.stringify(name)}; known templates: ${TEMPLATE_NAMES.join(', ')}`,
    );
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new TemplateRenderError(
      'INVALID_PAYLOAD',
      name,
      `Invalid payload for template '${name}': expected an object`,
      ['payload must be an object'],
    );
  }
  const errors: string[] = [];
  const reader = new PayloadReader(payload as Record<string, unknown>, '', errors);
  const def = TEMPLATES[name] as TemplateDef<unknown>;
  const parsed = def.read(reader);
  if (errors.length > 0) {
    throw new TemplateRenderError(
      'INVALID_PAYLOAD',
      name,
      `Invalid payload for template '${name}': ${errors.join('; ')}`,
      errors,
    );
  }
  return renderDocument(def.render(parsed));
}

// ---------------------------------------------------------------------------------------------
// Escaping and small formatters

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/** Groups an IBAN in blocks of four: 'DE89370400440532013000' -> 'DE89 3704 0044 0532 0130 00'. */
export function formatIban(iban: string): string {
  return iban
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1 ');
}

/** The IBAN without spaces, upper-cased, if it has an IBAN's shape and passes the mod-97 check. */
export function normalizeIban(raw: string): string | null {
  const iban = raw.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return null;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const digits = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1 ? iban : null;
}

function singleLine(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

const BILL_STATUS_LABELS: Readonly<Record<string, string>> = {
  paid: 'Paid',
  settled: 'Paid',
  partially_paid: 'Partially paid',
  partial: 'Partially paid',
  open: 'Open',
  unpaid: 'Unpaid',
  overdue: 'Overdue',
};

function billStatusLabel(status: string): string {
  const known = BILL_STATUS_LABELS[status.toLowerCase()];
  if (known) return known;
  const words = status.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

// ---------------------------------------------------------------------------------------------
// Payload reading: collects every problem, so one error lists all missing/invalid fields.

class PayloadReader {
  constructor(
    private readonly obj: Record<string, unknown>,
    private readonly prefix: string,
    private readonly errors: string[],
  ) {}

  private path(key: string): string {
    return this.prefix ? `${this.prefix}.${key}` : key;
  }

  private problem(key: string, what: string): void {
    this.errors.push(`${this.path(key)} ${what}`);
  }

  /** Records a problem that involves several fields. */
  error(message: string): void {
    this.errors.push(this.prefix ? `${this.prefix}: ${message}` : message);
  }

  private present(key: string): boolean {
    const v = this.obj[key];
    return v !== undefined && v !== null;
  }

  text(key: string): string {
    const v = this.obj[key];
    if (typeof v !== 'string' || v.trim() === '') {
      this.problem(key, this.present(key) ? 'must be a non-empty string' : 'is required');
      return '';
    }
    return v.trim();
  }

  optText(key: string): string | undefined {
    if (!this.present(key)) return undefined;
    const v = this.obj[key];
    if (typeof v !== 'string') {
      this.problem(key, 'must be a string');
      return undefined;
    }
    return v.trim() === '' ? undefined : v.trim();
  }

  currency(key: string): string {
    const v = this.obj[key];
    if (!isCurrencyCode(v)) {
      this.problem(key, this.present(key) ? 'must be an ISO 4217 code such as "USD"' : 'is required');
      return 'XXX';
    }
    return v;
  }

  /** A decimal string; `currency` (when valid) also limits the number of decimals. */
  decimal(key: string, currency: string | undefined): string {
    if (!this.present(key)) {
      this.problem(key, 'is required (decimal string)');
      return '0';
    }
    return this.checkDecimal(key, currency);
  }

  optDecimal(key: string, currency: string | undefined): string | undefined {
    return this.present(key) ? this.checkDecimal(key, currency) : undefined;
  }

  private checkDecimal(key: string, currency: string | undefined): string {
    const v = this.obj[key];
    if (!isDecimalString(v)) {
      this.problem(
        key,
        `must be a decimal string such as "1234.50" (got ${typeof v === 'string' ? JSON.stringify(v) : typeof v})`,
      );
      return '0';
    }
    if (currency && isCurrencyCode(currency)) {
      const scale = currencyScale(currency);
      if (new Decimal(v).decimalPlaces() > scale) {
        this.problem(key, `has more decimal places than ${currency} allows (${scale})`);
        return '0';
      }
    }
    return v;
  }

  date(key: string): string {
    if (!this.present(key)) {
      this.problem(key, 'is required (date)');
      return '';
    }
    return this.checkDate(key);
  }

  optDate(key: string): string | undefined {
    return this.present(key) ? this.checkDate(key) : undefined;
  }

  private checkDate(key: string): string {
    const v = this.obj[key];
    const formatted = typeof v === 'string' ? toDisplayDate(v) : null;
    if (formatted === null) {
      this.problem(key, 'must be a date "YYYY-MM-DD" or an ISO 8601 timestamp');
      return '';
    }
    return formatted;
  }

  nonNegativeInt(key: string): number {
    const v = this.obj[key];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      this.problem(key, this.present(key) ? 'must be a non-negative integer' : 'is required');
      return 0;
    }
    return v;
  }

  list<T>(key: string, item: (r: PayloadReader) => T, opts: { nonEmpty?: boolean } = {}): T[] {
    const v = this.obj[key];
    if (!Array.isArray(v)) {
      this.problem(key, this.present(key) ? 'must be an array' : 'is required (array)');
      return [];
    }
    if (opts.nonEmpty && v.length === 0) {
      this.problem(key, 'must not be empty');
      return [];
    }
    return v.map((entry: unknown, i) => {
      const path = `${this.path(key)}[${i}]`;
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
        this.errors.push(`${path} must be an object`);
        return item(new PayloadReader({}, path, []));
      }
      return item(new PayloadReader(entry as Record<string, unknown>, path, this.errors));
    });
  }
}

function toDisplayDate(value: string): string | null {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dateOnly) {
    const [y, m, d] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? value : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const t = new Date(value);
  return Number.isNaN(t.getTime()) ? null : t.toISOString().slice(0, 10);
}

function readBillPayment(r: PayloadReader, currency: string): BillPayment {
  return {
    billReference: r.text('billReference'),
    cycle: r.text('cycle'),
    amountPaid: r.decimal('amountPaid', currency),
    status: r.text('status'),
  };
}

// ---------------------------------------------------------------------------------------------
// Content model, rendered to both text and HTML

type Block =
  | { kind: 'p'; text: string }
  | { kind: 'h'; text: string }
  | { kind: 'kv'; rows: ReadonlyArray<readonly [string, string]> }
  | { kind: 'table'; head: readonly string[]; rows: ReadonlyArray<readonly string[]>; numeric: readonly number[] }
  | { kind: 'ul'; items: readonly string[] };

interface Document {
  subject: string;
  greeting: string;
  blocks: Block[];
}

const FOOTER =
  'This message was sent automatically. Please do not reply to it; contact our support team if you have any questions.';

function renderDocument(doc: Document): RenderedTemplate {
  const subject = singleLine(doc.subject);
  return { subject, text: renderText(doc), html: renderHtml(subject, doc) };
}

function renderText(doc: Document): string {
  const parts: string[] = [doc.greeting];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'p':
        parts.push(block.text);
        break;
      case 'h':
        parts.push(`${block.text}\n${'-'.repeat(block.text.length)}`);
        break;
      case 'kv': {
        const width = Math.max(...block.rows.map(([label]) => label.length)) + 2;
        parts.push(block.rows.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`).join('\n'));
        break;
      }
      case 'table': {
        const all = [block.head, ...block.rows];
        const widths = block.head.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
        const line = (row: readonly string[]) =>
          row
            .map((cell, c) => (block.numeric.includes(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
            .join('  ')
            .trimEnd();
        parts.push([line(block.head), widths.map((w) => '-'.repeat(w)).join('  '), ...block.rows.map(line)].join('\n'));
        break;
      }
      case 'ul':
        parts.push(block.items.map((item) => `- ${item}`).join('\n'));
        break;
    }
  }
  parts.push(`--\n${FOOTER}`);
  return `${parts.join('\n\n')}\n`;
}

const CELL = 'padding:6px 12px 6px 0;border-bottom:1px solid #e5e7eb;vertical-align:top;';

function renderHtml(subject: string, doc: Document): string {
  const e = escapeHtml;
  const body: string[] = [`<p style="margin:0 0 16px;">${e(doc.greeting)}</p>`];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'p':
        body.push(`<p style="margin:0 0 16px;">${e(block.text)}</p>`);
        break;
      case 'h':
        body.push(`<h2 style="margin:24px 0 8px;font-size:16px;">${e(block.text)}</h2>`);
        break;
      case 'kv':
        body.push(
          `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px;">${block.rows
            .map(
              ([label, value]) =>
                `<tr><th scope="row" style="${CELL}text-align:left;font-weight:normal;color:#57606a;">${e(label)}</th>` +
                `<td style="${CELL}font-weight:bold;">${e(value)}</td></tr>`,
            )
            .join('')}</table>`,
        );
        break;
      case 'table': {
        const align = (c: number) => (block.numeric.includes(c) ? 'text-align:right;' : 'text-align:left;');
        const head = block.head.map((h, c) => `<th style="${CELL}${align(c)}">${e(h)}</th>`).join('');
        const rows = block.rows
          .map((row) => `<tr>${row.map((cell, c) => `<td style="${CELL}${align(c)}">${e(cell)}</td>`).join('')}</tr>`)
          .join('');
        body.push(
          `<table style="border-collapse:collapse;margin:0 0 16px;"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`,
        );
        break;
      }
      case 'ul':
        body.push(
          `<ul style="margin:0 0 16px;padding-left:20px;">${block.items.map((item) => `<li style="margin:0 0 6px;">${e(item)}</li>`).join('')}</ul>`,
        );
        break;
    }
  }
  return (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${e(subject)}</title></head>\n` +
    '<body style="margin:0;padding:0;background:#f6f8fa;">' +
    '<div style="max-width:640px;margin:0 auto;padding:24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#1f2328;">\n' +
    body.join('\n') +
    `\n<p style="margin:24px 0 0;font-size:12px;color:#57606a;">${e(FOOTER)}</p>` +
    '</div></body></html>\n'
  );
}

// ---------------------------------------------------------------------------------------------
// Templates

interface TemplateDef<P> {
  read(r: PayloadReader): P;
  render(p: P): Document;
}

const virtualAccountCreated: TemplateDef<VirtualAccountCreatedPayload> = {
  read(r) {
    const p: VirtualAccountCreatedPayload = {
      customerName: r.text('customerName'),
      accountHolder: r.text('accountHolder'),
      iban: r.optText('iban'),
      accountNumber: r.optText('accountNumber'),
      routingNumber: r.optText('routingNumber'),
      bic: r.optText('bic'),
      bankName: r.text('bankName'),
      bankAddress: r.optText('bankAddress'),
      currency: r.currency('currency'),
      customerReference: r.text('customerReference'),
    };
    if (!p.iban && !p.accountNumber) r.error('one of iban or accountNumber is required');
    if (p.iban) {
      const iban = normalizeIban(p.iban);
      if (iban === null) r.error(`iban ${JSON.stringify(p.iban)} is not a valid IBAN (format or check digits)`);
      else p.iban = iban;
    }
    if (p.bic) {
      const bic = p.bic.replace(/\s+/g, '').toUpperCase();
      if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(bic))
        r.error(`bic ${JSON.stringify(p.bic)} is not a valid BIC`);
      else p.bic = bic;
    }
    return p;
  },
  render(p) {
    const rows: Array<[string, string]> = [['Account holder', p.accountHolder]];
    if (p.iban) rows.push(['IBAN', formatIban(p.iban)]);
    if (p.accountNumber) rows.push(['Account number', p.accountNumber]);
    if (p.routingNumber) rows.push(['Routing number (ACH)', p.routingNumber]);
    if (p.bic) rows.push(['BIC / SWIFT code', p.bic]);
    rows.push(['Bank', p.bankName]);
    if (p.bankAddress) rows.push(['Bank address', p.bankAddress]);
    rows.push(['Currency', p.currency], ['Your customer reference', p.customerReference]);
    return {
      subject: 'Your exclusive bank account has been created',
      greeting: `Dear ${p.customerName},`,
      blocks: [
        {
          kind: 'p',
          text: 'Your exclusive bank account for paying your bills has been created. Transfers to this account are matched to your customer account automatically.',
        },
        { kind: 'kv', rows },
        { kind: 'h', text: 'How to pay' },
        {
          kind: 'ul',
          items: [
            `Only SWIFT or ACH bank transfers in ${p.currency} are accepted to this account.`,
            'Cash deposits and cheques are not credited automatically. If you deposit cash or a cheque, please contact our support team so that we can credit it manually.',
            `Please quote your customer reference ${p.customerReference} in the payment reference of every transfer. It helps us match your payment to your bills quickly.`,
          ],
        },
      ],
    };
  },
};

const fundsReceived: TemplateDef<FundsReceivedPayload> = {
  read(r) {
    const currency = r.currency('currency');
    return {
      customerName: r.text('customerName'),
      currency,
      amountRemitted: r.decimal('amountRemitted', currency),
      feeReimbursed: r.optDecimal('feeReimbursed', currency),
      amountBooked: r.decimal('amountBooked', currency),
      billsSettled: r.list('billsSettled', (b) => readBillPayment(b, currency)),
      balanceRemaining: r.decimal('balanceRemaining', currency),
      receivedOn: r.date('receivedOn'),
      paymentReference: r.optText('paymentReference'),
    };
  },
  render(p) {
    const money = (amount: string) => formatMoney(amount, p.currency);
    const rows: Array<[string, string]> = [['Amount you sent', money(p.amountRemitted)]];
    if (p.feeReimbursed !== undefined && new Decimal(p.feeReimbursed).gt(0)) {
      rows.push(['Bank charges covered by us', money(p.feeReimbursed)]);
    }
    rows.push(['Amount booked by the bank', money(p.amountBooked)], ['Date received', p.receivedOn]);
    if (p.paymentReference) rows.push(['Payment reference', p.paymentReference]);
    const blocks: Block[] = [
      { kind: 'p', text: `We have received your payment of ${money(p.amountRemitted)}. Thank you.` },
      { kind: 'kv', rows },
    ];
    if (p.billsSettled.length > 0) {
      blocks.push(
        { kind: 'h', text: 'Bills settled' },
        {
          kind: 'table',
          head: ['Bill', 'Billing cycle', 'Amount paid', 'Status'],
          rows: p.billsSettled.map((b) => [b.billReference, b.cycle, money(b.amountPaid), billStatusLabel(b.status)]),
          numeric: [2],
        },
      );
    } else {
      blocks.push({
        kind: 'p',
        text: 'No open bills were settled by this payment; the amount has been added to your balance.',
      });
    }
    blocks.push({ kind: 'kv', rows: [['Balance remaining', money(p.balanceRemaining)]] });
    return { subject: `Payment received: ${money(p.amountRemitted)}`, greeting: `Dear ${p.customerName},`, blocks };
  },
};

const creditReturned: TemplateDef<CreditReturnedPayload> = {
  read(r) {
    const currency = r.currency('currency');
    return {
      customerName: r.text('customerName'),
      currency,
      amount: r.decimal('amount', currency),
      reasonCode: r.text('reasonCode').toUpperCase(),
      bankReasonText: r.optText('bankReasonText'),
      returnedOn: r.date('returnedOn'),
      originalReceivedOn: r.optDate('originalReceivedOn'),
      paymentReference: r.optText('paymentReference'),
      billsReopened: r.list('billsReopened', (b) => ({
        billReference: b.text('billReference'),
        cycle: b.text('cycle'),
        amountDue: b.decimal('amountDue', currency),
      })),
      balanceRemaining: r.optDecimal('balanceRemaining', currency),
    };
  },
  render(p) {
    const money = (amount: string) => formatMoney(amount, p.currency);
    const reasonText = describeReturnReason(p.reasonCode);
    const rows: Array<[string, string]> = [
      ['Amount', money(p.amount)],
      ['Reason', reasonText ? `${p.reasonCode} - ${reasonText}` : p.reasonCode],
    ];
    if (p.bankReasonText) rows.push(["Bank's explanation", p.bankReasonText]);
    if (p.originalReceivedOn) rows.push(['Originally received on', p.originalReceivedOn]);
    rows.push(['Returned on', p.returnedOn]);
    if (p.paymentReference) rows.push(['Payment reference', p.paymentReference]);
    if (p.balanceRemaining !== undefined) rows.push(['Balance remaining', money(p.balanceRemaining)]);
    const blocks: Block[] = [
      {
        kind: 'p',
        text: `A transfer of ${money(p.amount)} that was credited to your account has been returned by the bank, and the credit has been reversed.`,
      },
      { kind: 'kv', rows },
    ];
    if (p.billsReopened.length > 0) {
      blocks.push(
        { kind: 'h', text: 'Bills open again' },
        {
          kind: 'p',
          text: 'The following bills had been paid with this transfer and are open again. Please arrange payment.',
        },
        {
          kind: 'table',
          head: ['Bill', 'Billing cycle', 'Amount due'],
          rows: p.billsReopened.map((b) => [b.billReference, b.cycle, money(b.amountDue)]),
          numeric: [2],
        },
      );
    }
    return { subject: `A payment of ${money(p.amount)} was returned`, greeting: `Dear ${p.customerName},`, blocks };
  },
};

const billsSettled: TemplateDef<BillsSettledPayload> = {
  read(r) {
    const currency = r.currency('currency');
    return {
      customerName: r.text('customerName'),
      currency,
      bills: r.list('bills', (b) => readBillPayment(b, currency), { nonEmpty: true }),
      settledOn: r.date('settledOn'),
      paymentReference: r.optText('paymentReference'),
      balanceRemaining: r.optDecimal('balanceRemaining', currency),
    };
  },
  render(p) {
    const money = (amount: string) => formatMoney(amount, p.currency);
    const rows: Array<[string, string]> = [['Settled on', p.settledOn]];
    if (p.paymentReference) rows.push(['Payment reference', p.paymentReference]);
    if (p.balanceRemaining !== undefined) rows.push(['Balance remaining', money(p.balanceRemaining)]);
    return {
      subject:
        p.bills.length === 1
          ? `Bill ${p.bills[0].billReference} has been paid`
          : `${p.bills.length} bills have been paid`,
      greeting: `Dear ${p.customerName},`,
      blocks: [
        { kind: 'p', text: `Your payment has been applied to ${plural(p.bills.length, 'bill', 'bills')}.` },
        {
          kind: 'table',
          head: ['Bill', 'Billing cycle', 'Amount paid', 'Status'],
          rows: p.bills.map((b) => [b.billReference, b.cycle, money(b.amountPaid), billStatusLabel(b.status)]),
          numeric: [2],
        },
        { kind: 'kv', rows },
      ],
    };
  },
};

const arrearsNotice: TemplateDef<ArrearsNoticePayload> = {
  read(r) {
    const currency = r.currency('currency');
    return {
      customerName: r.text('customerName'),
      currency,
      overdueAmount: r.decimal('overdueAmount', currency),
      oldestBillReference: r.text('oldestBillReference'),
      oldestBillCycle: r.optText('oldestBillCycle'),
      oldestBillDueDate: r.date('oldestBillDueDate'),
      daysOverdue: r.nonNegativeInt('daysOverdue'),
      paymentAccount: r.optText('paymentAccount'),
      customerReference: r.optText('customerReference'),
    };
  },
  render(p) {
    const money = (amount: string) => formatMoney(amount, p.currency);
    const oldest = p.oldestBillCycle ? `${p.oldestBillReference} (${p.oldestBillCycle})` : p.oldestBillReference;
    const rows: Array<[string, string]> = [
      ['Overdue amount', money(p.overdueAmount)],
      ['Oldest unpaid bill', oldest],
      ['Due date', p.oldestBillDueDate],
      ['Days overdue', String(p.daysOverdue)],
    ];
    if (p.paymentAccount) {
      const iban = normalizeIban(p.paymentAccount);
      rows.push(['Pay to', iban ? formatIban(iban) : p.paymentAccount]);
    }
    if (p.customerReference) rows.push(['Your customer reference', p.customerReference]);
    return {
      subject: `Payment overdue: ${money(p.overdueAmount)}`,
      greeting: `Dear ${p.customerName},`,
      blocks: [
        {
          kind: 'p',
          text: `Your account has ${money(p.overdueAmount)} overdue; the oldest unpaid bill is ${plural(p.daysOverdue, 'day', 'days')} past its due date. Please transfer the overdue amount as soon as possible. If you have already paid, please disregard this notice.`,
        },
        { kind: 'kv', rows },
      ],
    };
  },
};

const TEMPLATES: { [N in TemplateName]: TemplateDef<TemplatePayloads[N]> } = {
  'virtual-account-created': virtualAccountCreated,
  'funds-received': fundsReceived,
  'credit-returned': creditReturned,
  'bills-settled': billsSettled,
  'arrears-notice': arrearsNotice,
};
