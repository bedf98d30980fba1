import { createHash, randomBytes } from 'node:crypto';
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
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
export class ApiKeysService implements OnModuleInit, OnModuleDestroy {
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
    if (cmd.customerId && !(await this.repo.customerExists(cmd.customerId)))
      throw validationError(
        'CUSTOMER_NOT_FOUND',
        `customerId: customer ${cmd.customerId} does not exist`,
        'customerId',
      );
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
   * Valid keys are remembered for a few seconds: one query less per request. Every replica
   * LISTENs for key changes (a trigger on api_keys NOTIFYs each revoked, changed or deleted
   * key on commit) and forgets the key at once; while that connection is down nothing is
   * served from the cache (issue 11 item 11: a revocation takes effect everywhere within a
   * second). A key not found is never cached.
   */
  private readonly cache = new Map<string, { actor: Actor; until: number }>();
  /** lookups under way, by key hash */
  private readonly lookups = new Map<string, Promise<Actor | null>>();
  private static readonly CACHE_MS = 10_000;
  private listening = false;
  /** bumped by every change heard: a key read before a change is not cached after it */
  private changesHeard = 0;
  private watcher?: { stop(): Promise<void> };

  onModuleInit(): void {
    this.watcher = this.repo.watchKeyChanges({
      onChange: (keyId) => this.forget(keyId),
      onUp: () => {
        this.cache.clear();
        this.listening = true;
      },
      onDown: () => {
        this.listening = false;
        this.changesHeard++;
        this.cache.clear();
        this.lookups.clear();
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.listening = false;
    await this.watcher?.stop();
  }

  private forget(keyId: string): void {
    this.changesHeard++;
    for (const [hash, e] of this.cache) if (e.actor.id === `apikey:${keyId}`) this.cache.delete(hash);
    // a lookup under way may have read the key before the change: requests from now on do their own
    this.lookups.clear();
  }

  async authenticate(plaintext: string): Promise<Actor | null> {
    const hash = hashKey(plaintext);
    const hit = this.cache.get(hash);
    if (hit && hit.until > Date.now() && this.listening) return hit.actor;
    // one lookup per key at a time: when an entry expires under load, the requests that arrive
    // meanwhile wait for that one lookup instead of each querying the database
    const pending = this.lookups.get(hash);
    if (pending) return pending;
    const lookup: Promise<Actor | null> = this.lookUp(hash).finally(() => {
      if (this.lookups.get(hash) === lookup) this.lookups.delete(hash);
    });
    this.lookups.set(hash, lookup);
    return lookup;
  }

  private async lookUp(hash: string): Promise<Actor | null> {
    const heardBefore = this.changesHeard;
    const row = await this.repo.findActiveByHash(hash);
    // a member key acts only for its customer: without one it is no key at all
    if (!row || (row.role === 'member' && !row.customerId)) {
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
    if (!this.listening || heardBefore !== this.changesHeard) return actor;
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
      this.forget(id);
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
