import { Injectable } from '@nestjs/common';
import { AuditRepository, TransactionRunner } from '@remitd/persistence';
import { currentPasswordRequired, currentPasswordWrong, passwordTooShort } from './identity.errors';
import { MIN_PASSWORD_LENGTH, PasswordHasher } from './passwords';
import { SessionRepository, type SessionWithUser } from './session.repository';
import { userActor } from './user.view';
import { UserRepository } from './user.repository';

/**
 * Sets or changes the signed-in user's password. The current one is asked for when there is one
 * (a borrowed, unlocked browser must not be able to take the account over); every other session
 * of the user ends: whoever knew the old password is signed out.
 */
@Injectable()
export class ChangePasswordUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditRepository,
  ) {}

  async execute(session: SessionWithUser, cmd: { currentPassword?: string; newPassword: string }): Promise<void> {
    const user = session.user;
    if ([...cmd.newPassword].length < MIN_PASSWORD_LENGTH) throw passwordTooShort(MIN_PASSWORD_LENGTH);
    if (user.passwordHash) {
      if (!cmd.currentPassword) throw currentPasswordRequired();
      if (!(await this.hasher.verify(user.passwordHash, cmd.currentPassword))) throw currentPasswordWrong();
    }
    const passwordHash = await this.hasher.hash(cmd.newPassword);
    await this.tx.run(async (tx) => {
      await this.users.update(tx, user.id, { passwordHash });
      const ended = await this.sessions.deleteAllOfUser(tx, user.id, session.tokenHash);
      await this.audit.record(tx, {
        actor: userActor(user),
        action: user.passwordHash ? 'user.password_change' : 'user.password_set',
        entityType: 'user',
        entityId: user.id,
        payload: { otherSessionsEnded: ended },
      });
    });
  }
}
