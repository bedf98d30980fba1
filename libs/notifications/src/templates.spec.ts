import {
  ArrearsNoticePayload,
  BillsSettledPayload,
  CreditReturnedPayload,
  FundsReceivedPayload,
  TEMPLATE_NAMES,
  TemplateRenderError,
  VirtualAccountCreatedPayload,
  escapeHtml,
  formatIban,
  normalizeIban,
  renderTemplate,
} from './templates';
import { describeReturnReason } from './return-reasons';

const virtualAccount: VirtualAccountCreatedPayload = {
  customerName: 'Acme Widgets Ltd',
  accountHolder: 'Nimbus Cloud Services Inc.',
  iban: 'de89370400440532013000',
  accountNumber: '0532013000',
  routingNumber: '021000021',
  bic: 'cobadeffxxx',
  bankName: 'Commerzbank AG',
  bankAddress: 'Kaiserplatz, 60311 Frankfurt am Main',
  currency: 'EUR',
  customerReference: 'CUST-000123',
};

const fundsReceived: FundsReceivedPayload = {
  customerName: 'Acme Widgets Ltd',
  currency: 'USD',
  amountRemitted: '1234567.5',
  feeReimbursed: '25',
  amountBooked: '1234542.50',
  billsSettled: [
    { billReference: 'INV-2025-0001', cycle: '2025-01', amountPaid: '1000000', status: 'paid' },
    { billReference: 'INV-2025-0002', cycle: '2025-02', amountPaid: '200000.25', status: 'partially_paid' },
  ],
  balanceRemaining: '34567.25',
  receivedOn: '2025-03-14',
  paymentReference: 'FT25073ABCD',
};

const creditReturned: CreditReturnedPayload = {
  customerName: 'Acme Widgets Ltd',
  currency: 'USD',
  amount: '5000',
  reasonCode: 'r01',
  bankReasonText: 'NSF - returned by RDFI',
  returnedOn: '2025-03-18T09:30:00Z',
  originalReceivedOn: '2025-03-14',
  paymentReference: 'ACH-778899',
  billsReopened: [{ billReference: 'INV-2025-0003', cycle: '2025-03', amountDue: '4999.99' }],
  balanceRemaining: '0',
};

const billsSettled: BillsSettledPayload = {
  customerName: 'Acme Widgets Ltd',
  currency: 'JPY',
  bills: [
    { billReference: 'INV-JP-10', cycle: '2025-04', amountPaid: '1500000', status: 'paid' },
    { billReference: 'INV-JP-11', cycle: '2025-05', amountPaid: '250000.00', status: 'partially_paid' },
  ],
  settledOn: '2025-05-02',
  paymentReference: 'PAY-42',
  balanceRemaining: '0',
};

const arrears: ArrearsNoticePayload = {
  customerName: 'Acme Widgets Ltd',
  currency: 'KWD',
  overdueAmount: '1234.5',
  oldestBillReference: 'INV-KW-7',
  oldestBillCycle: '2025-01',
  oldestBillDueDate: '2025-02-15',
  daysOverdue: 31,
  paymentAccount: 'GB82 WEST 1234 5698 7654 32',
  customerReference: 'CUST-000777',
};

/** Every expected string must appear in the text body and, escaped, in the HTML body. */
function expectInBoth(rendered: { text: string; html: string }, expected: string[]): void {
  for (const s of expected) {
    expect(rendered.text).toContain(s);
    expect(rendered.html).toContain(escapeHtml(s));
  }
}

