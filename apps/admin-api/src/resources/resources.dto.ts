import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MESSAGE_TYPES } from '@remitd/arrears';
import { PageQuery } from '../http/pagination';

const DECIMAL = /^\d+(\.\d+)?$/;
export const BILLING_MODES = ['monthly', 'hourly'] as const;
export const RESOURCE_STATUSES = ['active', 'isolated', 'released', 'stopped', 'terminated'] as const;
export const CONTACT_ROLES = [
  'creator',
  'global_resource_collaborator',
  'financial_collaborator',
  'collaborator',
  'sub_account',
] as const;
export const WEBHOOK_STATUSES = ['pending', 'delivered', 'failed'] as const;

export class ReportResourceRequest {
  @ApiProperty({ description: "the platform's id of the instance (unique)", example: 'ckafka-7f3a' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  externalId!: string;
  @ApiProperty({ example: 'CKafka production' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
  @ApiProperty({ enum: BILLING_MODES })
  @IsIn(BILLING_MODES)
  billingMode!: (typeof BILLING_MODES)[number];
  @ApiPropertyOptional({ example: 'USD', description: "default: the customer's currency" })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code like "USD"' })
  currency?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'monthly: the end of the current period' })
  @ValidateIf((o: ReportResourceRequest) => o.billingMode === 'monthly' || o.expiresAt !== undefined)
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO 8601 date-time' })
  expiresAt?: string;
  @ApiPropertyOptional({ description: 'monthly: renew from the balance on the expiry date' })
  @IsOptional()
  @IsBoolean()
  autoRenew?: boolean;
  @ApiPropertyOptional({ example: '30.00', description: 'monthly: the price of one more month' })
  @ValidateIf((o: ReportResourceRequest) => o.billingMode === 'monthly' || o.renewalPrice !== undefined)
  @Matches(DECIMAL, { message: 'renewalPrice must be a decimal string like "30.00"' })
  renewalPrice?: string;
  @ApiPropertyOptional({ example: '0.12', description: 'pay-per-hour: the fee of each full hour' })
  @ValidateIf((o: ReportResourceRequest) => o.billingMode === 'hourly' || o.hourlyPrice !== undefined)
  @Matches(DECIMAL, { message: 'hourlyPrice must be a decimal string like "0.12"' })
  hourlyPrice?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'pay-per-hour: when billing starts (default: now); fees are deducted at each full hour after it',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'billingStartsAt must be an ISO 8601 date-time' })
  billingStartsAt?: string;
}

export class ResourcesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;
  @ApiPropertyOptional({ enum: RESOURCE_STATUSES })
  @IsOptional()
  @IsIn(RESOURCE_STATUSES)
  status?: string;
}

export class AddContactRequest {
  @ApiProperty({ example: 'Ana Lim' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
  @ApiProperty({ enum: CONTACT_ROLES })
  @IsIn(CONTACT_ROLES)
  role!: (typeof CONTACT_ROLES)[number];
  @ApiPropertyOptional({ type: String, nullable: true, example: 'ana@example.com' })
  @IsOptional()
  @Matches(/^[^\s@]+@[^\s@]+$/, { message: 'email must be an e-mail address' })
  email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '+6591234567', description: 'E.164, for SMS' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  phone?: string | null;
}

export class WebhookEventsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: WEBHOOK_STATUSES })
  @IsOptional()
  @IsIn(WEBHOOK_STATUSES)
  status?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  resourceId?: string;
  @ApiPropertyOptional({ example: 'resource.isolated' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  type?: string;
}

export const ALERT_CHANNELS = ['email', 'sms'] as const;

export class SetBalanceAlertRequest {
  @ApiProperty({ example: '50.00', description: 'alert when the balance falls below this' })
  @Matches(DECIMAL, { message: 'threshold must be a decimal string like "50.00"' })
  threshold!: string;
  @ApiPropertyOptional({ example: 'USD', description: "default: the customer's currency" })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code like "USD"' })
  currency?: string;
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: "the contacts who get it (GET /customers/{id}/contacts); default: the customer's own e-mail",
  })
  @IsOptional()
  @IsUUID('all', { each: true })
  contactIds?: string[];
  @ApiPropertyOptional({ enum: ALERT_CHANNELS, isArray: true, description: 'default: email' })
  @IsOptional()
  @IsIn(ALERT_CHANNELS, { each: true })
  channels?: (typeof ALERT_CHANNELS)[number][];
}

export { MESSAGE_TYPES };

export class SubscriptionRecipient {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  contactId!: string;
  @ApiProperty({ enum: ALERT_CHANNELS, isArray: true })
  @IsArray()
  @IsIn(ALERT_CHANNELS, { each: true })
  channels!: (typeof ALERT_CHANNELS)[number][];
}

export class SetSubscriptionsRequest {
  @ApiProperty({
    type: [SubscriptionRecipient],
    description: "who gets this message type on which channels; [] goes back to the seed's roles",
  })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SubscriptionRecipient)
  recipients!: SubscriptionRecipient[];
}
