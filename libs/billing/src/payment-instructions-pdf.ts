import { formatIban } from '@remitd/customers';
import { ACCENT, BOTTOM, CONTENT, M, MUTED, openA4Pdf, PAGE, type PayableAccount } from './pdf-document';
import { needsUnicodeText } from './pdf-fonts';

export type DocumentLanguage = 'en' | 'zh';
export const DOCUMENT_LANGUAGES: readonly DocumentLanguage[] = ['en', 'zh'];

/** What a payment instruction prints: who pays, and the exclusive accounts to pay into. */
export interface PaymentInstructionsData {
  providerName: string;
  /** "YYYY-MM-DD" in the billing time zone */
  issuedOn: string;
  customer: { name: string; reference: string; email: string };
  virtualAccounts: PayableAccount[];
}

type Words = {
  title: string;
  intro: (reference: string) => string;
  payer: string;
  name: string;
  email: string;
  customerReference: string;
  issued: string;
  accounts: string;
  holder: string;
  iban: string;
  accountNumber: string;
  bank: string;
  bic: string;
  routing: string;
  currency: string;
  quote: string;
  none: string;
  rulesTitle: string;
  rules: (provider: string) => string[];
  footer: (provider: string, reference: string) => string;
  page: (n: number, of: number) => string;
};

// seed 002: SWIFT/ACH only, no cash or cheque, the provider bears the fee, up to 4 business days
const WORDS: Record<DocumentLanguage, Words> = {
  en: {
    title: 'Payment instructions',
    intro: (ref) =>
      `Pay by SWIFT or ACH wire transfer to your exclusive bank account below and quote your customer reference ${ref}, so that your payment is matched to your account automatically.`,
    payer: 'Payer',
    name: 'Name',
    email: 'E-mail',
    customerReference: 'Customer reference',
    issued: 'Issued',
    accounts: 'Your exclusive bank account',
    holder: 'Account name (beneficiary)',
    iban: 'IBAN',
    accountNumber: 'Account number',
    bank: 'Bank',
    bic: 'SWIFT / BIC',
    routing: 'Routing number (ACH)',
    currency: 'Currency',
    quote: 'Reference to quote',
    none: 'No exclusive account has been allocated to you yet: please contact your account manager.',
    rulesTitle: 'Before you pay',
    rules: (provider) => [
      'Only SWIFT and ACH wire transfers are accepted. Cash and cheque deposits are not supported.',
      `Ask your bank to charge the remittance fee to the receiving account: ${provider} bears it and credits the full amount you remitted. Keep your remittance voucher.`,
      'Depending on where your bank is, funds take up to 4 business days to be received, processed and credited.',
      'New funds settle your unpaid bills from the oldest to the newest.',
    ],
    footer: (provider, ref) => `${provider} · Payment instructions · Customer reference ${ref}`,
    page: (n, of) => `Page ${n} of ${of}`,
  },
  zh: {
    title: '付款说明',
    intro: (ref) =>
      `请通过 SWIFT 或 ACH 电汇汇款至下方您的专属银行账户，并注明您的客户编号 ${ref}，以便系统自动将款项匹配到您的账户。`,
    payer: '付款方',
    name: '名称',
    email: '电子邮箱',
    customerReference: '客户编号',
    issued: '出具日期',
    accounts: '您的专属银行账户',
    holder: '账户名称（收款人）',
    iban: 'IBAN',
    accountNumber: '账号',
    bank: '开户银行',
    bic: 'SWIFT / BIC',
    routing: '路由号（ACH）',
    currency: '币种',
    quote: '汇款附言',
    none: '尚未为您分配专属账户，请联系您的客户经理。',
    rulesTitle: '付款须知',
    rules: (provider) => [
      '仅接受 SWIFT 和 ACH 电汇，不支持现金和支票存款。',
      `请告知汇款银行，汇款手续费由收款账户承担：${provider} 承担该费用，并按您实际汇出的金额入账。请妥善保管汇款凭证。`,
      '视您的银行所在地而定，资金最长需 4 个工作日完成到账、处理和入账。',
      '新到账的资金将按从早到晚的顺序结清您未付的账单。',
    ],
    footer: (provider, ref) => `${provider} · 付款说明 · 客户编号 ${ref}`,
    page: (n, of) => `第 ${n} 页，共 ${of} 页`,
  },
};

