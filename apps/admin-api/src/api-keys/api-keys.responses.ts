import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@remitd/access';

export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'rmd_3fA9', description: 'the first characters of the key, to tell keys apart' })
  keyPrefix!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty() unifiedSettlement!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) customerId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt!: Date | null;
}

export class CreatedApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) customerId!: string | null;
  @ApiProperty() unifiedSettlement!: boolean;
  @ApiProperty({ description: 'the key itself: shown only in this answer, stored only as a hash' }) key!: string;
}

export class RevokedApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'false when it was already revoked' }) revoked!: boolean;
}
