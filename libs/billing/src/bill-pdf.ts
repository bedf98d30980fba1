import { formatIban } from '@remitd/customers';
import { formatAmount } from '@remitd/notifications';
import {
  ACCENT,
  BOTTOM,
  CONTENT,
  INK,
  M,
  MUTED,
  openA4Pdf,
  PAGE,
  RULE,
  TINT,
  type PayableAccount,
} from './pdf-document';
import { needsUnicodeText, pdfFonts } from './pdf-fonts';

/**
 * Everything printed on a monthly bill. Amounts are decimal strings exactly as Money formats
 * them ("1234.50", "-3.50", "1000" for JPY): they are only regrouped for display here, never
 * turned into numbers. Dates are "YYYY-MM-DD" (already in the billing time zone).
 */
export interface BillPdfData {
  providerName: string;
  bill: {
    reference: string;
    /** "YYYY-MM" */
    billingCycle: string;
    issuedOn: string;
    dueDate: string | null;
    /** the payment terms the due date came from, in words ("quarterly, 10 business days"); none on older bills */
    paymentTerms?: string | null;
    currency: string;
    amount: string;
    paid: string;
    outstanding: string;
    /** unsettled | partly_paid | overdue | settled */
    status: string;
  };
  lines: { product: string; usage: string; amount: string }[];
  repayments: { date: string; method: string; amount: string; reversed?: boolean }[];
  customer: { name: string; reference: string; email: string };
  /** the customer's exclusive (virtual) accounts to pay into */
  virtualAccounts: PayableAccount[];
}

export interface BillPdfOptions {
  /** Flate-compress the page content (default true); false leaves the text readable in the raw file. */
  compress?: boolean;
  /** a stamp across the first page (seed 001: bills exported from a settlement task), with the provider's seal (PNG) */
  stamp?: { text: string; seal?: Buffer | null };
}

