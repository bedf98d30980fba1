import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../http/pagination';
import { IsCalendarDate } from '../http/validation';

const DECIMAL = /^\d+(\.\d+)?$/;
const CYCLE = /^\d{4}-(0[1-9]|1[0-2])$/;
const amount = (example: string) => ApiProperty({ example, description: 'decimal string in the customer currency' });

export class ChargeRequest {
  @ApiProperty({ example: '2026-10' })
  @Matches(CYCLE, { message: 'billingCycle must look like 2026-10' })
  billingCycle!: string;
  @ApiProperty({ example: 'Compute · c6.large' }) @IsString() @IsNotEmpty() @MaxLength(200) product!: string;
  @ApiProperty({ example: '744 h' }) @IsString() @IsNotEmpty() @MaxLength(200) usage!: string;
  @amount('61.38') @Matches(DECIMAL, { message: 'amount must be a decimal string like "61.38"' }) amount!: string;
  @ApiPropertyOptional({
    example: '2026-10-01',
    description: 'first day of the service billed (with servicePeriodEnd)',
  })
  @IsOptional()
  @IsCalendarDate()
  servicePeriodStart?: string;
  @ApiPropertyOptional({
    example: '2026-10-31',
    description: 'last day of the service billed (with servicePeriodStart)',
  })
  @IsOptional()
  @IsCalendarDate()
  servicePeriodEnd?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "the customer's stored-value card named when the order was placed: without it no card pays this line (seed 000)",
  })
  @IsOptional()
  @IsUUID()
  storedValueCardId?: string;
}

export class BillsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() customerId?: string;
  @ApiPropertyOptional({ enum: ['open', 'unsettled', 'partly_paid', 'overdue', 'settled'] })
  @IsOptional()
  @IsIn(['open', 'unsettled', 'partly_paid', 'overdue', 'settled'])
  status?: string;
  @ApiPropertyOptional({ example: '2026-10' })
  @IsOptional()
  @Matches(CYCLE, { message: 'billingCycle must look like 2026-10' })
  billingCycle?: string;
}

export class ChargesQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'false: charges not yet on a bill (what the next issuance bills); true: billed ones',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  billed?: 'true' | 'false';
}

export class ChargeView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '2026-10', description: 'the cycle whose bill takes it' }) billingCycle!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the cycle it was recorded for, when that was already issued',
  })
  deferredFromCycle!: string | null;
  @ApiProperty() product!: string;
  @ApiProperty() usage!: string;
  @ApiProperty({ example: '61.38' }) amount!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null until its cycle is issued' }) billId!: string | null;
  @ApiProperty() createdAt!: string;
}

export class ChargeListResponse {
  @ApiProperty({ type: [ChargeView] }) items!: ChargeView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class IssueBillsQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: issue the cycle now even though it is not due yet (never issues a cycle twice)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  force?: 'true' | 'false';
}

export class RepaymentsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() customerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() billId?: string;
  @ApiPropertyOptional({ enum: ['coupon', 'stored_value_card', 'balance', 'refund', 'external'] })
  @IsOptional()
  @IsIn(['coupon', 'stored_value_card', 'balance', 'refund', 'external'])
  method?: string;
  @ApiPropertyOptional({ example: '2026-01-01' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @IsCalendarDate() to?: string;
}

export class ExternalPart {
  @ApiProperty({ example: 'offline' }) @IsString() @IsNotEmpty() channel!: string;
  @amount('40.00')
  @Matches(DECIMAL, { message: 'external.amount must be a decimal string like "40.00"' })
  amount!: string;
  @ApiPropertyOptional({ example: 'CHQ-00123' }) @IsOptional() @IsString() @MaxLength(200) reference?: string;
}

export class ManualPaymentRequest {
  @ApiPropertyOptional({ example: '100.00', description: 'defaults to the outstanding amount' })
  @IsOptional()
  @Matches(DECIMAL, { message: 'amount must be a decimal string like "100.00"' })
  amount?: string;
  @ApiPropertyOptional({
    example: '60.00',
    description: 'part paid from the account balance (within available credit)',
  })
  @IsOptional()
  @Matches(DECIMAL, { message: 'fromBalance must be a decimal string like "60.00"' })
  fromBalance?: string;
  @ApiPropertyOptional({ type: ExternalPart })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExternalPart)
  external?: ExternalPart;
}

export class CycleExternalPart {
  @ApiProperty({ example: 'offline' }) @IsString() @IsNotEmpty() channel!: string;
  @ApiPropertyOptional({ example: 'CHQ-00123' }) @IsOptional() @IsString() @MaxLength(200) reference?: string;
}

