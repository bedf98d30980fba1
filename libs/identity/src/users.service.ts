import { Inject, Injectable } from '@nestjs/common';
import { isRole, ROLES, type RoleName } from '@remitd/access';
import type { IdentityConfig } from '@remitd/config';
import { validationError } from '@remitd/core';
import {
  AuditRepository,
  isUniqueViolation,
  TransactionRunner,
  type Actor,
  type KeysetPosition,
  type Tx,
} from '@remitd/persistence';
import { IdentityClock } from './identity.clock';
import { IDENTITY_CONFIG } from './identity.config';
import {
  emailTaken,
  invalidEmail,
  roleNotAllowed,
  signInLinkInvalid,
  signInLinkNotAllowed,
  userNotFound,
} from './identity.errors';
import { MIN_PASSWORD_LENGTH, PasswordHasher } from './passwords';
import { SessionsService, type ClientInfo } from './sessions.service';
import { SignInLinkRepository } from './sign-in-link.repository';
import type { SignedIn } from './sign-in.usecase';
import { hashToken, looksLikeEmail, newToken, normalizeEmail } from './tokens';
import { UserRepository, type UserRow } from './user.repository';
import { userActor } from './user.view';

export interface CreateUserCommand {
  actor: Actor;
  email: string;
  name: string;
  role: RoleName;
  customerId?: string | null;
  password?: string;
  /** admins: the unified-settlement permission (seed 001) */
  unifiedSettlement?: boolean;
}

/** a one-time sign-in link: valid this long, once (issue 13) */
const LINK_VALID_MS = 24 * 3_600_000;

