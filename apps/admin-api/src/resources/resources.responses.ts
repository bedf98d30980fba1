import { ApiProperty } from '@nestjs/swagger';
import {
  ALERT_CHANNELS,
  BILLING_MODES,
  CONTACT_ROLES,
  MESSAGE_TYPES,
  RESOURCE_STATUSES,
  WEBHOOK_STATUSES,
} from './resources.dto';

export class ResourceResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty() externalId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: BILLING_MODES }) billingMode!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: Date | null;
  @ApiProperty() autoRenew!: boolean;
  @ApiProperty({ type: String, nullable: true, example: '30.00' }) renewalPrice!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0.12' }) hourlyPrice!: string | null;
  @ApiProperty({ enum: RESOURCE_STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) statusChangedAt!: Date;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'isolated: when it is released unless renewed first; stopped: when it is terminated unless the balance is topped up above 0 first (seed 003)',
  })
  releaseAt!: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class ReportedResourceResponse extends ResourceResponse {
  @ApiProperty({ description: 'false: the platform reported it before; its settings were updated' }) created!: boolean;
}

export class RenewedResourceResponse extends ResourceResponse {
  @ApiProperty({ description: 'it was isolated and is active again (a resource.restored webhook is on its way)' })
  restored!: boolean;
}

export class ContactResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CONTACT_ROLES }) role!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class ContactListResponse {
  @ApiProperty({ type: [ContactResponse] }) items!: ContactResponse[];
}

export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() attempt!: number;
  @ApiProperty() url!: string;
  @ApiProperty({ type: Number, nullable: true }) statusCode!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ format: 'date-time' }) attemptedAt!: Date;
}

export class WebhookEventResponse {
  @ApiProperty({ format: 'uuid', description: 'also the Remitd-Event-Id header: the receiver dedupes on it' })
  id!: string;
  @ApiProperty({ example: 'resource.isolated' }) type!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) resourceId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) customerId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the body posted, exactly' })
  payload!: Record<string, unknown>;
  @ApiProperty({ enum: WEBHOOK_STATUSES }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class WebhookEventDetailResponse extends WebhookEventResponse {
  @ApiProperty({ type: [WebhookDeliveryResponse], description: 'the delivery log, one row per attempt' })
  deliveries!: WebhookDeliveryResponse[];
}

export class BalanceAlertResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: '50.00' }) threshold!: string;
  @ApiProperty({ type: [String], format: 'uuid', description: "empty: the customer's own e-mail" })
  contactIds!: string[];
  @ApiProperty({ enum: ALERT_CHANNELS, isArray: true }) channels!: string[];
  @ApiProperty({ description: 'false once fired, until the balance is back at or above the threshold' })
  armed!: boolean;
  @ApiProperty({ description: 'how many downward crossings it told' }) crossings!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastFiredAt!: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class BalanceAlertListResponse {
  @ApiProperty({ type: [BalanceAlertResponse] }) items!: BalanceAlertResponse[];
}

export class MessageSubscriptionResponse {
  @ApiProperty({ enum: MESSAGE_TYPES }) messageType!: string;
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ enum: ALERT_CHANNELS, isArray: true }) channels!: string[];
}

export class MessageSubscriptionListResponse {
  @ApiProperty({ type: [MessageSubscriptionResponse] }) items!: MessageSubscriptionResponse[];
}
