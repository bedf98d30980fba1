import { Injectable } from '@nestjs/common';
import { AuditRepository, TransactionRunner } from '@remitd/persistence';
import { IdentityClock } from './identity.clock';
import { totpAlreadyEnabled, totpCodeInvalid, totpNotEnrolling } from './identity.errors';
import type { SessionWithUser } from './session.repository';
import { Totp } from './totp';
import { UserRepository } from './user.repository';
import { userActor } from './user.view';

/**
 * Two steps: enrol stores a new secret (not yet required at sign-in) and shows it once; confirm
 * proves the app holds it with a code, and from then on sign-in asks for a code.
 */
@Injectable()
export class TotpEnrolmentUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UserRepository,
    private readonly audit: AuditRepository,
    private readonly clock: IdentityClock,
  ) {}

  async enrol(session: SessionWithUser): Promise<{ secret: string; otpauthUri: string }> {
    const user = session.user;
    if (user.totpEnabled) throw totpAlreadyEnabled();
    const secret = Totp.newSecret();
    await this.tx.run(async (tx) => {
      await this.users.update(tx, user.id, { totpSecret: secret });
      await this.audit.record(tx, {
        actor: userActor(user),
        action: 'user.totp_enrol',
        entityType: 'user',
        entityId: user.id,
      });
    });
    return { secret, otpauthUri: Totp.uri(secret, user.email) };
  }

  async confirm(session: SessionWithUser, code: string): Promise<void> {
    await this.tx.run(async (tx) => {
      const user = (await this.users.lockById(tx, session.userId))!;
      if (user.totpEnabled) throw totpAlreadyEnabled();
      if (!user.totpSecret) throw totpNotEnrolling();
      const step = Totp.step(user.totpSecret, code, this.clock.now());
      if (step === null || !(await this.users.claimTotpStep(tx, user.id, step))) throw totpCodeInvalid();
      await this.users.update(tx, user.id, { totpEnabled: true });
      await this.audit.record(tx, {
        actor: userActor(user),
        action: 'user.totp_enabled',
        entityType: 'user',
        entityId: user.id,
      });
    });
  }
}
