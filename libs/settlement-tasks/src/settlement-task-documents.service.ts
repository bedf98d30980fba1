import { Inject, Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { BILL_PROVIDER_NAME, BillDocumentService, cycleLabel, pdfText, stampFirstPage } from '@remitd/billing';
import { notFound } from '@remitd/core';
import { CustomerRepository } from '@remitd/customers';
import type { Actor } from '@remitd/persistence';
import { SettlementTaskQueries, type TaskItemView, type TaskView } from './settlement-task.queries';
import { SETTLEMENT_STAMP, type SettlementStamp } from './settlement-tasks.tokens';

/**
 * seed 001: "Export consolidated bill data from a Settlement Task, including stamped monthly
 * bills in PDF format": each account × cycle's monthly bill with the task's stamp (and the
 * provider's seal), and one consolidated PDF of the whole task.
 */
@Injectable()
export class SettlementTaskDocuments {
  constructor(
    private readonly queries: SettlementTaskQueries,
    private readonly bills: BillDocumentService,
    private readonly customers: CustomerRepository,
    @Inject(SETTLEMENT_STAMP) private readonly stamp: SettlementStamp,
    @Inject(BILL_PROVIDER_NAME) private readonly providerName: string,
  ) {}

  stampText(task: Pick<TaskView, 'reference' | 'currency'>, item: Pick<TaskItemView, 'billStatus' | 'toBeRepaid'>) {
    return item.billStatus === 'settled'
      ? this.stamp.text.replaceAll('{task}', task.reference)
      : `In unified settlement task ${task.reference}: ${item.toBeRepaid} ${task.currency} to be repaid`;
  }

  /** One monthly bill of the task, stamped. */
  async billPdf(actor: Actor, taskId: string, billId: string): Promise<{ reference: string; pdf: Buffer }> {
    const task = await this.queries.view(actor, taskId);
    const item = task.items.find((i) => i.billId === billId);
    if (!item) throw notFound('bill of settlement task', billId);
    return this.bills.pdf(billId, {}, { stamp: { text: this.stampText(task, item), seal: this.stamp.seal } });
  }

  /** The whole task in one PDF: every account × cycle with its amounts, the totals, the stamp. */
  async consolidatedPdf(actor: Actor, taskId: string): Promise<{ reference: string; pdf: Buffer }> {
    const task = await this.queries.view(actor, taskId);
    const payer = await this.customers.findById(task.payerCustomerId);
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 64, left: 56, right: 56 },
      bufferPages: true,
    });
    const done = new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    const t = (
      s: string,
      x: number,
      y: number,
      o: PDFKit.Mixins.TextOptions & { bold?: boolean; size?: number } = {},
    ) =>
      doc
        .font(o.bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(o.size ?? 9)
        .fillColor('#1b1f24')
        .text(pdfText(s), x, y, { lineBreak: o.width !== undefined, ...o });
    const money = (a: string) => `${a} ${task.currency}`;
    t(this.providerName, 56, 56, { bold: true, size: 11 });
    t(`Unified settlement task ${task.reference}`, 56, 80, { bold: true, size: 15 });
    t(`${task.name}`, 56, 102, { size: 10 });
    t(`Paid by ${payer?.name ?? task.payerCustomerId} (${payer?.reference ?? ''})`, 56, 118, { size: 10 });
    t(`Status: ${task.status.replace('_', ' ')}`, 56, 134, { size: 10 });
    const cols = [56, 200, 290, 370, 445];
    let y = 170;
    const header = ['Account', 'Billing cycle', 'Consumption', 'To be repaid', 'Paid by the task'];
    header.forEach((h, n) => t(h, cols[n], y, { bold: true, size: 8.5, width: n === 0 ? 140 : 80 }));
    y += 18;
    for (const i of task.items) {
      if (y > 760) {
        doc.addPage();
        y = 56;
      }
      t(i.customerName, cols[0], y, { width: 140, height: 12, ellipsis: true });
      t(cycleLabel(i.billingCycle), cols[1], y);
      t(money(i.consumption), cols[2], y);
      t(money(i.toBeRepaid), cols[3], y);
      t(money(i.paidByTask), cols[4], y);
      y += 14;
    }
    y += 8;
    t('Total', cols[0], y, { bold: true });
    t(money(task.totals.consumption), cols[2], y, { bold: true });
    t(money(task.totals.toBeRepaid), cols[3], y, { bold: true });
    t(money(task.totals.paidByTask), cols[4], y, { bold: true });
    t(`Quote ${task.reference} as the reference of your transfer.`, 56, y + 24, { size: 9 });
    stampFirstPage(doc, {
      text:
        task.status === 'completed'
          ? this.stamp.text.replaceAll('{task}', task.reference)
          : `Unified settlement task ${task.reference}: ${task.totals.toBeRepaid} ${task.currency} to be repaid`,
      seal: this.stamp.seal,
    });
    doc.end();
    return { reference: task.reference, pdf: await done };
  }
}
