import { Injectable } from '@nestjs/common';
import type { Models, Tx } from '@remitd/persistence';

export type OidcLoginRow = Models.OidcLoginStateModel;

@Injectable()
export class OidcLoginRepository {
  async create(
    tx: Tx,
    data: { state: string; nonce: string; codeVerifier: string; returnTo: string; expiresAt: Date },
  ): Promise<void> {
    await tx.oidcLoginState.create({ data });
  }

  /** Takes the sign-in under way out (each state is answered once); null when unknown or expired. */
  async take(tx: Tx, state: string, now: Date): Promise<OidcLoginRow | null> {
    const row = await tx.oidcLoginState.findUnique({ where: { state } });
    if (!row) return null;
    const taken = await tx.oidcLoginState.deleteMany({ where: { state } });
    // forgotten sign-ins do not pile up: every answer sweeps the expired ones
    await tx.oidcLoginState.deleteMany({ where: { expiresAt: { lte: now } } });
    return taken.count === 1 && row.expiresAt > now ? row : null;
  }
}
