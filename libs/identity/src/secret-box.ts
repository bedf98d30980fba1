import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DomainError } from '@remitd/core';

const PREFIX = 'enc:v1:';

/**
 * Secrets at rest (TOTP seeds): AES-256-GCM under REMITD_SECRETS_KEY, bound to their row by the
 * associated data (a seed copied onto another user does not open). Without a key they are stored
 * as they are (the admin API warns at boot); a stored sealed secret never opens without the key.
 */
export class SecretBox {
  constructor(private readonly key: Buffer | null) {}

  seal(plain: string, boundTo: string): string {
    if (!this.key) return plain;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(boundTo));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  open(stored: string, boundTo: string): string {
    if (!stored.startsWith(PREFIX)) return stored;
    if (!this.key)
      throw new DomainError(
        'SECRETS_KEY_MISSING',
        'a stored secret is encrypted and REMITD_SECRETS_KEY is not set: start with the key it was sealed with',
        'unprocessable',
      );
    const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
