import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('secrets at rest (TOTP seeds)', () => {
  const key = randomBytes(32);

  it('seals with AES-256-GCM bound to its row, and opens only there', () => {
    const box = new SecretBox(key);
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'user-1');
    expect(sealed).toMatch(/^enc:v1:/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => box.open(sealed, 'user-2')).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'user-1')).toThrow();
  });

  it('reads seeds stored before the key was set, and refuses a sealed one without the key', () => {
    expect(new SecretBox(key).open('JBSWY3DPEHPK3PXP', 'user-1')).toBe('JBSWY3DPEHPK3PXP');
    const sealed = new SecretBox(key).seal('JBSWY3DPEHPK3PXP', 'user-1');
    expect(() => new SecretBox(null).open(sealed, 'user-1')).toThrow(/REMITD_SECRETS_KEY/);
    expect(new SecretBox(null).seal('JBSWY3DPEHPK3PXP', 'user-1')).toBe('JBSWY3DPEHPK3PXP');
  });
});
