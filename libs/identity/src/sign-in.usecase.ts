import { Inject, Injectable } from '@nestjs/common';
import type { IdentityConfig } from '@remitd/config';
import type { DomainError } from '@remitd/core';
import { AuditRepository, TransactionRunner, type Actor } from '@remitd/persistence';
import { IdentityClock } from './identity.clock';
import { IDENTITY_CONFIG } from './identity.config';
import { accountLocked, signInFailed, totpInvalid, totpRequired } from './identity.errors';
import { PasswordHasher } from './passwords';
import { SessionsService, type ClientInfo, type NewSession } from './sessions.service';
import { looksLikeEmail, normalizeEmail } from './tokens';
import { Totp } from './totp';
import { UserRepository, type UserRow } from './user.repository';
import { userActor } from './user.view';

export interface SignInCommand {
  email: string;
  password: string;
  totp?: string;
  client: ClientInfo;
}

export interface SignedIn {
  user: UserRow;
  session: NewSession;
}

/** nobody is signed in yet: failed attempts are recorded under this actor, the e-mail in the payload */
const ANONYMOUS: Actor = { id: 'anonymous', role: 'anonymous' };

/**
 * E-mail + password (+ TOTP). An unknown e-mail answers exactly as a wrong password, after the
 * same argon2 work (a dummy hash is verified) and the same kind of write (an audit row), so
 * neither the answer nor its timing tells who has an account. Lockout after
 * REMITD_LOCKOUT_ATTEMPTS failures (password or TOTP) for REMITD_LOCKOUT_MINUTES.
 */
@Injectable()
export class SignInUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly audit: AuditRepository,
    private readonly clock: IdentityClock,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(cmd: SignInCommand): Promise<SignedIn> {
    const email = normalizeEmail(cmd.email);
    const user = looksLikeEmail(email) ? await this.users.findByEmail(email) : null;
    const passwordOk = await this.hasher.verify(user?.passwordHash ?? null, cmd.password);
    if (!user || !user.passwordHash) throw await this.unknownEmail(email);
    const now = this.clock.now();
    if (user.lockedUntil && user.lockedUntil > now) throw accountLocked(user.lockedUntil);
    if (!passwordOk) throw await this.failedAttempt(user, 'password');
    if (user.totpEnabled && user.totpSecret) {
      // the password was right: asking for the code is not a failed attempt, a wrong code is
      if (!cmd.totp) throw totpRequired();
      const step = Totp.step(user.totpSecret, cmd.totp, now);
      // a code works once: replayed (seen over a shoulder, in a log) it counts as a wrong code
      if (step === null || !(await this.tx.run((tx) => this.users.claimTotpStep(tx, user.id, step))))
        throw await this.failedAttempt(user, 'totp');
    }
    return this.tx.run(async (tx) => {
      if (user.failedAttempts > 0 || user.lockedUntil)
        await this.users.update(tx, user.id, { failedAttempts: 0, lockedUntil: null });
      const session = await this.sessions.open(tx, user, cmd.client);
      await this.audit.record(tx, {
        actor: userActor(user),
        action: 'user.sign_in',
        entityType: 'user',
        entityId: user.id,
        payload: { method: 'password', totp: user.totpEnabled, ip: cmd.client.ip ?? null },
      });
      return { user, session };
    });
  }

  private async unknownEmail(email: string): Promise<DomainError> {
    await this.tx.run((tx) =>
      this.audit.record(tx, {
        actor: ANONYMOUS,
        action: 'user.sign_in_failed',
        entityType: 'user',
        entityId: 'unknown',
        payload: { email: email.slice(0, 254), reason: 'unknown_email_or_no_password' },
      }),
    );
    return signInFailed();
  }

  /** counts the failure under the user's row lock (concurrent guesses all count); locks at the limit */
  private failedAttempt(user: UserRow, reason: 'password' | 'totp'): Promise<DomainError> {
    return this.tx.run(async (tx) => {
      const locked = (await this.users.lockById(tx, user.id))!;
      const now = this.clock.now();
      if (locked.lockedUntil && locked.lockedUntil > now) return accountLocked(locked.lockedUntil);
      const attempts = locked.failedAttempts + 1;
      const entity = { actor: ANONYMOUS, entityType: 'user', entityId: user.id };
      if (attempts >= this.config.lockoutAttempts) {
        const until = new Date(now.getTime() + this.config.lockoutMinutes * 60_000);
        await this.users.update(tx, user.id, { failedAttempts: 0, lockedUntil: until });
        await this.audit.record(tx, {
          ...entity,
          action: 'user.locked',
          payload: { email: user.email, reason, attempts, lockedUntil: until.toISOString() },
        });
        return accountLocked(until);
      }
      await this.users.update(tx, user.id, { failedAttempts: attempts });
      await this.audit.record(tx, {
        ...entity,
        action: 'user.sign_in_failed',
        payload: { email: user.email, reason, attempts },
      });
      return reason === 'totp' ? totpInvalid() : signInFailed();
    });
  }
}
