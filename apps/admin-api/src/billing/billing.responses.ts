import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BILL_STATUSES, REPAYMENT_METHODS, SettledBillResponse } from '../unmatched/unmatched.responses';

const money = (example: string, description?: string) =>
  ApiProperty({ example, description: description ?? 'decimal string in the currency' });

export class ChargeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ example: '2026-10' }) billingCycle!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2026-09',
    description: 'the cycle it was recorded for, when that cycle had already been issued',
  })
  deferredFromCycle!: string | null;
  @ApiProperty() product!: string;
  @ApiProperty() usage!: string;
  @money('61.38') amount!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the bill it became a line of' })
  billId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'first day of the service billed' })
  servicePeriodStart!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'last day of the service billed' })
  servicePeriodEnd!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'the stored-value card named at order: only such lines, within one month, may a card pay',
  })
  storedValueCardId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class BillingRunResponse {
  @ApiProperty({ example: '2026-10' }) billingCycle!: string;
  @ApiProperty() billsIssued!: number;
  @ApiProperty({ description: 'bills settled automatically right after issuing' }) writtenOff!: number;
  @ApiProperty() customersWrittenOff!: number;
  @ApiPropertyOptional({
    enum: ['already_issued', 'another_replica_is_issuing', 'not_due_yet', 'no_charges'],
    description: 'why nothing was issued',
  })
  skipped?: string;
  @ApiPropertyOptional({ description: 'why nothing was issued, in a sentence' }) reason?: string;
}

export class BillPeriodResponse {
  @ApiProperty({ example: '2026-01' }) from!: string;
  @ApiProperty({ example: '2026-03' }) to!: string;
}

export class BillPaymentTermsResponse {
  @ApiProperty({ enum: ['monthly', 'quarterly'] }) settlementCycle!: string;
  @ApiProperty({ example: 15 }) paymentPeriodDays!: number;
  @ApiProperty({ enum: ['calendar', 'business'] }) paymentPeriodKind!: string;
}

export class BillResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ example: 'B-2026-10-0001' }) reference!: string;
  @ApiProperty({ example: '2026-10' }) billingCycle!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-15' }) dueDate!: string | null;
  @ApiProperty({
    type: BillPeriodResponse,
    description: 'the months the bill covers: its cycle, or the quarter ending with it',
  })
  period!: BillPeriodResponse;
  @ApiProperty({
    type: BillPaymentTermsResponse,
    nullable: true,
    description:
      'the payment terms in force when the bill was issued (its due date came from them); null on older bills',
  })
  paymentTerms!: BillPaymentTermsResponse | null;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @money('300.00') amount!: string;
  @money('150.00') paid!: string;
  @money('150.00') outstanding!: string;
  @ApiProperty({ enum: BILL_STATUSES }) status!: string;
}

export class BillLineResponse {
  @ApiProperty() product!: string;
  @ApiProperty() usage!: string;
  @money('61.38') amount!: string;
}

export class BillRepaymentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REPAYMENT_METHODS }) method!: string;
  @money('100.00') amount!: string;
  @ApiProperty({ format: 'uuid' }) journalEntryId!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) remittanceId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) reversedAt!: string | null;
}

export class BillDetailResponse extends BillResponse {
  @ApiProperty({ type: [BillLineResponse] }) lines!: BillLineResponse[];
  @ApiProperty({
    description: 'false for bills of cycles before January 2023: their repayment records are not shown (seed 000)',
  })
  repaymentRecordsAvailable!: boolean;
  @ApiProperty({ type: [BillRepaymentResponse] }) repayments!: BillRepaymentResponse[];
}

export class UnsettledReasonResponse {
  @ApiProperty({
    enum: [
      'settled',
      'not_issued_yet',
      'auto_write_off_off',
      'insufficient_credit',
      'card_restriction',
      'refund_restriction',
      'settlement_task',
      'older_bills_first',
      'partial_payment_off',
      'credit_control_terms',
      'pay_as_you_go',
      'payment_pending',
      'write_off_queued',
    ],
  })
  code!: string;
  @ApiProperty() message!: string;
}

export class WhyUnsettledResponse {
  @ApiProperty({ format: 'uuid' }) billId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty({ enum: BILL_STATUSES }) status!: string;
  @money('150.00') outstanding!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: [UnsettledReasonResponse] }) reasons!: UnsettledReasonResponse[];
}

export class ManualPaymentResponse {
  @ApiProperty({ format: 'uuid' }) billId!: string;
  @ApiProperty() billReference!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @money('100.00', 'paid in total') amount!: string;
  @money('60.00', 'of it from the account balance') fromBalance!: string;
  @money('40.00', 'of it through the external channel') external!: string;
  @ApiProperty({ nullable: true, type: String, description: 'what the channel knows the payment by' })
  externalReference!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) journalEntryId!: string | null;
  @ApiProperty({ enum: BILL_STATUSES }) billStatus!: string;
  @money('0.00') outstanding!: string;
}

