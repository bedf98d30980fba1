import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { validationError } from '@remitd/core';
import { CUSTOMER_LOCALES } from '@remitd/customers';
import { applyDecorators } from '@nestjs/common';
import { PageQuery } from '../http/pagination';

const DECIMAL = /^\d+(\.\d+)?$/;

/** issue 17: the language of the customer's console and e-mails */
const LocaleProperty = (required = false) =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({
      enum: CUSTOMER_LOCALES,
      ...(required ? {} : { default: 'en' }),
      description: "the language of the customer's console and e-mails: en (English) or zh (Simplified Chinese)",
    }),
    ...(required ? [] : [IsOptional()]),
    IsIn(CUSTOMER_LOCALES),
  );

export class CreateCustomerRequest {
  @ApiProperty({ example: 'ACME Cloud Ltd' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'billing@acme.example' })
  @IsEmail()
  email!: string;

  @ApiProperty({ example: 'USD', description: 'ISO 4217; the billing currency' })
  @IsString()
  @Length(3, 3)
  currency!: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  creditControl?: boolean;

  @ApiPropertyOptional({ example: '5000.00', description: 'decimal string in the customer currency' })
  @IsOptional()
  @Matches(DECIMAL, { message: 'creditLimit must be a non-negative decimal string like "5000.00"' })
  creditLimit?: string;

  @ApiPropertyOptional({ example: '0.00' })
  @IsOptional()
  @Matches(DECIMAL, { message: 'frozenAmount must be a non-negative decimal string like "100.00"' })
  frozenAmount?: string;

  @ApiPropertyOptional({
    default: true,
    description: 'automatic bill settlement: issued bills are paid from the balance while credit is available',
  })
  @IsOptional()
  @IsBoolean()
  autoBillSettlement?: boolean;

  @ApiPropertyOptional({ deprecated: true, description: 'old name of autoBillSettlement, still accepted' })
  @IsOptional()
  @IsBoolean()
  autoWriteOff?: boolean;

  @ApiPropertyOptional({ default: true, description: 'may the last bill in an oldest-first settlement be partly paid' })
  @IsOptional()
  @IsBoolean()
  partialLastBill?: boolean;

  @ApiPropertyOptional({ default: false, description: 'refunds may settle bills of earlier cycles' })
  @IsOptional()
  @IsBoolean()
  settlePastBillsWithRefunds?: boolean;

  @ApiPropertyOptional({ deprecated: true, description: 'old name of settlePastBillsWithRefunds, still accepted' })
  @IsOptional()
  @IsBoolean()
  writeOffPastBills?: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "the provider's entity the customer contracts with; defaults to the only one when exactly one exists",
  })
  @IsOptional()
  @IsUUID()
  billingEntityId?: string;

  @ApiPropertyOptional({ enum: ['monthly', 'quarterly'], default: 'monthly' })
  @IsOptional()
  @IsIn(['monthly', 'quarterly'])
  settlementCycle?: string;

  @ApiPropertyOptional({ default: 15, minimum: 0, maximum: 366, description: 'payment period: N days after the cycle' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  paymentPeriodDays?: number;

  @ApiPropertyOptional({ enum: ['calendar', 'business'], default: 'calendar' })
  @IsOptional()
  @IsIn(['calendar', 'business'])
  paymentPeriodKind?: string;

  @LocaleProperty()
  locale?: string;
}

/** issue 17: staff, or the customer's own members */
export class SetCustomerLocaleRequest {
  @LocaleProperty(true)
  locale!: string;
}

/** seed 000: the payment term = settlement cycle + payment period (N calendar or business days). */
export class PaymentTermsRequest {
  @ApiProperty({ enum: ['monthly', 'quarterly'], description: 'one bill per month, or per calendar quarter' })
  @IsIn(['monthly', 'quarterly'])
  settlementCycle!: string;

  @ApiProperty({ example: 30, minimum: 0, maximum: 366, description: 'days after the end of the settlement cycle' })
  @IsInt()
  @Min(0)
  @Max(366)
  paymentPeriodDays!: number;

  @ApiProperty({
    enum: ['calendar', 'business'],
    description: "business days skip weekends and the billing entity's holidays",
  })
  @IsIn(['calendar', 'business'])
  paymentPeriodKind!: string;
}

export class PaymentTermsResponse {
  @ApiProperty({ enum: ['monthly', 'quarterly'] }) settlementCycle!: string;
  @ApiProperty({ example: 15 }) paymentPeriodDays!: number;
  @ApiProperty({ enum: ['calendar', 'business'] }) paymentPeriodKind!: string;
}

/**
 * The account settings a customer's own users may change (the seeds' Funding Account > Account
 * Settings); credit control, limits and terms stay with staff.
 */
export class CustomerSettingsRequest {
  @ApiPropertyOptional({ description: 'automatic bill settlement' })
  @IsOptional()
  @IsBoolean()
  autoBillSettlement?: boolean;
  @ApiPropertyOptional({
    description:
      'refunds may settle bills of earlier cycles ("write off past bills"): customers on credit control only',
  })
  @IsOptional()
  @IsBoolean()
  settlePastBillsWithRefunds?: boolean;
  @ApiPropertyOptional({ deprecated: true, description: 'old name of settlePastBillsWithRefunds, still accepted' })
  @IsOptional()
  @IsBoolean()
  writeOffPastBills?: boolean;
}

export class UpdateCustomerRequest extends CustomerSettingsRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() creditControl?: boolean;
  @ApiPropertyOptional({ example: '5000.00' })
  @IsOptional()
  @Matches(DECIMAL, { message: 'creditLimit must be a non-negative decimal string like "5000.00"' })
  creditLimit?: string;
  @ApiPropertyOptional({ example: '0.00' })
  @IsOptional()
  @Matches(DECIMAL, { message: 'frozenAmount must be a non-negative decimal string like "100.00"' })
  frozenAmount?: string;
  @ApiPropertyOptional({ deprecated: true, description: 'old name of autoBillSettlement, still accepted' })
  @IsOptional()
  @IsBoolean()
  autoWriteOff?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() partialLastBill?: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: "the provider's entity the customer contracts with" })
  @IsOptional()
  @IsUUID()
  billingEntityId?: string;
  @LocaleProperty()
  locale?: string;
}

