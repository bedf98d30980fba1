import { ApiProperty } from '@nestjs/swagger';

export class HealthResponse {
  @ApiProperty({ enum: ['ok'] }) status!: string;
  @ApiProperty({ example: 'admin-api' }) service!: string;
  @ApiProperty({ enum: ['ok'] }) database!: string;
}
