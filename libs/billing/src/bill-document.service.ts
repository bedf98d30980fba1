import { Inject, Injectable } from '@nestjs/common';
import { notFound } from '@remitd/core';
import { Money } from '@remitd/money';
import { PrismaService } from '@remitd/persistence';
import { renderBillPdf, type BillPdfData, type BillPdfOptions } from './bill-pdf';
import type { PayableAccount } from './pdf-document';
import {
  DOCUMENT_LANGUAGES,
  renderPaymentInstructionsPdf,
  type DocumentLanguage,
  type PaymentInstructionsData,
} from './payment-instructions-pdf';
import { billView } from './billing-queries';
import { BILLING_TIME_ZONE } from './issue-bills.usecase';

/** The provider's name printed on bills (and as the holder of the accounts customers pay into). */
export const BILL_PROVIDER_NAME = Symbol('BILL_PROVIDER_NAME');

/** "YYYY-MM-DD" of an instant in the billing time zone. */
function localDate(at: Date, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}`;
}

/** The monthly bill as a document: everything on it loaded for one bill id, rendered to PDF. */
@Injectable()
export class BillDocumentService {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(BILLING_TIME_ZONE) private readonly timeZone: string,
    @Inject(BILL_PROVIDER_NAME) private readonly providerName: string,
  ) {}

  /** @param scope.customerId when set (a member's key), any other customer's bill is "not found" */
  async data(billId: string, scope: { customerId?: string | null } = {}): Promise<BillPdfData> {
    const b = await this.prisma.bill.findUnique({
      where: { id: billId },
      include: {
        lines: { orderBy: [{ product: 'asc' }, { id: 'asc' }] },
        repayments: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      },
    });
    if (!b || (scope.customerId !== undefined && scope.customerId !== b.customerId)) throw notFound('bill', billId);
    const [customer, accounts] = await Promise.all([
      this.prisma.customer.findUnique({
        where: { id: b.customerId },
        select: { name: true, reference: true, email: true },
      }),
      this.payableAccounts(b.customerId),
    ]);
    if (!customer) throw notFound('customer', b.customerId);
    const view = billView(b);
    const m = (x: { toString(): string }, ccy: string) => Money.fromStored(x.toString(), ccy).toString();
    return {
      providerName: this.providerName,
      bill: {
        reference: view.reference,
        billingCycle: view.billingCycle,
        issuedOn: localDate(b.issuedAt, this.timeZone),
        dueDate: view.dueDate,
        paymentTerms: view.paymentTerms
          ? `${view.paymentTerms.settlementCycle}, ${view.paymentTerms.paymentPeriodDays} ${view.paymentTerms.paymentPeriodKind} day${view.paymentTerms.paymentPeriodDays === 1 ? '' : 's'}`
          : null,
        currency: view.currency,
        amount: view.amount,
        paid: view.paid,
        outstanding: view.outstanding,
        status: view.status,
      },
      lines: b.lines.map((l) => ({ product: l.product, usage: l.usage, amount: m(l.amount, b.currency) })),
      repayments: b.repayments.map((r) => ({
        date: localDate(r.createdAt, this.timeZone),
        method: r.method,
        amount: m(r.amount, r.currency),
        reversed: r.reversedAt !== null,
      })),
      customer,
      // the account in the bill's currency first
      virtualAccounts: [...accounts].sort(
        (x, y) => Number(y.currency === b.currency) - Number(x.currency === b.currency),
      ),
    };
  }

  /** The customer's active exclusive accounts as printed on its documents (bills, payment instructions). */
  async payableAccounts(customerId: string): Promise<PayableAccount[]> {
    const accounts = await this.prisma.virtualAccount.findMany({
      where: { customerId, status: 'active' },
      include: {
        collectionAccount: {
          select: { iban: true, bic: true, routingNumber: true, accountHolderName: true, bankName: true },
        },
      },
      orderBy: { createdAt: 'asc' },
    });
    return accounts.map((va) => ({
      iban: va.collectionAccount.iban ? va.number : null,
      accountNumber: va.number,
      bic: va.collectionAccount.bic,
      routingNumber: va.collectionAccount.routingNumber,
      // the real holder and bank, never our internal label of the collection account (issue 12 item 7)
      accountHolder: va.collectionAccount.accountHolderName ?? this.providerName,
      bankName: va.collectionAccount.bankName,
      currency: va.currency,
    }));
  }

  /**
   * The payment instruction of a customer (its exclusive accounts and the rules of paying into
   * them) as a PDF in `lang`, else the customer's own language when it has one, else English.
   */
  async paymentInstructionsPdf(
    customerId: string,
    lang?: DocumentLanguage,
  ): Promise<{ reference: string; lang: DocumentLanguage; pdf: Buffer }> {
    const customer = await this.prisma.customer.findUnique({ where: { id: customerId } });
    if (!customer) throw notFound('customer', customerId);
    // customers.locale is optional here: older schemas have no such column
    const stored = (customer as { locale?: unknown }).locale;
    const chosen = lang ?? (DOCUMENT_LANGUAGES.find((l) => l === stored) || 'en');
    const data: PaymentInstructionsData = {
      providerName: this.providerName,
      issuedOn: localDate(new Date(), this.timeZone),
      customer: { name: customer.name, reference: customer.reference, email: customer.email },
      virtualAccounts: await this.payableAccounts(customerId),
    };
    return { reference: customer.reference, lang: chosen, pdf: await renderPaymentInstructionsPdf(data, chosen) };
  }

  async pdf(
    billId: string,
    scope: { customerId?: string | null } = {},
    opts?: BillPdfOptions,
  ): Promise<{ reference: string; pdf: Buffer }> {
    const data = await this.data(billId, scope);
    return { reference: data.bill.reference, pdf: await renderBillPdf(data, opts) };
  }
}