/** Whether any text of the bill is outside what the standard fonts show (Windows-1252). */
export function needsUnicodeFont(data: BillPdfData): boolean {
  return needsUnicodeText(JSON.stringify(data));
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const STATUS: Record<string, string> = {
  unsettled: 'Unpaid',
  partly_paid: 'Partly paid',
  overdue: 'Overdue',
  settled: 'Paid',
};
const METHOD: Record<string, string> = {
  balance: 'Account balance',
  stored_value_card: 'Stored-value card',
  refund: 'Refund balance',
  coupon: 'Coupon',
  external: 'External payment',
};

/** "2026-10" → "October 2026" */
export function cycleLabel(cycle: string): string {
  const [y, m] = cycle.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** "2026-11-02" → "2 November 2026" */
export function dateLabel(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

type Doc = PDFKit.PDFDocument;

/** A4 PDF of one monthly bill: summary, charges (continued across pages), payments, how to pay. */
export function renderBillPdf(data: BillPdfData, opts: BillPdfOptions = {}): Promise<Buffer> {
  const { bill } = data;
  const ccy = bill.currency;
  const money = (a: string) => `${formatAmount(a, ccy)} ${ccy}`;
  const { doc, fonts, text, height, rule, finish } = openA4Pdf({
    unicode: needsUnicodeFont(data),
    compress: opts.compress,
    lang: 'en',
    size: 9.5,
    info: {
      Title: `Bill ${bill.reference}`,
      Author: data.providerName,
      Subject: `${data.providerName} bill for ${cycleLabel(bill.billingCycle)}`,
    },
  });
  const { regular: REGULAR, bold: BOLD } = fonts;
  const label = (s: string, x: number, y: number, width?: number, align: 'left' | 'right' = 'left') =>
    text(s.toUpperCase(), x, y, { font: BOLD, size: 7, color: MUTED, characterSpacing: 0.6, width, align });

  /** a new page with a slim running header; returns the y to continue at */
  const newPage = (): number => {
    doc.addPage();
    text(data.providerName, M.left, M.top - 22, { font: BOLD, size: 8.5, color: ACCENT });
    text(`Bill ${bill.reference} · ${cycleLabel(bill.billingCycle)}`, M.left, M.top - 22, {
      size: 8.5,
      color: MUTED,
      width: CONTENT,
      align: 'right',
    });
    rule(M.top - 8);
    return M.top + 6;
  };
  /** y if `needed` points fit below it, else the top of a new page */
  const room = (y: number, needed: number) => (y + needed <= BOTTOM ? y : newPage());

  // ── header ─────────────────────────────────────────────────────────────────────────────
  let y = M.top;
  doc.rect(0, 0, PAGE.width, 6).fill(ACCENT);
  text(data.providerName, M.left, y, { font: BOLD, size: 17, color: ACCENT, width: CONTENT * 0.55 });
  text('Monthly bill', M.left, y + height(data.providerName, CONTENT * 0.55, BOLD, 17) + 2, { size: 10, color: MUTED });
  text(`Bill ${bill.reference}`, M.left + CONTENT * 0.55, y + 2, {
    font: BOLD,
    size: 11,
    width: CONTENT * 0.45,
    align: 'right',
  });
  text(cycleLabel(bill.billingCycle), M.left + CONTENT * 0.55, y + 17, {
    size: 10,
    color: MUTED,
    width: CONTENT * 0.45,
    align: 'right',
  });
  y += Math.max(height(data.providerName, CONTENT * 0.55, BOLD, 17) + 18, 34) + 16;
  rule(y, RULE);
  y += 18;

  // ── billed to │ bill details ───────────────────────────────────────────────────────────
  const colW = CONTENT / 2 - 12;
  const rightX = M.left + CONTENT / 2 + 12;
  label('Billed to', M.left, y);
  let ly = y + 13;
  text(data.customer.name, M.left, ly, { font: BOLD, size: 11, width: colW });
  ly += height(data.customer.name, colW, BOLD, 11) + 3;
  text(`Customer reference ${data.customer.reference}`, M.left, ly, { width: colW });
  ly += height(`Customer reference ${data.customer.reference}`, colW) + 2;
  text(data.customer.email, M.left, ly, { color: MUTED, width: colW });
  ly += height(data.customer.email, colW);

  label('Bill details', rightX, y);
  const details: [string, string][] = [
    ['Bill reference', bill.reference],
    ['Billing cycle', cycleLabel(bill.billingCycle)],
    ['Issued', dateLabel(bill.issuedOn)],
    ['Due date', bill.dueDate ? dateLabel(bill.dueDate) : 'On receipt'],
    ...(bill.paymentTerms ? [['Payment terms', bill.paymentTerms] as [string, string]] : []),
    ['Status', STATUS[bill.status] ?? bill.status],
  ];
  let ry = y + 13;
  for (const [k, v] of details) {
    text(k, rightX, ry, { color: MUTED, width: 90 });
    text(v, rightX + 90, ry, { font: k === 'Status' ? BOLD : REGULAR, width: colW - 90, align: 'right' });
    ry += Math.max(height(v, colW - 90), 12) + 3;
  }
  y = Math.max(ly, ry) + 22;

  // ── amount due ─────────────────────────────────────────────────────────────────────────
  const boxH = 70;
  doc.roundedRect(M.left, y, CONTENT, boxH, 4).fill(TINT);
  doc.rect(M.left, y, 3, boxH).fill(ACCENT);
  const settled = bill.status === 'settled' || /^0(\.0+)?$/.test(bill.outstanding);
  label(settled ? 'Nothing to pay' : 'Amount due', M.left + 18, y + 14);
  text(money(bill.outstanding), M.left + 18, y + 27, { font: BOLD, size: 20, color: ACCENT });
  const dueText = settled
    ? 'Paid in full. Thank you.'
    : bill.dueDate
      ? `Please pay by ${dateLabel(bill.dueDate)}`
      : 'Please pay on receipt';
  text(dueText, M.left + 18 + 230, y + 14, { size: 9, color: MUTED, width: CONTENT - 18 - 230 - 18, align: 'right' });
  const sums: [string, string][] = [
    ['Bill amount', bill.amount],
    ['Paid', bill.paid],
    ['Outstanding', bill.outstanding],
  ];
  let sy = y + 28;
  for (const [k, v] of sums) {
    text(k, M.left + 250, sy, { color: MUTED, size: 9, width: 100 });
    text(money(v), M.left + 350, sy, {
      size: 9,
      font: k === 'Outstanding' ? BOLD : REGULAR,
      width: CONTENT - 350 - 18,
      align: 'right',
    });
    sy += 11.5;
  }
  y += boxH + 26;

  // ── charges ────────────────────────────────────────────────────────────────────────────
  const cols = { product: M.left, usage: M.left + CONTENT * 0.5, amount: M.left + CONTENT * 0.72 };
  const widths = { product: CONTENT * 0.5 - 12, usage: CONTENT * 0.22 - 12, amount: CONTENT * 0.28 };
  const tableHead = (at: number, title: string): number => {
    text(title, M.left, at, { font: BOLD, size: 11.5 });
    at += 20;
    label('Product', cols.product, at);
    label('Usage', cols.usage, at);
    label(`Amount (${ccy})`, cols.amount, at, widths.amount, 'right');
    at += 12;
    rule(at, INK, M.left, PAGE.width - M.right, 0.8);
    return at + 7;
  };
  y = tableHead(room(y, 80), 'Charges');
  if (!data.lines.length) {
    text('No charges in this cycle.', M.left, y, { color: MUTED });
    y += 18;
  }
  for (const [n, l] of data.lines.entries()) {
    const h = Math.max(height(l.product, widths.product), height(l.usage, widths.usage), 11.5) + 9;
    if (y + h > BOTTOM) y = tableHead(newPage(), 'Charges (continued)');
    text(l.product, cols.product, y, { width: widths.product });
    text(l.usage, cols.usage, y, { width: widths.usage, color: MUTED });
    text(formatAmount(l.amount, ccy), cols.amount, y, { width: widths.amount, align: 'right' });
    y += h;
    if (n < data.lines.length - 1) rule(y - 5);
  }
  y = room(y, 30);
  rule(y - 2, INK, M.left, PAGE.width - M.right, 0.8);
  text('Total', cols.usage, y + 6, { font: BOLD, width: widths.usage });
  text(money(bill.amount), cols.amount, y + 6, { font: BOLD, width: widths.amount, align: 'right' });
  y += 34;

  // ── payments received ──────────────────────────────────────────────────────────────────
  y = room(y, 70);
  text('Payments received', M.left, y, { font: BOLD, size: 11.5 });
  y += 20;
  if (!data.repayments.length) {
    text('No payments have been applied to this bill yet.', M.left, y, { color: MUTED });
    y += 26;
  } else {
    const payHead = (at: number) => {
      label('Date', M.left, at);
      label('Method', M.left + 120, at);
      label(`Amount (${ccy})`, cols.amount, at, widths.amount, 'right');
      rule(at + 12, INK, M.left, PAGE.width - M.right, 0.8);
      return at + 19;
    };
    y = payHead(y);
    for (const r of data.repayments) {
      if (y + 16 > BOTTOM) y = payHead(newPage());
      text(dateLabel(r.date), M.left, y);
      text(`${METHOD[r.method] ?? r.method}${r.reversed ? ' (reversed)' : ''}`, M.left + 120, y, {
        color: r.reversed ? MUTED : INK,
        width: cols.amount - M.left - 132,
      });
      text(formatAmount(r.amount, ccy), cols.amount, y, {
        width: widths.amount,
        align: 'right',
        color: r.reversed ? MUTED : INK,
        strike: !!r.reversed,
      });
      y += 16;
    }
    rule(y - 3, INK, M.left, PAGE.width - M.right, 0.8);
    text('Paid', cols.usage, y + 4, { font: BOLD, width: widths.usage });
    text(money(bill.paid), cols.amount, y + 4, { font: BOLD, width: widths.amount, align: 'right' });
    y += 32;
  }

  // ── how to pay (kept together on one page) ─────────────────────────────────────────────
  const instruction = `Pay by SWIFT or ACH transfer to your exclusive account; quote your customer reference ${data.customer.reference}.`;
  const accountRows = data.virtualAccounts.map((va) => {
    const rows: [string, string][] = [['Account holder', va.accountHolder]];
    rows.push(va.iban ? ['IBAN', formatIban(va.iban)] : ['Account number', va.accountNumber]);
    if (va.bic) rows.push(['BIC / SWIFT', va.bic]);
    if (va.bankName) rows.push(['Bank', va.bankName]);
    rows.push(['Currency', va.currency], ['Reference to quote', data.customer.reference]);
    return rows;
  });
  const innerW = CONTENT - 36;
  const valueW = innerW - 130;
  const instrH = height(instruction, innerW, REGULAR, 10);
  const isNumber = (k: string) => k === 'IBAN' || k === 'Account number';
  const rowH = (k: string, v: string) => Math.max(height(v, valueW, BOLD, isNumber(k) ? 12 : 10), 13) + 4;
  const blockH = (rows: [string, string][]) => rows.reduce((s, [k, v]) => s + rowH(k, v), 0) + 14;
  const noAccount = 'No exclusive account has been allocated to you yet: please contact us for payment details.';
  const payH =
    38 +
    instrH +
    12 +
    (accountRows.length ? accountRows.reduce((s, r) => s + blockH(r), 0) : height(noAccount, innerW) + 14) +
    4;
  // normally one framed block; a customer with very many accounts gets it unframed across pages
  const framed = payH <= BOTTOM - (M.top + 6);
  y = room(y, framed ? payH : 38 + instrH + 12 + (accountRows.length ? blockH(accountRows[0]) : 0));
  if (framed) doc.roundedRect(M.left, y, CONTENT, payH, 4).lineWidth(0.8).strokeColor(ACCENT).stroke();
  let py = y + 18;
  text('How to pay', M.left + 18, py, { font: BOLD, size: 11.5, color: ACCENT });
  py += 20;
  text(instruction, M.left + 18, py, { size: 10, width: innerW });
  py += instrH + 12;
  if (!accountRows.length) text(noAccount, M.left + 18, py, { color: MUTED, width: innerW });
  for (const [n, rows] of accountRows.entries()) {
    if (!framed && py + blockH(rows) > BOTTOM) py = newPage();
    else if (n > 0) rule(py - 7, RULE, M.left + 18, PAGE.width - M.right - 18);
    for (const [k, v] of rows) {
      text(k, M.left + 18, py + (isNumber(k) ? 2 : 0.5), { color: MUTED, size: 9, width: 120 });
      text(v, M.left + 148, py, {
        font: isNumber(k) || k === 'Reference to quote' ? BOLD : REGULAR,
        size: isNumber(k) ? 12 : 10,
        width: valueW,
        characterSpacing: isNumber(k) ? 0.4 : 0,
      });
      py += rowH(k, v);
    }
    py += 14;
  }

  if (opts.stamp) stampFirstPage(doc, opts.stamp);

  return finish(
    `${data.providerName} · Bill ${bill.reference} · Customer reference ${data.customer.reference}`,
    (n, of) => `Page ${n} of ${of}`,
  );
}

/** A framed stamp, slightly turned, at the top right of the first page; the seal beside it. */
export function stampFirstPage(doc: Doc, stamp: { text: string; seal?: Buffer | null }): void {
  const range = doc.bufferedPageRange();
  doc.switchToPage(range.start);
  const w = 210;
  const x = PAGE.width - M.right - w;
  const y = M.top + 4;
  doc.save();
  doc.rotate(-6, { origin: [x + w / 2, y + 24] });
  // a stamp text the standard fonts cannot show (e.g. in Chinese) is set in the embedded fonts
  const fonts = pdfFonts(doc, needsUnicodeText(stamp.text));
  const font = fonts.face(fonts.bold, stamp.text);
  const shown = fonts.show(stamp.text);
  doc.font(font).fontSize(9.5);
  const h = doc.heightOfString(shown, { width: w - 20 }) + 16;
  doc.roundedRect(x, y, w, h, 4).lineWidth(1.6).strokeColor('#b3261e').stroke();
  doc.fillColor('#b3261e').text(shown, x + 10, y + 8, { width: w - 20, align: 'center', characterSpacing: 0 });
  doc.restore();
  if (stamp.seal) doc.image(stamp.seal, x - 62, y - 4, { fit: [56, 56] });
}