export class ListCustomersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'name (contains), exact reference or e-mail' })
  @IsOptional()
  @IsString()
  search?: string;
}

export class AllocateVirtualAccountRequest {
  @ApiPropertyOptional({ example: 'USD', description: 'defaults to the customer currency' })
  @IsOptional()
  @IsString()
  @Length(3, 3)
  currency?: string;

  @ApiPropertyOptional({
    description:
      'the collection account to allocate under; required when more than one collection account holds the currency',
  })
  @IsOptional()
  @IsUUID()
  collectionAccountId?: string;
}

export class ReissueVirtualAccountRequest {
  @ApiProperty({ description: 'the collection account the new virtual account is allocated under' })
  @IsUUID()
  collectionAccountId!: string;
}

export class CustomerBalanceResponse {
  @ApiProperty({ enum: ['cash', 'refund', 'stored_value_card', 'bills_paid'] })
  balance!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: '120.00' }) amount!: string;
  @ApiPropertyOptional({ description: 'stored-value cards only' }) cardId?: string;
  @ApiPropertyOptional({ example: '2026-05', description: 'stored-value cards only: the month whose bills it pays' })
  validMonth?: string;
}

export class AvailableCreditPartsResponse {
  @ApiProperty({ example: 'cashBalance + creditLimit - frozenAmount' }) formula!: string;
  @ApiProperty({ example: '120.00' }) cashBalance!: string;
  @ApiProperty({ example: '5000.00' }) creditLimit!: string;
  @ApiProperty({ example: '0.00' }) frozenAmount!: string;
  @ApiProperty({ example: '5120.00' }) availableCredit!: string;
}

export class CustomerResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'RC7K2M9Q4T' }) reference!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty() creditControl!: boolean;
  @ApiProperty({ example: '5000.00' }) creditLimit!: string;
  @ApiProperty({ example: '0.00' }) frozenAmount!: string;
  @ApiProperty({ example: '120.00' }) cashBalance!: string;
  @ApiProperty({ example: '0.00', description: 'credit-control refunds not yet used' }) refundBalance!: string;
  @ApiProperty({ example: '0.00', description: 'left on stored-value cards, all months' })
  storedValueCardBalance!: string;
  @ApiProperty({ example: '350.00', description: "everything the customer's bills have been paid with" })
  billsPaid!: string;
  @ApiProperty({ example: '5120.00', description: 'cash balance + credit limit − frozen amount' })
  availableCredit!: string;
  @ApiProperty({ type: AvailableCreditPartsResponse }) availableCreditParts!: AvailableCreditPartsResponse;
  @ApiProperty({ type: [CustomerBalanceResponse], description: 'every balance the customer holds, each card apart' })
  balances!: CustomerBalanceResponse[];
  @ApiProperty({ description: 'automatic bill settlement (called "automatic write-off" in the billing docs)' })
  autoBillSettlement!: boolean;
  @ApiProperty({ description: 'refunds may settle bills of earlier cycles (the billing docs: "write off past bills")' })
  settlePastBillsWithRefunds!: boolean;
  @ApiProperty({ deprecated: true, description: 'use autoBillSettlement' }) autoWriteOff!: boolean;
  @ApiProperty() partialLastBill!: boolean;
  @ApiProperty({ deprecated: true, description: 'use settlePastBillsWithRefunds' }) writeOffPastBills!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: "the provider's entity the customer contracts with (null for customers from before entities)",
  })
  billingEntityId!: string | null;
  @ApiProperty({
    type: PaymentTermsResponse,
    description: 'the due date of every bill issued from now on comes from these',
  })
  paymentTerms!: PaymentTermsResponse;
  @ApiProperty({ enum: CUSTOMER_LOCALES, description: "the language of the customer's console and e-mails" })
  locale!: string;
  @ApiProperty() createdAt!: string;
}

/**
 * The API's names for the automatic bill settlement flags (issue 12 item 8), with the old
 * "write-off" names still accepted: the same flag twice with different values is a 400 on it.
 */
export function billSettlementFlags(body: {
  autoBillSettlement?: boolean;
  autoWriteOff?: boolean;
  settlePastBillsWithRefunds?: boolean;
  writeOffPastBills?: boolean;
}): { autoWriteOff?: boolean; writeOffPastBills?: boolean } {
  const pick = (name: string, value?: boolean, alias?: boolean) => {
    if (value !== undefined && alias !== undefined && value !== alias) {
      throw validationError('CONFLICTING_FIELDS', `${name}: differs from its deprecated alias`, name);
    }
    return value ?? alias;
  };
  return {
    autoWriteOff: pick('autoBillSettlement', body.autoBillSettlement, body.autoWriteOff),
    writeOffPastBills: pick('settlePastBillsWithRefunds', body.settlePastBillsWithRefunds, body.writeOffPastBills),
  };
}