/** A4 PDF telling a customer how to pay into its exclusive account, in English or Chinese. */
export function renderPaymentInstructionsPdf(
  data: PaymentInstructionsData,
  lang: DocumentLanguage,
  opts: { compress?: boolean } = {},
): Promise<Buffer> {
  const w = WORDS[lang];
  const rules = w.rules(data.providerName);
  // Chinese words always need the embedded fonts; English ones only for names outside Windows-1252
  const { doc, fonts, text, height, rule, finish } = openA4Pdf({
    // Chinese words always need the embedded fonts; English ones only for names outside Windows-1252
    unicode: lang === 'zh' || needsUnicodeText(JSON.stringify(data)),
    compress: opts.compress,
    lang: lang === 'zh' ? 'zh-CN' : 'en',
    size: 10,
    info: { Title: `${w.title} · ${data.customer.name}`, Author: data.providerName },
  });
  const { regular, bold } = fonts;
  const room = (y: number, needed: number) => {
    if (y + needed <= BOTTOM) return y;
    doc.addPage();
    return M.top;
  };

  // ── header ─────────────────────────────────────────────────────────────────────────────
  let y = M.top;
  doc.rect(0, 0, PAGE.width, 6).fill(ACCENT);
  text(data.providerName, M.left, y, { font: bold, size: 17, color: ACCENT, width: CONTENT });
  y += height(data.providerName, CONTENT, bold, 17) + 2;
  text(w.title, M.left, y, { size: 12, color: MUTED, width: CONTENT });
  y += height(w.title, CONTENT, regular, 12) + 14;
  rule(y);
  y += 16;

  // ── payer ──────────────────────────────────────────────────────────────────────────────
  const keyW = 150;
  const valueW = CONTENT - keyW;
  const row = (k: string, v: string, o: { strong?: boolean; size?: number } = {}) => {
    const size = o.size ?? 10;
    const h = Math.max(height(v, valueW, o.strong ? bold : regular, size), height(k, keyW - 10, regular, 9), 13) + 5;
    y = room(y, h);
    text(k, M.left, y + (size > 10 ? 2 : 0.5), { size: 9, color: MUTED, width: keyW - 10 });
    text(v, M.left + keyW, y, { font: o.strong ? bold : regular, size, width: valueW });
    y += h;
  };
  text(w.payer, M.left, y, { font: bold, size: 11.5 });
  y += 20;
  row(w.name, data.customer.name, { strong: true });
  row(w.customerReference, data.customer.reference);
  row(w.email, data.customer.email);
  row(w.issued, data.issuedOn);
  y += 10;

  // ── accounts ───────────────────────────────────────────────────────────────────────────
  y = room(y, 80);
  text(w.accounts, M.left, y, { font: bold, size: 11.5, color: ACCENT });
  y += 20;
  const intro = w.intro(data.customer.reference);
  text(intro, M.left, y, { width: CONTENT });
  y += height(intro, CONTENT) + 12;
  if (!data.virtualAccounts.length) {
    text(w.none, M.left, y, { color: MUTED, width: CONTENT });
    y += height(w.none, CONTENT) + 12;
  }
  for (const va of data.virtualAccounts) {
    y = room(y, 120);
    rule(y - 4);
    y += 6;
    row(w.holder, va.accountHolder, { strong: true });
    if (va.iban) row(w.iban, formatIban(va.iban), { strong: true, size: 12 });
    else row(w.accountNumber, va.accountNumber, { strong: true, size: 12 });
    if (va.bankName) row(w.bank, va.bankName);
    if (va.bic) row(w.bic, va.bic);
    if (va.routingNumber) row(w.routing, va.routingNumber);
    row(w.currency, va.currency);
    row(w.quote, data.customer.reference, { strong: true });
    y += 8;
  }

  // ── rules ──────────────────────────────────────────────────────────────────────────────
  y = room(y + 6, 110);
  text(w.rulesTitle, M.left, y, { font: bold, size: 11.5, color: ACCENT });
  y += 20;
  for (const r of rules) {
    const h = height(r, CONTENT - 14) + 6;
    y = room(y, h);
    text('•', M.left, y);
    text(r, M.left + 14, y, { width: CONTENT - 14 });
    y += h;
  }

  return finish(w.footer(data.providerName, data.customer.reference), w.page);
}