describe('renderTemplate', () => {
  it('lists the seven templates', () => {
    expect([...TEMPLATE_NAMES].sort()).toEqual(
      [
        'arrears-notice',
        'balance-alert',
        'bills-settled',
        'credit-returned',
        'funds-received',
        'resource-lifecycle',
        'virtual-account-created',
      ].sort(),
    );
  });

  it('virtual-account-created renders every field, the IBAN in blocks of 4 and the payment instructions', () => {
    const r = renderTemplate('virtual-account-created', virtualAccount);
    expect(r.subject).toBe('Your exclusive bank account has been created');
    expectInBoth(r, [
      'Dear Acme Widgets Ltd,',
      'Nimbus Cloud Services Inc.',
      'DE89 3704 0044 0532 0130 00',
      '0532013000',
      '021000021',
      'COBADEFFXXX',
      'Commerzbank AG',
      'Kaiserplatz, 60311 Frankfurt am Main',
      'EUR',
      'CUST-000123',
      'Only SWIFT or ACH bank transfers',
      'Cash deposits and cheques are not credited automatically',
      'helps us match your payment',
    ]);
    expect(r.html).toMatch(/^<!DOCTYPE html>/);
    expect(r.html).toContain('<title>Your exclusive bank account has been created</title>');
  });

  it('virtual-account-created accepts an account number without IBAN', () => {
    const { iban: _iban, ...rest } = virtualAccount;
    const r = renderTemplate('virtual-account-created', { ...rest, currency: 'USD' });
    expect(r.text).toContain('0532013000');
    expect(r.text).not.toContain('IBAN');
  });

  it('funds-received renders amounts with separators and scale, the fee, the bills and the balance', () => {
    const r = renderTemplate('funds-received', fundsReceived);
    expect(r.subject).toBe('Payment received: 1,234,567.50 USD');
    expectInBoth(r, [
      'Amount you sent',
      '1,234,567.50 USD',
      'Bank charges covered by us',
      '25.00 USD',
      'Amount booked by the bank',
      '1,234,542.50 USD',
      'INV-2025-0001',
      '2025-01',
      '1,000,000.00 USD',
      'Paid',
      'INV-2025-0002',
      '200,000.25 USD',
      'Partially paid',
      'Balance available',
      '34,567.25 USD',
      '2025-03-14',
      'FT25073ABCD',
    ]);
  });

  it('funds-received leaves out a zero fee and says when no bill was settled', () => {
    const r = renderTemplate('funds-received', { ...fundsReceived, feeReimbursed: '0.00', billsSettled: [] });
    expect(r.text).not.toContain('Bank charges');
    expect(r.html).not.toContain('Bank charges');
    expect(r.text).toContain('No open bills were settled');
    const noFee = { ...fundsReceived };
    delete noFee.feeReimbursed;
    expect(renderTemplate('funds-received', noFee).text).not.toContain('Bank charges');
  });

  it('credit-returned renders the reason code with its text, the bank text and the reopened bills', () => {
    const r = renderTemplate('credit-returned', creditReturned);
    expect(r.subject).toBe('A payment of 5,000.00 USD was returned');
    expectInBoth(r, [
      '5,000.00 USD',
      'R01 - Insufficient funds in the sending account',
      'NSF - returned by RDFI',
      '2025-03-14',
      '2025-03-18',
      'ACH-778899',
      'INV-2025-0003',
      '2025-03',
      '4,999.99 USD',
      '0.00 USD',
      'open again',
    ]);
  });

  it('credit-returned explains camt reason codes and shows unknown codes as-is', () => {
    expect(renderTemplate('credit-returned', { ...creditReturned, reasonCode: 'AC04' }).text).toContain(
      'AC04 - The account is closed',
    );
    const unknown = renderTemplate('credit-returned', { ...creditReturned, reasonCode: 'ZZ99', billsReopened: [] });
    expect(unknown.text).toMatch(/Reason:\s+ZZ99\n/);
    expect(unknown.text).not.toContain('Bills open again');
  });

  it('bills-settled renders JPY without decimals', () => {
    const r = renderTemplate('bills-settled', billsSettled);
    expect(r.subject).toBe('2 bills have been paid');
    expectInBoth(r, [
      'INV-JP-10',
      '2025-04',
      '1,500,000 JPY',
      'INV-JP-11',
      '250,000 JPY',
      'Partially paid',
      '2025-05-02',
      'PAY-42',
      '0 JPY',
    ]);
    expect(renderTemplate('bills-settled', { ...billsSettled, bills: billsSettled.bills.slice(0, 1) }).subject).toBe(
      'Bill INV-JP-10 has been paid',
    );
  });

  it('arrears-notice renders the overdue amount with the currency scale, the oldest bill and days overdue', () => {
    const r = renderTemplate('arrears-notice', arrears);
    expect(r.subject).toBe('Payment overdue: 1,234.500 KWD');
    expectInBoth(r, [
      '1,234.500 KWD',
      'INV-KW-7 (2025-01)',
      '2025-02-15',
      '31 days',
      'GB82 WEST 1234 5698 7654 32',
      'CUST-000777',
    ]);
    expect(renderTemplate('arrears-notice', { ...arrears, daysOverdue: 1 }).text).toContain('1 day past');
  });

  it('HTML-escapes every interpolated value and keeps the text body verbatim', () => {
    const evil = `<script>alert("x")</script> & 'co'`;
    const payloads: Array<[string, Record<string, unknown>]> = [
      [
        'virtual-account-created',
        { ...virtualAccount, customerName: evil, accountHolder: evil, bankName: evil, customerReference: evil },
      ],
      [
        'funds-received',
        {
          ...fundsReceived,
          customerName: evil,
          paymentReference: evil,
          billsSettled: [{ ...fundsReceived.billsSettled[0], billReference: evil, cycle: evil, status: evil }],
        },
      ],
      ['credit-returned', { ...creditReturned, customerName: evil, bankReasonText: evil, reasonCode: evil }],
      [
        'bills-settled',
        { ...billsSettled, customerName: evil, bills: [{ ...billsSettled.bills[0], billReference: evil }] },
      ],
      ['arrears-notice', { ...arrears, customerName: evil, oldestBillReference: evil, paymentAccount: evil }],
    ];
    for (const [name, payload] of payloads) {
      const r = renderTemplate(name, payload);
      expect(r.html).not.toMatch(/<script/i);
      expect(r.html).not.toContain(`"x"`);
      expect(r.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;');
      expect(r.text).toContain(evil);
    }
  });

  it('keeps subjects on one line', () => {
    const r = renderTemplate('bills-settled', {
      ...billsSettled,
      bills: [{ ...billsSettled.bills[0], billReference: 'A\r\nBcc: x@example.com' }],
    });
    expect(r.subject).toBe('Bill A Bcc: x@example.com has been paid');
  });

  it('throws a clear error for an unknown template', () => {
    expect(() => renderTemplate('no-such-template', {})).toThrow(TemplateRenderError);
    expect(() => renderTemplate('no-such-template', {})).toThrow(
      /Unknown notification template "no-such-template".*funds-received/,
    );
  });

  it('lists every missing or invalid field in one error', () => {
    let error: unknown;
    try {
      renderTemplate('funds-received', {
        customerName: '',
        currency: 'usd',
        amountRemitted: 1000,
        amountBooked: '1,000.00',
        billsSettled: [{ billReference: 'X', amountPaid: '1.234', status: 'paid' }, 'oops'],
        receivedOn: '2025-02-30',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TemplateRenderError);
    const e = error as TemplateRenderError;
    expect(e.code).toBe('INVALID_PAYLOAD');
    expect(e.permanent).toBe(true);
    expect(e.problems).toEqual(
      expect.arrayContaining([
        'customerName must be a non-empty string',
        'currency must be an ISO 4217 code such as "USD"',
        expect.stringMatching(/^amountRemitted must be a decimal string .*got number/),
        expect.stringMatching(/^amountBooked must be a decimal string/),
        'billsSettled[0].cycle is required',
        'billsSettled[1] must be an object',
        'balanceRemaining is required (decimal string)',
        expect.stringMatching(/^receivedOn must be a date/),
      ]),
    );
    expect(e.message).toMatch(/^Invalid payload for template 'funds-received': /);
  });

  it('rejects amounts with more decimals than the currency has', () => {
    expect(() => renderTemplate('funds-received', { ...fundsReceived, amountBooked: '10.005' })).toThrow(
      /amountBooked has more decimal places than USD allows \(2\)/,
    );
    expect(() => renderTemplate('bills-settled', { ...billsSettled, balanceRemaining: '0.5' })).toThrow(
      /JPY allows \(0\)/,
    );
  });

  it('rejects a payload that is not an object, an invalid IBAN/BIC and missing account identifiers', () => {
    expect(() => renderTemplate('arrears-notice', null)).toThrow(/expected an object/);
    expect(() =>
      renderTemplate('virtual-account-created', { ...virtualAccount, iban: 'DE89370400440532013001' }),
    ).toThrow(/not a valid IBAN/);
    expect(() => renderTemplate('virtual-account-created', { ...virtualAccount, bic: 'NOPE' })).toThrow(
      /not a valid BIC/,
    );
    const { iban: _i, accountNumber: _a, ...noAccount } = virtualAccount;
    expect(() => renderTemplate('virtual-account-created', noAccount)).toThrow(
      /one of iban or accountNumber is required/,
    );
    expect(() => renderTemplate('arrears-notice', { ...arrears, daysOverdue: -1 })).toThrow(
      /daysOverdue must be a non-negative integer/,
    );
    expect(() => renderTemplate('bills-settled', { ...billsSettled, bills: [] })).toThrow(/bills must not be empty/);
  });
});

describe('helpers', () => {
  it('escapeHtml escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('formats and validates IBANs', () => {
    expect(formatIban('GB82WEST12345698765432')).toBe('GB82 WEST 1234 5698 7654 32');
    expect(normalizeIban('gb82 west 1234 5698 7654 32')).toBe('GB82WEST12345698765432');
    expect(normalizeIban('GB83WEST12345698765432')).toBeNull();
    expect(normalizeIban('12345')).toBeNull();
  });

  it('describes common ACH and camt return reasons', () => {
    for (const code of ['R01', 'R02', 'R03', 'R04', 'R10', 'R16', 'R20', 'R29', 'AC01', 'AC04', 'AM04', 'MS03']) {
      expect(describeReturnReason(code)).toEqual(expect.any(String));
    }
    expect(describeReturnReason('r02')).toBe('The sending account is closed');
    expect(describeReturnReason('XX00')).toBeNull();
  });
});

describe("balances item 7: e-mails speak a customer's words for balances and name the real bank", () => {
  it('a negative balance reads "Credit used: 96.00", never "Balance remaining: -96.00"', () => {
    for (const template of ['funds-received', 'bills-settled'] as const) {
      const payload = template === 'funds-received' ? fundsReceived : { ...billsSettled, currency: 'USD' };
      const r = renderTemplate(template, { ...payload, balanceRemaining: '-96.00' });
      expectInBoth(r, ['Credit used', '96.00 USD']);
      expect(r.text).not.toContain('-96');
      expect(r.text).not.toContain('Balance remaining');
    }
  });

  it('a collection account without a bank name leaves the "Bank" row out instead of showing another name', () => {
    const { bankName: _b, ...rest } = virtualAccount;
    const r = renderTemplate('virtual-account-created', rest);
    expect(r.text).not.toMatch(/^Bank:/m);
    expect(r.text).toContain('Nimbus Cloud Services Inc.');
  });
});

describe('issue 17: every customer e-mail in Simplified Chinese when the customer reads Chinese', () => {
  const cjk = /[\u4e00-\u9fff]/;

  it('funds received: Chinese subject, labels and date; the amounts exactly as in English', () => {
    const en = renderTemplate('funds-received', fundsReceived, 'en');
    const zh = renderTemplate('funds-received', fundsReceived, 'zh');
    expect(en).toEqual(renderTemplate('funds-received', fundsReceived));
    expect(zh.subject).toBe('已收到付款：1,234,567.50 USD');
    expectInBoth(zh, ['尊敬的 Acme Widgets Ltd：', '已结清的账单', '1,234,567.50 USD', '此邮件由系统自动发送']);
    expect(zh.html).toContain('<html lang="zh-CN">');
    expect(zh.text).not.toMatch(/Dear|Bills settled|Amount you sent/);
  });

  it('bills settled: a Chinese subject naming the count, statuses and the settlement date in Chinese', () => {
    const zh = renderTemplate('bills-settled', billsSettled, 'zh');
    expect(zh.subject).toBe('2 张账单已结清');
    expectInBoth(zh, ['已结清', '部分支付', '1,500,000 JPY', '250,000 JPY', '2025年5月2日']);
  });

  it('every template has a Chinese version: subject and body', () => {
    const payloads = {
      'virtual-account-created': virtualAccount,
      'funds-received': fundsReceived,
      'credit-returned': creditReturned,
      'bills-settled': billsSettled,
      'arrears-notice': arrears,
      'balance-alert': { customerName: 'Acme', currency: 'EUR', threshold: '100.00', balance: '-12.50' },
      'resource-lifecycle': {
        event: 'expiring',
        customerName: 'Acme',
        resourceName: 'db-1',
        externalId: 'i-1',
        expiresOn: '2026-03-05',
        days: 3,
        currency: 'EUR',
        amount: '30.00',
      },
    } as const;
    for (const [name, payload] of Object.entries(payloads)) {
      const zh = renderTemplate(name, payload, 'zh');
      expect([name, cjk.test(zh.subject)]).toEqual([name, true]);
      expect([name, zh.text.startsWith('尊敬的')]).toEqual([name, true]);
      expect(renderTemplate(name, payload, 'en').text.startsWith('Dear')).toBe(true);
    }
    expect(renderTemplate('credit-returned', creditReturned, 'zh').text).toContain('R01 - 付款账户余额不足');
  });
});