export class PayCycleRequest {
  @ApiProperty({ example: '2026-10', description: 'the billing cycle whose unpaid bills to pay' })
  @Matches(CYCLE, { message: 'billingCycle must look like 2026-10' })
  billingCycle!: string;
  @ApiPropertyOptional({
    default: true,
    description: '"Use Account Balance": the balance (within available credit) pays after the refunds of the cycle',
  })
  @IsOptional()
  @IsBoolean()
  useAccountBalance?: boolean;
  @ApiPropertyOptional({
    type: CycleExternalPart,
    description: 'pays what the refunds and the balance leave; without it the rest stays outstanding',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CycleExternalPart)
  external?: CycleExternalPart;
}

export class TopUpRequest {
  @amount('500.00') @Matches(DECIMAL, { message: 'amount must be a decimal string like "500.00"' }) amount!: string;
  @ApiProperty({ example: 'BANK-REF-2026-1102-77' }) @IsString() @IsNotEmpty() @MaxLength(200) reference!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() collectionAccountId?: string;
}

export class RefundRequest {
  @amount('25.00') @Matches(DECIMAL, { message: 'amount must be a decimal string like "25.00"' }) amount!: string;
  @ApiProperty({ example: '2026-10', description: "the refund's billing cycle: it pays bills of this cycle or later" })
  @Matches(CYCLE, { message: 'billingCycle must look like 2026-10' })
  billingCycle!: string;
  @ApiProperty({ example: 'SLA credit for the October outage' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class CardRequest {
  @amount('200.00') @Matches(DECIMAL, { message: 'amount must be a decimal string like "200.00"' }) amount!: string;
  @ApiProperty({ example: '2026-11', description: 'the only month whose bills the card pays' })
  @Matches(CYCLE, { message: 'validMonth must look like 2026-11' })
  validMonth!: string;
}

export class CouponRequest {
  @amount('10.00') @Matches(DECIMAL, { message: 'amount must be a decimal string like "10.00"' }) amount!: string;
  @ApiProperty({ example: '2026-12', description: 'last billing cycle it may be applied to' })
  @Matches(CYCLE, { message: 'validUntil must look like 2026-12' })
  validUntil!: string;
  @ApiPropertyOptional({ example: 'WELCOME10' }) @IsOptional() @IsString() @MaxLength(50) code?: string;
}

export class ApplyCouponRequest {
  @ApiProperty() @IsUUID() billId!: string;
}

export class RelationshipRequest {
  @ApiProperty() @IsUUID() mainCustomerId!: string;
  @ApiProperty() @IsUUID() memberCustomerId!: string;
}

export class TransferRequest {
  @ApiProperty() @IsUUID() fromCustomerId!: string;
  @ApiProperty() @IsUUID() toCustomerId!: string;
  @amount('100.00') @Matches(DECIMAL, { message: 'amount must be a decimal string like "100.00"' }) amount!: string;
}

export class PaymentInstructionsQuery {
  @ApiPropertyOptional({
    enum: ['en', 'zh'],
    description: "the document's language; defaults to the customer's own language, else English",
  })
  @IsOptional()
  @IsIn(['en', 'zh'])
  lang?: 'en' | 'zh';
}

export class StatementQuery {
  @ApiPropertyOptional({ example: '2026-10-01' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ example: '2026-11-01' }) @IsOptional() @IsCalendarDate() to?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv']) format?: string;
}

const BALANCE_KINDS = ['cash', 'refund', 'stored_value_card', 'bills_paid'];

export class StatementBalanceResponse {
  @ApiProperty({ enum: BALANCE_KINDS }) balance!: string;
  @ApiPropertyOptional({ description: 'stored-value cards only' }) cardId?: string;
  @ApiProperty({ example: 'customer:…:cash:EUR' }) account!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: '0.00' }) openingBalance!: string;
  @ApiProperty({ example: '20.00' }) closingBalance!: string;
}

export class StatementChangeResponse {
  @ApiProperty({ enum: BALANCE_KINDS }) balance!: string;
  @ApiPropertyOptional() cardId?: string;
  @ApiProperty() account!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: '1000.00' }) amount!: string;
  @ApiProperty({ example: '1000.00' }) balanceAfter!: string;
}

export class StatementMovementResponse {
  @ApiProperty() at!: string;
  @ApiProperty({ example: 'remittance_credit' }) kind!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ example: '0.00', description: 'change of the cash balance in the customer currency' }) amount!: string;
  @ApiProperty({ example: '0.00', description: 'the cash balance after the movement' }) runningBalance!: string;
  @ApiProperty() journalEntryId!: string;
  @ApiPropertyOptional({ example: '1000.00', description: 'a receipt: what the customer remitted' }) received?: string;
  @ApiPropertyOptional({ example: '25.00', description: 'bank fees the provider reimbursed' }) feeReimbursed?: string;
  @ApiPropertyOptional({ example: 'EUR' }) currencyReceived?: string;
  @ApiProperty({ type: [StatementChangeResponse] }) changes!: StatementChangeResponse[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'staff only' }) recordedBy?: string | null;
}

export class StatementResponse {
  @ApiProperty() customerId!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ description: 'the cash account' }) account!: string;
  @ApiProperty({ nullable: true, type: String }) from!: string | null;
  @ApiProperty({ nullable: true, type: String }) to!: string | null;
  @ApiProperty({ example: '0.00', description: 'cash, at the start of the range' }) openingBalance!: string;
  @ApiProperty({ example: '20.00', description: 'cash, at the end of the range' }) closingBalance!: string;
  @ApiProperty({ type: [StatementBalanceResponse] }) balances!: StatementBalanceResponse[];
  @ApiProperty({ type: [StatementMovementResponse] }) movements!: StatementMovementResponse[];
}
