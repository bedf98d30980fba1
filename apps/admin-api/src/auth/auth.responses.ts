import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@remitd/access';
import { CUSTOMER_LOCALES } from '@remitd/customers';

/** the signed-in person (or a user in GET /users): never the password hash or the TOTP secret */
export class SessionUserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ada@example.com', description: 'lower-cased' }) email!: string;
  @ApiProperty({ example: 'Ada Lovelace' }) name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'members: their customer' })
  customerId!: string | null;
  @ApiProperty({ description: 'admins: may manage unified settlement tasks (seed 001)' }) unifiedSettlement!: boolean;
  @ApiProperty() totpEnabled!: boolean;
  @ApiProperty({
    description: 'staff without TOTP while REMITD_STAFF_TOTP_REQUIRED is on: only /auth/* until enrolled',
  })
  totpEnrolmentRequired!: boolean;
  @ApiProperty({ description: 'false for a user who signs in by link or SSO only' }) passwordSet!: boolean;
}

export class SessionUserWithLocaleResponse extends SessionUserResponse {
  @ApiProperty({
    nullable: true,
    type: String,
    enum: CUSTOMER_LOCALES,
    description: "members: their customer's language (the console starts in it); null for staff",
  })
  customerLocale!: string | null;
}

export class SessionResponse {
  @ApiProperty({ type: SessionUserWithLocaleResponse }) user!: SessionUserWithLocaleResponse;
  @ApiProperty({ description: 'send as X-CSRF-Token on every POST, PUT, PATCH and DELETE made with the cookie' })
  csrfToken!: string;
}

export class AuthConfigResponse {
  @ApiProperty({ description: 'single sign-on (OpenID Connect) is configured' }) sso!: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'Sign in with Acme SSO' }) ssoLabel!: string | null;
}

export class TotpEnrolmentResponse {
  @ApiProperty({ example: 'JBSWY3DPEHPK3PXP', description: 'base32; shown once' }) secret!: string;
  @ApiProperty({ example: 'otpauth://totp/remitd:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=remitd' })
  otpauthUri!: string;
}
