import { ApiProperty } from '@nestjs/swagger';

export class CollectionAccountResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Main EUR collection account' }) name!: string;
  @ApiProperty({ nullable: true, type: String, example: 'DE89370400440532013000' }) iban!: string | null;
  @ApiProperty({ example: '0532013000' }) accountNumber!: string;
  @ApiProperty({ nullable: true, type: String, example: 'COBADEFFXXX' }) bic!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '021000021', description: 'US ABA routing number, for ACH' })
  routingNumber!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the legal name customers write as beneficiary' })
  accountHolderName!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Commerzbank AG' }) bankName!: string | null;
  @ApiProperty({ type: [String], example: ['EUR', 'USD'] }) currencies!: string[];
  @ApiProperty({ example: '12', description: 'virtual account numbers handed out so far (decimal string)' })
  virtualAccountsAllocated!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the billing entity that owns it' })
  billingEntityId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}
