import { DynamicModule, Module } from '@nestjs/common';
import type { IdentityConfig } from '@remitd/config';
import { ChangePasswordUseCase } from './change-password.usecase';
import { IdentityClock } from './identity.clock';
import { IDENTITY_CONFIG } from './identity.config';
import { OidcLoginRepository } from './oidc-login.repository';
import { OidcSignInUseCase } from './oidc-sign-in.usecase';
import { PasswordHasher } from './passwords';
import { SessionRepository } from './session.repository';
import { SessionsService } from './sessions.service';
import { SignInLinkRepository } from './sign-in-link.repository';
import { SignInUseCase } from './sign-in.usecase';
import { TotpEnrolmentUseCase } from './totp-enrolment.usecase';
import { UserRepository } from './user.repository';
import { UsersService } from './users.service';

const exported = [
  IdentityClock,
  SessionsService,
  SignInUseCase,
  ChangePasswordUseCase,
  TotpEnrolmentUseCase,
  UsersService,
  OidcSignInUseCase,
];

/** People who sign in: users, sessions, sign-in links, TOTP, OpenID Connect. */
@Module({})
export class IdentityModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityModule,
      providers: [
        { provide: IDENTITY_CONFIG, useValue: config },
        PasswordHasher,
        UserRepository,
        SessionRepository,
        SignInLinkRepository,
        OidcLoginRepository,
        ...exported,
      ],
      exports: [IDENTITY_CONFIG, ...exported],
    };
  }
}
