import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { validationError } from '@remitd/core';
import { AuditRepository, TransactionRunner, type Actor } from '@remitd/persistence';
import { ApiKeyRepository } from './api-key.repository';
import { ROLES, type RoleName } from './roles';

export const hashKey = (plaintext: string) => createHash('sha256').update(plaintext).digest('hex');

export interface CreateApiKeyCommand {
  actor: Actor;
  name: string;
  role: RoleName;
  customerId?: string | null;
  unifiedSettlement?: boolean;
}

/** API keys: random 32 bytes shown once; only their SHA-256 is stored. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ApiKeyRepository,
    private readonly audit: AuditRepository,
  ) {}

  async create(cmd: CreateApiKeyCommand) {
    if (!ROLES.includes(cmd.role))
      throw validationError('INVALID_ROLE', `role: must be one of ${ROLES.join(', ')}`, 'role');
    if (cmd.role === 'member' && !cmd.customerId)
      throw validationError('CUSTOMER_REQUIRED', 'customerId: a member key belongs to one customer', 'customerId');
    if (cmd.role !== 'member' && cmd.customerId)
      throw validationError('CUSTOMER_NOT_ALLOWED', 'customerId: only member keys belong to a customer', 'customerId');
    const plaintext = `rmd_${randomBytes(32).toString('base64url')}`;
    const row = await this.tx.run(async (tx) => {
      const r = await this.repo.create(tx, {
        name: cmd.name,
        keyHash: hashKey(plaintext),
        keyPrefix: plaintext.slice(0, 10),
        role: cmd.role,
        customerId: cmd.customerId ?? null,
        unifiedSettlement: cmd.unifiedSettlement ?? false,
      });
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'api_key.create',
        entityType: 'api_key',
        entityId: r.id,
        payload: { name: cmd.name, role: cmd.role },
      });
      return r;
    });
    return {
      id: row.id,
      name: row.name,
      role: row.role,
      customerId: row.customerId,
      unifiedSettlement: row.unifiedSettlement,
      key: plaintext,
    };
  }

  /**
   * Valid keys are remembered for a few seconds: one query less per request. A revocation takes
   * effect at once on the replica that revoked it and within CACHE_MS on the others.
   */
  private readonly cache = new Map<string, { actor: Actor; until: number }>();
  private static readonly CACHE_MS = 10_000;

  async authenticate(plaintext: string): Promise<Actor | null> {
    const hash = hashKey(plaintext);
    const hit = this.cache.get(hash);
    if (hit && hit.until > Date.now()) return hit.actor;
    const row = await this.repo.findActiveByHash(hash);
    if (!row) {
      this.cache.delete(hash);
      return null;
    }
    const actor = {
      id: `apikey:${row.id}`,
      role: row.role,
      name: row.name,
      customerId: row.customerId,
      unifiedSettlement: row.unifiedSettlement,
    } as Actor;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { actor, until: Date.now() + ApiKeysService.CACHE_MS });
    return actor;
  }

  /**
   * A super-admin key on a brand-new database (no key was ever made), or whenever `force` is
   * set (REMITD_BOOTSTRAP=1: a lost key). Not merely when no super admin is left: revoking the
   * last one must not mint a new one on the next restart. Advisory lock: two replicas make one.
   */
  async ensureBootstrapKey(opts: { force?: boolean } = {}): Promise<string | null> {
    const plaintext = `rmd_${randomBytes(32).toString('base64url')}`;
    return this.tx.run(async (tx) => {
      await this.repo.advisoryLock(tx, 'remitd:bootstrap-key');
      if (!opts.force && (await this.repo.countAll(tx)) > 0) return null;
      const r = await this.repo.create(tx, {
        name: 'bootstrap super admin',
        keyHash: hashKey(plaintext),
        keyPrefix: plaintext.slice(0, 10),
        role: 'super_admin',
        customerId: null,
        unifiedSettlement: true,
      });
      await this.audit.record(tx, {
        actor: { id: 'system:bootstrap', role: 'system' },
        action: 'api_key.create',
        entityType: 'api_key',
        entityId: r.id,
        payload: { bootstrap: true },
      });
      return plaintext;
    });
  }

  list() {
    return this.repo.list();
  }

  async revoke(actor: Actor, id: string) {
    return this.tx.run(async (tx) => {
      const n = await this.repo.revoke(tx, id);
      for (const [hash, e] of this.cache) if (e.actor.id === `apikey:${id}`) this.cache.delete(hash);
      await this.audit.record(tx, {
        actor,
        action: 'api_key.revoke',
        entityType: 'api_key',
        entityId: id,
        payload: { revoked: n.count },
      });
      return { id, revoked: n.count > 0 };
    });
  }
}
