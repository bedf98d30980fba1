import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';

const DECIMAL = /^\d+(\.\d+)?$/;

export class LinkPaymentMethodRequest {
  @ApiProperty({ description: "the token the gateway's own page gave the customer (never a card number)" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;
  @ApiPropertyOptional({ description: 'make it the default (the first method linked always is)' })
  @IsOptional()
  @IsBoolean()
  makeDefault?: boolean;
}

export class PaygSettingsRequest {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '50.00',
    description: "the account's PayPal deduction threshold (USD 8 to 500; null: the range's top)",
  })
  @ValidateIf((_, v) => v !== null)
  @Matches(DECIMAL, { message: 'paypalThreshold must be a decimal string like "50.00"' })
  paypalThreshold!: string | null;
}

export class PaygActivationRequest {
  @ApiProperty({ example: 'Object storage (pay-as-you-go)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  product!: string;
}

export class GatewayPaymentRequest {
  @ApiPropertyOptional({ description: 'default: the last method used, else the default method' })
  @IsOptional()
  @IsUUID()
  paymentMethodId?: string;
  @ApiPropertyOptional({ example: '120.00', description: 'default: the outstanding amount' })
  @IsOptional()
  @Matches(DECIMAL, { message: 'amount must be a decimal string like "120.00"' })
  amount?: string;
  @ApiPropertyOptional({ description: 'pay even though an earlier payment of the bill is still pending' })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export class MonthEndRequest {
  @ApiProperty({ example: '2026-10' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'billingCycle must look like 2026-10' })
  billingCycle!: string;
}
