import { formatIban, normalizeIban, type TemplateDef } from './layout';

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
  render(p) {
    const rows: Array<[string, string]> = [['Account holder', p.accountHolder]];
    if (p.iban) rows.push(['IBAN', formatIban(p.iban)]);
    if (p.accountNumber) rows.push(['Account number', p.accountNumber]);
    if (p.routingNumber) rows.push(['Routing number (ACH)', p.routingNumber]);
    if (p.bic) rows.push(['BIC / SWIFT code', p.bic]);
    if (p.bankName) rows.push(['Bank', p.bankName]);
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
        ...(p.replacesAccount
          ? [
              {
                kind: 'p' as const,
                text: `This account replaces your previous account ${p.replacesAccount}, which is now closed. Please update your payment details and pay into the account below from now on.`,
              },
            ]
          : []),
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
