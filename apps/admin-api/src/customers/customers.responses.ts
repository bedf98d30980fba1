import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApprovalRequestResponse } from '../approvals/approvals.responses';
import { CustomerResponse } from './customers.dto';

export class CreatedCustomerResponse extends CustomerResponse {
  @ApiPropertyOptional({
    type: ApprovalRequestResponse,
    description: "present when the requested credit limit is above the caller's cap: the limit waits for a checker",
  })
  approvalRequest?: ApprovalRequestResponse;
}

export class VirtualAccountResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: 'DE44370400440532013117', description: 'the number to pay into (IBAN or account number)' })
  number!: string;
  @ApiProperty({ nullable: true, type: String, description: 'the number, when it is an IBAN' }) iban!: string | null;
  @ApiProperty({ example: 'DE44 3704 0044 0532 0131 17', description: 'the number as people read it' })
  display!: string;
  @ApiProperty({ nullable: true, type: String, example: 'COBADEFFXXX' }) bic!: string | null;
  @ApiProperty({ format: 'uuid' }) collectionAccountId!: string;
  @ApiProperty() collectionAccountName!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "the beneficiary's name to write on a transfer (the listing fills in the provider's when none is set)",
  })
  accountHolderName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the bank holding the account' })
  bankName!: string | null;
  @ApiProperty({ enum: ['active', 'closed'] }) status!: string;
  @ApiProperty({ type: String, nullable: true, description: 'US ABA routing number, for ACH' })
  routingNumber!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty({ description: 'false when the customer already had one in the currency (returned as it is)' })
  created!: boolean;
}

export class ReissuedVirtualAccountResponse extends VirtualAccountResponse {
  @ApiProperty({ type: VirtualAccountResponse, description: 'the closed account it replaces' })
  replaces!: VirtualAccountResponse;
}
