import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BillResponse } from '../billing/billing.responses';

export const REMITTANCE_STATES = [
  'unmatched',
  'credited',
  'split',
  'return_requested',
  'returned',
  'reversed',
  'debit',
  'reversal',
] as const;
/** libs/matching: the rule that named the customer (none: no rule did; debit/reversal entries have their own) */
export const MATCH_RULES = [
  'virtual_account',
  'known_remitter_account',
  'customer_reference',
  'bill_reference',
  'manual',
  'none',
  'debit_entry',
  'reversal_entry',
] as const;
/** libs/matching Flag: why a remittance waits for a person */
export const REMITTANCE_FLAGS = [
  'cash_deposit',
  'cheque_deposit',
  'currency_not_held',
  'low_confidence',
  'ambiguous_reference',
  'no_rule_matched',
  'fee_above_cap',
  'return_without_original',
  'unknown_collection_account',
] as const;
export const REPAYMENT_METHODS = ['coupon', 'stored_value_card', 'balance', 'refund', 'external'] as const;
export const BILL_STATUSES = ['unsettled', 'partly_paid', 'overdue', 'settled'] as const;

export class SettledBillResponse {
  @ApiProperty({ format: 'uuid' }) billId!: string;
  @ApiProperty({ example: 'B-2026-10-0001' }) billReference!: string;
  @ApiProperty({ example: '2026-10' }) cycle!: string;
  @ApiProperty({ example: '100.00' }) amountPaid!: string;
  @ApiProperty({ enum: BILL_STATUSES }) status!: string;
}

export const RAILS = ['SWIFT', 'ACH', 'SEPA', 'CASH', 'CHEQUE', 'OTHER'] as const;

export class RemittanceOwnerResponse {
  @ApiProperty({ example: 'user:0b8f6d3e-1111-4c1c-9a1a-0123456789ab', description: 'the actor id' }) id!: string;
  @ApiProperty({ example: 'Ada Lovelace', description: 'display name when the item was taken' }) name!: string;
}

export class RemittanceResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty({ enum: REMITTANCE_STATES }) state!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) customerId!: string | null;
  @ApiProperty({ enum: MATCH_RULES }) rule!: string;
  @ApiProperty({ example: 0.95, description: 'how sure the rule is, 0 to 1' }) confidence!: number;
  @ApiProperty({ description: 'why, in a sentence a person can read' }) explanation!: string;
  @ApiProperty({ enum: REMITTANCE_FLAGS, isArray: true }) flags!: string[];
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: '975.00', description: 'what the bank booked' }) bookedAmount!: string;
  @ApiProperty({ example: '1000.00', description: 'what the remitter sent (booked + deducted charges)' })
  remittedAmount!: string;
  @ApiProperty({ example: '25.00' }) feeReimbursed!: string;
  @ApiProperty({ nullable: true, type: String }) remitterName!: string | null;
  @ApiProperty({ nullable: true, type: String }) remitterAccount!: string | null;
  @ApiProperty({ nullable: true, type: String }) bankReference!: string | null;
  @ApiProperty({ nullable: true, enum: RAILS, example: 'SEPA' }) rail!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-10-02' }) valueDate!: string | null;
  @ApiProperty({ nullable: true, type: String }) remittanceInformation!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) resolvedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) resolvedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the collection account it arrived on' })
  collectionAccountId!: string | null;
  @ApiProperty({ type: RemittanceOwnerResponse, nullable: true, description: 'who works this item; null: nobody' })
  owner!: RemittanceOwnerResponse | null;
  @ApiProperty({ example: 2 }) commentCount!: number;
}

export class CurrencyTotalResponse {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: 12 }) count!: number;
  @ApiProperty({ example: '10450.00', description: 'sum of the remitted amounts' }) amount!: string;
}

export class QueueSummaryResponse {
  @ApiProperty({ example: 42 }) count!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when the oldest item arrived' })
  oldestCreatedAt!: string | null;
  @ApiProperty({ example: 5, description: 'owned by the caller' }) mine!: number;
  @ApiProperty({ example: 30, description: 'owned by nobody' }) unowned!: number;
  @ApiProperty({ type: [CurrencyTotalResponse] }) byCurrency!: CurrencyTotalResponse[];
}

export class CommentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'apikey:0b8f6d3e-1111-4c1c-9a1a-0123456789ab' }) authorId!: string;
  @ApiProperty({ example: 'Ada Lovelace' }) authorName!: string;
  @ApiProperty({ example: 'called the customer, waiting for the voucher' }) body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class VoucherResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'VOUCHER-3f1a9c0b7d2e', description: 'cite it as voucherReference of a fee reimbursement' })
  reference!: string;
  @ApiProperty({ example: 'mt103-copy.pdf' }) filename!: string;
  @ApiProperty({ enum: ['application/pdf', 'image/png', 'image/jpeg'] }) contentType!: string;
  @ApiProperty({ example: 48213, description: 'bytes' }) size!: number;
  @ApiProperty({ example: '3f1a9c0b7d2e…', description: 'hex SHA-256 of the content' }) sha256!: string;
  @ApiProperty({ description: 'the actor who uploaded it' }) uploadedBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class VoucherUploadResponse extends VoucherResponse {
  @ApiProperty({ description: 'true when this file was kept for this remittance before: nothing changed' })
  replayed!: boolean;
}

