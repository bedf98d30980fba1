import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiFoundResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { RemitdConfig } from '@remitd/config';
import { CustomerRepository } from '@remitd/customers';
import {
  ChangePasswordUseCase,
  OidcSignInUseCase,
  SessionsService,
  SignInUseCase,
  TotpEnrolmentUseCase,
  UsersService,
  userView,
  type SessionWithUser,
  type UserRow,
} from '@remitd/identity';
import type { Request, Response } from 'express';
import { CurrentSession, Public, readCookie, SignedIn } from '../http/auth';
import { REMITD_CONFIG } from '../http/config.token';
import { ApiErrors } from '../http/openapi';
import { AuthConfigResponse, SessionResponse, TotpEnrolmentResponse } from './auth.responses';
import {
  clearSessionCookie,
  clientInfo,
  setSessionCookie,
  setSsoStateCookie,
  SSO_STATE_COOKIE,
} from './session-cookie';

export class SignInRequest {
  @ApiProperty({ example: 'ada@example.com' }) @IsString() @IsNotEmpty() @MaxLength(320) email!: string;
  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  password!: string;
  @ApiPropertyOptional({ example: '123456', description: 'the authenticator app’s code, for users with TOTP' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  totp?: string;
}

export class ChangePasswordRequest {
  @ApiPropertyOptional({ description: 'required when a password is set' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  currentPassword?: string;
  @ApiProperty({ minLength: 12, example: 'a long passphrase of yours' })
  @IsString()
  @MaxLength(1000)
  newPassword!: string;
}

export class TotpConfirmRequest {
  @ApiProperty({ example: '123456' }) @IsString() @MaxLength(10) code!: string;
}

const DEFAULT_CONSOLE = '/console/';

@ApiTags('sign-in')
@ApiErrors()
@Controller('auth')
export class AuthController {
  private readonly publicUrl: string;

  constructor(
    private readonly signIns: SignInUseCase,
    private readonly sessions: SessionsService,
    private readonly passwords: ChangePasswordUseCase,
    private readonly totp: TotpEnrolmentUseCase,
    private readonly users: UsersService,
    private readonly oidc: OidcSignInUseCase,
    private readonly customers: CustomerRepository,
    @Inject(REMITD_CONFIG) private readonly config: RemitdConfig,
  ) {
    this.publicUrl = config.identity.publicUrl;
  }

  @Get('config')
  @Public()
  @ApiOperation({ summary: 'What the sign-in page offers (no sign-in needed)' })
  @ApiOkResponse({ type: AuthConfigResponse })
  authConfig(): AuthConfigResponse {
    return { sso: this.oidc.enabled, ssoLabel: this.oidc.label };
  }

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with e-mail and password (and TOTP code): sets the httpOnly session cookie',
    description:
      '401 SIGN_IN_FAILED for an unknown e-mail or a wrong password alike; 401 TOTP_REQUIRED / TOTP_INVALID; 403 ACCOUNT_LOCKED after too many failures.',
  })
  @ApiOkResponse({ type: SessionResponse })
  async signIn(
    @Body() body: SignInRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const { user, session } = await this.signIns.execute({ ...body, client: clientInfo(req) });
    setSessionCookie(req, res, session, this.publicUrl);
    return await this.answer(user, session.csrfToken);
  }

  @Get('session')
  @SignedIn()
  @ApiOperation({ summary: 'Who is signed in, and the CSRF token of this session' })
  @ApiOkResponse({ type: SessionResponse })
  session(@CurrentSession() session: SessionWithUser): Promise<SessionResponse> {
    return this.answer(session.user, session.csrfToken);
  }

  @Post('sign-out')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out of this session' })
  @ApiNoContentResponse({ description: 'signed out; the cookie is cleared' })
  async signOut(
    @CurrentSession() session: SessionWithUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.sessions.signOut(session);
    clearSessionCookie(req, res, this.publicUrl);
  }

  @Post('sign-out-everywhere')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out of every session of this user, this one included' })
  @ApiNoContentResponse({ description: 'every session ended; the cookie is cleared' })
  async signOutEverywhere(
    @CurrentSession() session: SessionWithUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.sessions.signOutEverywhere(session);
    clearSessionCookie(req, res, this.publicUrl);
  }

  @Post('password')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set or change the password (≥ 12 characters); other sessions of the user end',
  })
  @ApiNoContentResponse({ description: 'changed' })
  async changePassword(@CurrentSession() session: SessionWithUser, @Body() body: ChangePasswordRequest): Promise<void> {
    await this.passwords.execute(session, body);
  }

  @Post('totp/enrol')
  @SignedIn()
  @ApiOperation({ summary: 'Start two-factor set-up: a new TOTP secret for the authenticator app (shown once)' })
  @ApiCreatedResponse({ type: TotpEnrolmentResponse })
  enrolTotp(@CurrentSession() session: SessionWithUser): Promise<TotpEnrolmentResponse> {
    return this.totp.enrol(session);
  }

  @Post('totp/confirm')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'Finish two-factor set-up with a code from the app; sign-in asks for codes from now on' })
  @ApiNoContentResponse({ description: 'enabled' })
  async confirmTotp(@CurrentSession() session: SessionWithUser, @Body() body: TotpConfirmRequest): Promise<void> {
    await this.totp.confirm(session, body.code);
  }

  @Get('sso/start')
  @Public()
  @ApiOperation({ summary: 'Staff single sign-on: redirects to the identity provider (code flow, PKCE)' })
  @ApiQuery({ name: 'returnTo', required: false, description: 'a path on this server; default /console/' })
  @ApiFoundResponse({ description: 'to the identity provider' })
  async ssoStart(
    @Query('returnTo') returnTo: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { url, state } = await this.oidc.start(typeof returnTo === 'string' ? returnTo : undefined);
    setSsoStateCookie(req, res, state, this.publicUrl);
    res.redirect(302, url);
  }

  @Get('sso/callback')
  @Public()
  @ApiOperation({ summary: 'Where the identity provider sends the browser back: sets the session cookie' })
  @ApiFoundResponse({ description: 'signed in; to returnTo (default /console/)' })
  async ssoCallback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
    const signedIn = await this.oidc.callback(query, readCookie(req, SSO_STATE_COOKIE), clientInfo(req));
    setSsoStateCookie(req, res, null, this.publicUrl);
    setSessionCookie(req, res, signedIn.session, this.publicUrl);
    res.redirect(302, signedIn.returnTo);
  }

  @Get('link/:token')
  @Public()
  @ApiOperation({ summary: 'A one-time sign-in link (24 h, once): sets the session cookie' })
  @ApiFoundResponse({ description: 'signed in; to /console/' })
  async signInWithLink(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { session } = await this.users.signInWithLink(token, clientInfo(req));
    setSessionCookie(req, res, session, this.publicUrl);
    res.redirect(302, DEFAULT_CONSOLE);
  }

  /** a member's session carries its customer's language, so the console can start in it (issue 17) */
  private async answer(user: UserRow, csrfToken: string): Promise<SessionResponse> {
    const { lockedUntil: _locked, createdAt: _created, ...view } = userView(user, this.config.identity);
    const customer = user.customerId ? await this.customers.findById(user.customerId) : null;
    return { user: { ...view, customerLocale: customer?.locale ?? null }, csrfToken };
  }
}