/** Users: creation, unlock, one-time sign-in links, the first super admin. */
@Injectable()
export class UsersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UserRepository,
    private readonly links: SignInLinkRepository,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditRepository,
    private readonly clock: IdentityClock,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  list(page: { after?: KeysetPosition; limit: number }) {
    return this.users.list(page);
  }

  async get(id: string): Promise<UserRow> {
    const user = await this.users.findById(id);
    if (!user) throw userNotFound(id);
    return user;
  }

  async create(cmd: CreateUserCommand): Promise<UserRow> {
    const email = normalizeEmail(cmd.email);
    if (!looksLikeEmail(email)) throw invalidEmail();
    if (!isRole(cmd.role)) throw validationError('INVALID_ROLE', `role: must be one of ${ROLES.join(', ')}`, 'role');
    // nobody hands out more power than they hold: only a super admin makes super admins
    if (cmd.role === 'super_admin' && cmd.actor.role !== 'super_admin') throw roleNotAllowed(cmd.actor.role, cmd.role);
    if (cmd.role === 'member' && !cmd.customerId)
      throw validationError('CUSTOMER_REQUIRED', 'customerId: a member belongs to one customer', 'customerId');
    if (cmd.role !== 'member' && cmd.customerId)
      throw validationError('CUSTOMER_NOT_ALLOWED', 'customerId: only members belong to a customer', 'customerId');
    if (cmd.customerId && !(await this.users.customerExists(cmd.customerId)))
      throw validationError(
        'CUSTOMER_NOT_FOUND',
        `customerId: customer ${cmd.customerId} does not exist`,
        'customerId',
      );
    if (cmd.password !== undefined && [...cmd.password].length < MIN_PASSWORD_LENGTH)
      throw validationError(
        'PASSWORD_TOO_SHORT',
        `password: use at least ${MIN_PASSWORD_LENGTH} characters`,
        'password',
      );
    const passwordHash = cmd.password === undefined ? null : await this.hasher.hash(cmd.password);
    try {
      return await this.tx.run((tx) =>
        this.createIn(tx, cmd.actor, {
          email,
          name: cmd.name.trim(),
          role: cmd.role,
          customerId: cmd.customerId ?? null,
          passwordHash,
          unifiedSettlement: cmd.unifiedSettlement ?? false,
        }),
      );
    } catch (e) {
      if (isUniqueViolation(e, 'email')) throw emailTaken(email);
      throw e;
    }
  }

  async unlock(actor: Actor, id: string): Promise<UserRow> {
    return this.tx.run(async (tx) => {
      const user = await this.users.lockById(tx, id);
      if (!user) throw userNotFound(id);
      const unlocked = await this.users.update(tx, id, { failedAttempts: 0, lockedUntil: null });
      await this.audit.record(tx, {
        actor,
        action: 'user.unlock',
        entityType: 'user',
        entityId: id,
        payload: { wasLockedUntil: user.lockedUntil?.toISOString() ?? null },
      });
      return unlocked;
    });
  }

  /** A link that signs the user in once within 24 h: `url` is shown to whoever asked, never stored. */
  async issueSignInLink(actor: Actor, id: string): Promise<{ url: string; expiresAt: Date }> {
    return this.tx.run(async (tx) => {
      const user = await this.users.findById(id);
      if (!user) throw userNotFound(id);
      if (user.totpEnabled) throw signInLinkNotAllowed();
      return this.issueLinkIn(tx, actor, user);
    });
  }

  async signInWithLink(token: string, client: ClientInfo): Promise<SignedIn> {
    return this.tx.run(async (tx) => {
      const userId = token.length <= 100 ? await this.links.consume(tx, hashToken(token), this.clock.now()) : null;
      const user = userId ? await this.users.lockById(tx, userId) : null;
      if (!user) throw signInLinkInvalid();
      // enrolled after the link was issued: the link may not bypass the second factor (rolls back, unspent)
      if (user.totpEnabled) throw signInLinkNotAllowed();
      const session = await this.sessions.open(tx, user, client);
      await this.audit.record(tx, {
        actor: userActor(user),
        action: 'user.sign_in',
        entityType: 'user',
        entityId: user.id,
        payload: { method: 'link', ip: client.ip ?? null },
      });
      return { user, session };
    });
  }

  /**
   * First start: when nobody can sign in yet, the super admin REMITD_ADMIN_EMAIL without a
   * password, and a one-time link for them. Null when a user exists. Two replicas make one.
   */
  async ensureFirstAdmin(): Promise<{ email: string; url: string; expiresAt: Date } | null> {
    const actor: Actor = { id: 'system:bootstrap', role: 'system' };
    return this.tx.run(async (tx) => {
      await this.users.advisoryLock(tx, 'remitd:first-admin');
      if ((await this.users.count(tx)) > 0) return null;
      const user = await this.createIn(tx, actor, {
        email: this.config.adminEmail,
        name: 'Administrator',
        role: 'super_admin',
        customerId: null,
        passwordHash: null,
      });
      return { email: user.email, ...(await this.issueLinkIn(tx, actor, user)) };
    });
  }

  private async createIn(
    tx: Tx,
    actor: Actor,
    data: {
      email: string;
      name: string;
      role: RoleName;
      customerId: string | null;
      passwordHash: string | null;
      unifiedSettlement?: boolean;
    },
  ): Promise<UserRow> {
    const user = await this.users.create(tx, data);
    await this.audit.record(tx, {
      actor,
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      payload: { email: user.email, role: user.role, customerId: user.customerId, passwordSet: !!data.passwordHash },
    });
    return user;
  }

  private async issueLinkIn(tx: Tx, actor: Actor, user: UserRow): Promise<{ url: string; expiresAt: Date }> {
    const token = newToken();
    const expiresAt = new Date(this.clock.now().getTime() + LINK_VALID_MS);
    await this.links.create(tx, { tokenHash: hashToken(token), userId: user.id, expiresAt });
    await this.audit.record(tx, {
      actor,
      action: 'user.sign_in_link_issue',
      entityType: 'user',
      entityId: user.id,
      payload: { expiresAt: expiresAt.toISOString() },
    });
    return { url: `${this.config.publicUrl}/auth/link/${token}`, expiresAt };
  }
}
