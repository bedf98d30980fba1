import { ApiProperty } from '@nestjs/swagger';

export class AuditEntryResponse {
  @ApiProperty({ example: '1042', description: 'sequence number (decimal string)' }) id!: string;
  @ApiProperty({ description: 'API key id, or system:…' }) actor!: string;
  @ApiProperty({ example: 'remittance.assign' }) action!: string;
  @ApiProperty({ example: 'remittance' }) entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'what changed, with the actor role and name',
  })
  payload!: unknown;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}
