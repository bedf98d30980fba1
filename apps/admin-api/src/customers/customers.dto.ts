import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQuery } from '../http/pagination';

const DECIMAL = /^\d+(\.\d+)?$/;

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

  @ApiPropertyOptional({ default: true, description: 'automatic write-off (auto bill settlement)' })
  @IsOptional()
  @IsBoolean()
  autoWriteOff?: boolean;

  @ApiPropertyOptional({ default: true, description: 'may the last bill in an oldest-first settlement be partly paid' })
  @IsOptional()
  @IsBoolean()
  partialLastBill?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  writeOffPastBills?: boolean;
}

export class UpdateCustomerRequest {
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
  @ApiPropertyOptional() @IsOptional() @IsBoolean() autoWriteOff?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() partialLastBill?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() writeOffPastBills?: boolean;
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
  @ApiProperty({ example: '5120.00', description: 'cash balance + credit limit − frozen amount' })
  availableCredit!: string;
  @ApiProperty() autoWriteOff!: boolean;
  @ApiProperty() partialLastBill!: boolean;
  @ApiProperty() writeOffPastBills!: boolean;
  @ApiProperty() createdAt!: string;
}
