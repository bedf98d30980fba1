import { generateSecret, generateURI, verifySync } from 'otplib';

/** RFC 6238 codes (30 s, 6 digits, SHA-1: what every authenticator app reads), one step of clock drift either way */
export const Totp = {
  newSecret: () => generateSecret(),
  uri: (secret: string, email: string) => generateURI({ issuer: 'remitd', label: email, secret }),
  check(secret: string, code: string, at: Date): boolean {
    return Totp.step(secret, code, at) !== null;
  },
  /** The time step the code belongs to, or null when it is not a valid code at `at`. */
  step(secret: string, code: string, at: Date): number | null {
    if (!/^\d{6}$/.test(code)) return null;
    try {
      const r = verifySync({ secret, token: code, epoch: Math.floor(at.getTime() / 1000), epochTolerance: 30 });
      return r.valid ? ((r as { timeStep?: number }).timeStep ?? null) : null;
    } catch {
      return null;
    }
  },
};