export class CustomerOpenBillsResponse {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  // lazy: billing.responses imports this file
  @ApiProperty({
    type: () => BillResponse,
    isArray: true,
    description: "open bills in the remittance's currency, oldest first",
  })
  bills!: BillResponse[];
  @ApiProperty({ example: '450.00', description: 'what those bills still owe' }) outstanding!: string;
  @ApiProperty({ description: 'more open bills than listed (the first 100 are)' }) more!: boolean;
}

export class StatementEntryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) fileId!: string;
  @ApiProperty() statementId!: string;
  @ApiProperty({ example: 'camt.053' }) format!: string;
  @ApiProperty() accountKey!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) collectionAccountId!: string | null;
  @ApiProperty({ enum: ['CRDT', 'DBIT'] }) direction!: string;
  @ApiProperty({ enum: ['BOOK', 'PDNG', 'INFO'] }) status!: string;
  @ApiProperty({ example: '975.00' }) amount!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ nullable: true, type: String }) instructedAmount!: string | null;
  @ApiProperty({ nullable: true, type: String }) instructedCurrency!: string | null;
  @ApiProperty({ nullable: true, type: String }) chargesAmount!: string | null;
  @ApiProperty({ nullable: true, type: String }) chargesCurrency!: string | null;
  @ApiProperty({ nullable: true, type: String }) bookingDate!: string | null;
  @ApiProperty({ nullable: true, type: String }) valueDate!: string | null;
  @ApiProperty({ nullable: true, type: String }) bankReference!: string | null;
  @ApiProperty({ nullable: true, type: String }) endToEndId!: string | null;
  @ApiProperty({ nullable: true, type: String }) uetr!: string | null;
  @ApiProperty({ nullable: true, type: String }) remitterName!: string | null;
  @ApiProperty({ nullable: true, type: String }) remitterAccount!: string | null;
  @ApiProperty({ nullable: true, type: String }) remitterBic!: string | null;
  @ApiProperty({ nullable: true, type: String }) creditedAccount!: string | null;
  @ApiProperty({ nullable: true, type: String }) remittanceUnstructured!: string | null;
  @ApiProperty({ nullable: true, type: String }) remittanceStructured!: string | null;
  @ApiProperty({ nullable: true, type: String }) bankTransactionCode!: string | null;
  @ApiProperty({ example: 'SEPA' }) rail!: string;
  @ApiProperty() reversal!: boolean;
  @ApiProperty({ nullable: true, type: String }) returnReasonCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) originalReference!: string | null;
  @ApiProperty({ nullable: true, type: String }) changeCode!: string | null;
  @ApiProperty({ example: 'Stmt[1]/Ntry[1]' }) location!: string;
  @ApiProperty({ nullable: true, type: String }) additionalInfo!: string | null;
  @ApiProperty({ nullable: true, type: String }) hold!: string | null;
  @ApiProperty() naturalKey!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
}

export class RemittanceFileResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) format!: string | null;
  @ApiProperty() sourceId!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: Date;
}

export class SuggestionResponse {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty() customerName!: string;
  @ApiProperty({ example: 0.8 }) score!: number;
  @ApiProperty({ example: 'remitter name resembles the customer name' }) reason!: string;
}

export class RemittanceRepaymentResponse {
  @ApiProperty() billReference!: string;
  @ApiProperty({ example: '2026-10' }) cycle!: string;
  @ApiProperty({ example: '100.00' }) amount!: string;
  @ApiProperty({ enum: REPAYMENT_METHODS }) method!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) reversedAt!: Date | null;
}

export class RemittanceDetailResponse extends RemittanceResponse {
  @ApiProperty({ type: StatementEntryResponse }) entry!: StatementEntryResponse;
  @ApiProperty({ type: RemittanceFileResponse, nullable: true }) file!: RemittanceFileResponse | null;
  @ApiProperty({ nullable: true, type: String, description: 'the entry as the bank wrote it' })
  rawExcerpt!: string | null;
  @ApiProperty({ type: [SuggestionResponse] }) suggestions!: SuggestionResponse[];
  @ApiProperty({ type: [RemittanceRepaymentResponse] }) repayments!: RemittanceRepaymentResponse[];
  @ApiProperty({ type: [CommentResponse], description: 'the latest 100 comments, oldest first' })
  comments!: CommentResponse[];
  @ApiProperty({ type: [VoucherResponse] }) vouchers!: VoucherResponse[];
  @ApiProperty({
    type: [CustomerOpenBillsResponse],
    description: "open bills of the remittance's customer, else of each suggested customer, in the suggestions' order",
  })
  openBills!: CustomerOpenBillsResponse[];
}

export class AssignedRemittanceResponse extends RemittanceResponse {
  @ApiProperty({ type: [SettledBillResponse] }) settled!: SettledBillResponse[];
  @ApiProperty({ example: '0.00', description: "the customer's cash balance afterwards" }) balanceAfter!: string;
}

export class SplitPartResponse {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ example: '600.00' }) amount!: string;
  @ApiProperty({ type: [SettledBillResponse] }) settled!: SettledBillResponse[];
}

export class SplitRemittanceResponse extends RemittanceResponse {
  @ApiProperty({ type: [SplitPartResponse] }) parts!: SplitPartResponse[];
}

export class FeeReimbursementResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) remittanceId!: string;
  @ApiProperty({ example: '15.00' }) amount!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty() voucherReference!: string;
  @ApiProperty({ format: 'uuid' }) journalEntryId!: string;
  @ApiPropertyOptional({ type: [SettledBillResponse], description: 'absent on a replay' })
  settled?: SettledBillResponse[];
  @ApiProperty({ description: 'true when this voucher was reimbursed before: nothing changed' }) replayed!: boolean;
}
