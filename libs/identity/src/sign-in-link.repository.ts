import { Injectable } from '@nestjs/common';
import type { Tx } from '@remitd/persistence';

@Injectable()
export class SignInLinkRepository {
  async create(tx: Tx, data: { tokenHash: string; userId: string; expiresAt: Date }): Promise<void> {
    await tx.signInLink.create({ data });
  }

  /** Marks the link used if it is still usable; the user it signs in, or null. Once, even when two requests race. */
  async consume(tx: Tx, tokenHash: string, now: Date): Promise<string | null> {
    const rows = await tx.$queryRaw<{ user_id: string }[]>`
      UPDATE sign_in_links
      SET used_at = ${now}
      WHERE token_hash = ${tokenHash} AND used_at IS NULL AND expires_at > ${now}
      RETURNING user_id::text`;
    return rows[0]?.user_id ?? null;
  }
}