export class CycleBillResponse {
  @ApiProperty({ format: 'uuid' }) billId!: string;
  @ApiProperty() reference!: string;
  @money('120.00', 'paid on the bill in total') paid!: string;
  @ApiProperty({ enum: BILL_STATUSES }) status!: string;
  @money('0.00') outstanding!: string;
}

export class PayCycleResponse {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ example: '2026-10' }) billingCycle!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @money('25.00', 'paid from credit-control refunds of the cycle') fromRefunds!: string;
  @money('60.00', 'paid from the account balance') fromBalance!: string;
  @money('35.00', 'paid through the external channel') external!: string;
  @ApiProperty({ nullable: true, type: String, description: 'what the channel knows the payment by' })
  externalReference!: string | null;
  @money('0.00', "still unpaid on the cycle's bills") outstanding!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) journalEntryId!: string | null;
  @ApiProperty({ type: [CycleBillResponse] }) bills!: CycleBillResponse[];
}

export class RepaymentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) billId!: string;
  @ApiProperty() billReference!: string;
  @ApiProperty({ example: '2026-10' }) billingCycle!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ enum: REPAYMENT_METHODS }) method!: string;
  @money('100.00') amount!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ format: 'uuid' }) journalEntryId!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) remittanceId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) reversedAt!: string | null;
}

export class TopUpResponse {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @money('500.00') amount!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ format: 'uuid' }) journalEntryId!: string;
  @ApiProperty({ type: [SettledBillResponse] }) billsSettled!: SettledBillResponse[];
  @money('350.00', 'cash balance afterwards') balance!: string;
}

export class RefundResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @money('25.00') amount!: string;
  @money('10.00', 'not yet used to pay bills') remaining!: string;
  @ApiProperty({ example: '2026-10', description: 'pays bills of this cycle or later' }) billingCycle!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class BillPaidResponse {
  @ApiProperty({ format: 'uuid' }) billId!: string;
  @ApiProperty({ enum: REPAYMENT_METHODS }) method!: string;
  @money('15.00') amount!: string;
}

export class RefundResultResponse {
  @ApiProperty({ type: RefundResponse, nullable: true }) refund!: RefundResponse | null;
  @ApiPropertyOptional({ type: [BillPaidResponse], description: 'absent on a replay' }) billsPaid?: BillPaidResponse[];
  @ApiProperty({ description: 'true when this Idempotency-Key was seen before: nothing changed' }) replayed!: boolean;
}

export class AutoSettlementOutcome {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @money('100.00') paid!: string;
  @ApiProperty({ description: 'bills settled' }) bills!: number;
  @ApiPropertyOptional({ enum: ['auto_write_off_off', 'manual_payment_in_progress', 'nothing_to_pay'] })
  skipped?: string;
}

export class IssuedCardResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @money('200.00') amount!: string;
  @money('120.00', 'left on the card after paying bills of its month') balance!: string;
  @ApiProperty({ example: '2026-11' }) validMonth!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: [AutoSettlementOutcome], description: 'bills the card settled right away' })
  automaticBillSettlement!: AutoSettlementOutcome[];
  @ApiProperty({ type: [AutoSettlementOutcome], deprecated: true, description: 'the same as automaticBillSettlement' })
  writeOff!: AutoSettlementOutcome[];
}

export class CardResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026-11' }) validMonth!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @money('200.00') amount!: string;
  @money('120.00') balance!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class CouponResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @money('10.00') amount!: string;
  @ApiProperty({ example: 'WELCOME10' }) code!: string;
  @ApiProperty({ example: '2026-12' }) validUntil!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the bill it was deducted from' })
  billId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) usedAt!: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class AppliedCouponResponse {
  @ApiProperty({ format: 'uuid' }) couponId!: string;
  @ApiProperty({ format: 'uuid' }) billId!: string;
  @money('10.00') deducted!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) journalEntryId!: string | null;
}

export class RelationshipResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) mainCustomerId!: string;
  @ApiProperty({ format: 'uuid' }) memberCustomerId!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) endedAt!: Date | null;
}

export class RelationshipListItemResponse extends RelationshipResponse {
  @ApiProperty() mainCustomerName!: string;
  @ApiProperty() mainCustomerReference!: string;
  @ApiProperty() memberCustomerName!: string;
  @ApiProperty() memberCustomerReference!: string;
}

export class TransferResponse {
  @ApiProperty({ format: 'uuid' }) journalEntryId!: string;
  @ApiProperty({ format: 'uuid' }) from!: string;
  @ApiProperty({ format: 'uuid' }) to!: string;
  @money('100.00') amount!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: [AutoSettlementOutcome], description: "the receiver's bills settled by the transfer" })
  automaticBillSettlement!: AutoSettlementOutcome[];
  @ApiProperty({ type: [AutoSettlementOutcome], deprecated: true, description: 'the same as automaticBillSettlement' })
  writeOff!: AutoSettlementOutcome[];
}
