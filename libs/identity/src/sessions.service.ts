import { Inject, Injectable } from '@nestjs/common';
import type { IdentityConfig } from '@remitd/config';
import { AuditRepository, TransactionRunner, type Tx } from '@remitd/persistence';
import { IdentityClock } from './identity.clock';
import { IDENTITY_CONFIG } from './identity.config';
import { SessionRepository, type SessionWithUser } from './session.repository';
import { hashToken, newToken } from './tokens';
import type { UserRow } from './user.repository';
import { userActor } from './user.view';

/** where a sign-in came from, kept on the session for "where am I signed in" */
export interface ClientInfo {
  userAgent?: string | null;
  ip?: string | null;
}

/** A new session: the cookie's token (shown to the browser only) and the CSRF token. */
export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** last_seen_at is written at most this often per session: not one UPDATE per request */
const TOUCH_EVERY_MS = 60_000;

@Injectable()
export class SessionsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditRepository,
    private readonly clock: IdentityClock,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /** Opens a session for `user` inside the caller's transaction (which audits the sign-in). */
  async open(tx: Tx, user: UserRow, client: ClientInfo): Promise<NewSession> {
    const now = this.clock.now();
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(now.getTime() + this.config.sessionMaxHours * 3_600_000);
    // expired sessions are deleted when presented; those never presented again go at the next sign-in
    await this.sessions.deleteExpiredOfUser(tx, user.id, now);
    await this.sessions.create(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      createdAt: now,
      idleExpiresAt: this.idleExpiry(now, expiresAt),
      expiresAt,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
      ip: client.ip ?? null,
    });
    return { token, csrfToken, expiresAt };
  }

  /**
   * The live session of a cookie's token, or null. Expired sessions (idle or absolute) are
   * deleted when seen; activity pushes the idle expiry forward, up to the absolute one.
   */
  async authenticate(token: string): Promise<SessionWithUser | null> {
    if (!token || token.length > 100) return null;
    const tokenHash = hashToken(token);
    const session = await this.sessions.findByHash(tokenHash);
    if (!session) return null;
    const now = this.clock.now();
    if (session.expiresAt <= now || session.idleExpiresAt <= now) {
      await this.sessions.deleteExpired(tokenHash);
      return null;
    }
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      session.lastSeenAt = now;
      session.idleExpiresAt = this.idleExpiry(now, session.expiresAt);
      await this.sessions.touch(tokenHash, now, session.idleExpiresAt);
    }
    return session;
  }

  async signOut(session: SessionWithUser): Promise<void> {
    await this.tx.run(async (tx) => {
      await this.sessions.delete(tx, session.tokenHash);
      await this.audit.record(tx, {
        actor: userActor(session.user),
        action: 'user.sign_out',
        entityType: 'user',
        entityId: session.userId,
      });
    });
  }

  /** every session of the user, this one included */
  async signOutEverywhere(session: SessionWithUser): Promise<number> {
    return this.tx.run(async (tx) => {
      const ended = await this.sessions.deleteAllOfUser(tx, session.userId);
      await this.audit.record(tx, {
        actor: userActor(session.user),
        action: 'user.sign_out_everywhere',
        entityType: 'user',
        entityId: session.userId,
        payload: { sessionsEnded: ended },
      });
      return ended;
    });
  }

  private idleExpiry(now: Date, expiresAt: Date): Date {
    const idle = now.getTime() + this.config.sessionIdleMinutes * 60_000;
    return new Date(Math.min(idle, expiresAt.getTime()));
  }
}
