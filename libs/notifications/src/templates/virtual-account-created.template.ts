import { formatIban, normalizeIban, type TemplateDef } from './layout';
import { greeting, type Lang } from './locale';

const WORDS = {
  en: {
    holder: 'Account holder',
    accountNumber: 'Account number',
    routing: 'Routing number (ACH)',
    bic: 'BIC / SWIFT code',
    bank: 'Bank',
    bankAddress: 'Bank address',
    currency: 'Currency',
    reference: 'Your customer reference',
    subject: 'Your exclusive bank account has been created',
    created:
      'Your exclusive bank account for paying your bills has been created. Transfers to this account are matched to your customer account automatically.',
    replaces: (old: string) =>
      `This account replaces your previous account ${old}, which is now closed. Please update your payment details and pay into the account below from now on.`,
    howToPay: 'How to pay',
    rails: (ccy: string) => `Only SWIFT or ACH bank transfers in ${ccy} are accepted to this account.`,
    cash: 'Cash deposits and cheques are not credited automatically. If you deposit cash or a cheque, please contact our support team so that we can credit it manually.',
    quote: (ref: string) =>
      `Please quote your customer reference ${ref} in the payment reference of every transfer. It helps us match your payment to your bills quickly.`,
  },
  zh: {
    holder: '账户名称',
    accountNumber: '账号',
    routing: '路由号（ACH）',
    bic: 'BIC / SWIFT 代码',
    bank: '开户银行',
    bankAddress: '银行地址',
    currency: '币种',
    reference: '您的客户参考号',
    subject: '您的专属银行账户已开立',
    created: '用于支付账单的专属银行账户已为您开立。转入此账户的款项将自动匹配到您的客户账户。',
    replaces: (old: string) => `此账户取代您之前的账户 ${old}（现已关闭）。请更新您的付款信息，今后请汇款至以下账户。`,
    howToPay: '付款方式',
    rails: (ccy: string) => `此账户仅接受以 ${ccy} 进行的 SWIFT 或 ACH 银行转账。`,
    cash: '现金存款和支票不会自动入账。如您存入现金或支票，请联系我们的客服团队，以便我们手动入账。',
    quote: (ref: string) => `请在每笔转账的付款附言中注明您的客户参考号 ${ref}，以便我们快速将付款与账单匹配。`,
  },
} satisfies Record<Lang, unknown>;

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
  /** absent when the collection account names no bank (the BIC then identifies it) */
  bankName?: string;
  bankAddress?: string;
  currency: string;
  /** Reference the customer should quote on transfers. */
  customerReference: string;
  /** The closed account this one replaces (a re-issued account), which the customer must stop paying into. */
  replacesAccount?: string;
}

export const virtualAccountCreated: TemplateDef<VirtualAccountCreatedPayload> = {
  read(r) {
    const p: VirtualAccountCreatedPayload = {
      customerName: r.text('customerName'),
      accountHolder: r.text('accountHolder'),
      iban: r.optText('iban'),
      accountNumber: r.optText('accountNumber'),
      routingNumber: r.optText('routingNumber'),
      bic: r.optText('bic'),
      bankName: r.optText('bankName'),
      bankAddress: r.optText('bankAddress'),
      currency: r.currency('currency'),
      customerReference: r.text('customerReference'),
      replacesAccount: r.optText('replacesAccount'),
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
  render(p, lang) {
    const w = WORDS[lang];
    const rows: Array<[string, string]> = [[w.holder, p.accountHolder]];
    if (p.iban) rows.push(['IBAN', formatIban(p.iban)]);
    if (p.accountNumber) rows.push([w.accountNumber, p.accountNumber]);
    if (p.routingNumber) rows.push([w.routing, p.routingNumber]);
    if (p.bic) rows.push([w.bic, p.bic]);
    if (p.bankName) rows.push([w.bank, p.bankName]);
    if (p.bankAddress) rows.push([w.bankAddress, p.bankAddress]);
    rows.push([w.currency, p.currency], [w.reference, p.customerReference]);
    return {
      subject: w.subject,
      greeting: greeting(p.customerName, lang),
      blocks: [
        { kind: 'p', text: w.created },
        ...(p.replacesAccount ? [{ kind: 'p' as const, text: w.replaces(p.replacesAccount) }] : []),
        { kind: 'kv', rows },
        { kind: 'h', text: w.howToPay },
        { kind: 'ul', items: [w.rails(p.currency), w.cash, w.quote(p.customerReference)] },
      ],
    };
  },
};
