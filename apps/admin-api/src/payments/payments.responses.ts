import { ApiProperty } from '@nestjs/swagger';

export class PaymentMethodResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ enum: ['card', 'paypal'] }) kind!: string;
  @ApiProperty({ example: 'visa' }) brand!: string;
  @ApiProperty({ type: String, nullable: true, example: '4242' }) last4!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '12/28' }) expiry!: string | null;
  @ApiProperty() isDefault!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class PaymentMethodListResponse {
  @ApiProperty({ type: [PaymentMethodResponse] }) items!: PaymentMethodResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'the linked method last used to pay a bill (a gateway payment without one uses it); null: none yet',
  })
  lastUsedMethodId!: string | null;
}

export class RemovedPaymentMethodResponse {
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'the method that became the default' })
  newDefaultId!: string | null;
}

class DefaultMethodSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['card', 'paypal'] }) kind!: string;
  @ApiProperty() brand!: string;
  @ApiProperty({ type: String, nullable: true }) last4!: string | null;
}

class PaypalRange {
  @ApiProperty({ example: '8.00' }) min!: string;
  @ApiProperty({ example: '500.00' }) max!: string;
}

class UnpaidAmount {
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: '120.00' }) amount!: string;
}

export class PaygAccountResponse {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty() creditControl!: boolean;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ type: DefaultMethodSummary, nullable: true }) defaultMethod!: DefaultMethodSummary | null;
  @ApiProperty({ type: String, nullable: true, example: '50.00' }) paypalThreshold!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'what triggers a deduction now (null: month end only)' })
  effectiveThreshold!: string | null;
  @ApiProperty({ type: PaypalRange, nullable: true }) paypalRange!: PaypalRange | null;
  @ApiProperty({ type: [UnpaidAmount] }) unpaid!: UnpaidAmount[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) preauthorizedAt!: Date | null;
  @ApiProperty({ description: 'automatic deduction failed after every retry' }) inArrears!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) arrearsSince!: Date | null;
}

export class PaygActivationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty() product!: string;
  @ApiProperty({ description: 'a PayPal pre-authorization was made (and voided) for it' }) preauthorized!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class GatewayPaymentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) billId!: string | null;
  @ApiProperty({ format: 'uuid' }) paymentMethodId!: string;
  @ApiProperty({ enum: ['card', 'paypal'] }) channel!: string;
  @ApiProperty({ enum: ['payg_threshold', 'payg_month_end', 'bill'] }) purpose!: string;
  @ApiProperty({ example: '120.00' }) amount!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({
    enum: ['pending', 'retry_scheduled', 'succeeded', 'failed'],
    description: 'pending: the result is not known yet; do not pay the bill again meanwhile',
  })
  status!: string;
  @ApiProperty() attempt!: number;
  @ApiProperty({ type: String, nullable: true }) gatewayChargeId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAttemptAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) journalEntryId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: Date | null;
}

export class GatewayPaymentListResponse {
  @ApiProperty({ type: [GatewayPaymentResponse] }) items!: GatewayPaymentResponse[];
}

export class DeductionRunResponse {
  @ApiProperty() charged!: number;
  @ApiProperty() succeeded!: number;
  @ApiProperty() declined!: number;
  @ApiProperty({ description: 'outcome unknown: pending until the key query or the webhook' }) pending!: number;
}

export class WebhookReceivedResponse {
  @ApiProperty() received!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) paymentId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['pending', 'retry_scheduled', 'succeeded', 'failed'],
    description: "the payment's status after the event (null: no payment holds the charge's key)",
  })
  status!: string | null;
}
