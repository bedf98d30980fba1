import { ApiProperty } from '@nestjs/swagger';
import { SessionUserResponse } from '../auth/auth.responses';

export class UserResponse extends SessionUserResponse {
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'locked after too many failed sign-ins until then; null when not locked',
  })
  lockedUntil!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SignInLinkResponse {
  @ApiProperty({ example: 'http://127.0.0.1:3000/auth/link/4bX…', description: 'signs the user in once; shown once' })
  url!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: Date;
}
