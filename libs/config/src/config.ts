/**
 * Typed configuration read from the environment and validated at boot: a bad setting stops
 * the process with a message naming it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface SftpSourceConfig {
  id: string;
  type: 'sftp';
  host: string;
  port: number;
  username: string;
  password?: string;
  privateKeyPath?: string;
  hostKeySha256: string;
  remoteDir: string;
  pattern?: string;
}
export interface LocalSourceConfig {
  id: string;
  type: 'local';
  dir: string;
  pattern?: string;
  /** a file is claimed once its size and mtime held still over two polls at least this long apart */
  minAgeMs?: number;
  /** an empty file is left alone this long (its writer has not started), then quarantined */
  emptyGraceMs?: number;
}
export type SourceConfig = SftpSourceConfig | LocalSourceConfig;

export interface RemitdConfig {
  databaseUrl: string;
  dbPoolSize: number;
  adminApiPort: number;
  reconcilerPort: number;
  dataDir: string;
  sources: SourceConfig[];
  pollIntervalMs: number;
  /**
   * REMITD_NOTIFICATION_LEASE_MS: how long a claimed message waits for its sender before another
   * attempt may take it (a sender killed, or cut off by a failover, before recording the send)
   */
  notificationLeaseMs: number;
  /** DATABASE_READ_URL: a hot standby for admin reads that tolerate lag (docs/operations.md); unset: the primary */
  databaseReadUrl: string | null;
  /** REMITD_READ_YOUR_WRITES_MS: how long an actor's reads stay on the primary after it wrote */
  readYourWritesMs: number;
  mail:
    | {
        kind: 'smtp';
        host: string;
        port: number;
        secure: boolean;
        /** refuse to send unless STARTTLS upgrades the connection (SMTP_REQUIRE_TLS) */
        requireTls: boolean;
        user?: string;
        pass?: string;
        from: string;
      }
    | { kind: 'file'; dir: string; from: string };
  timeZone: string;
  /** below this, a match is never auto-credited */
  minAutoCreditConfidence: number;
  /** per currency: the largest bank fee reimbursed without an account manager */
  feeReimbursementCaps: Record<string, string>;
  /** reconciliation batches a reconciler runs at once (each its own transaction and connection) */
  reconcileConcurrency: number;
  /** entries per reconciliation batch (one transaction) */
  reconcileBatchSize: number;
  providerName: string;
  /**
   * The stamp on bills exported from a unified settlement task (seed 001: "stamped monthly bills"):
   * its text ({task} is replaced by the task's reference) and the provider's seal (a PNG file), if any.
   */
  settlementStamp: { text: string; seal: Buffer | null };
  /**
   * Separation of duties (issue 11 item 10): per staff role, per currency ("*" for any other),
   * the largest coupon or credit-limit increase the role makes alone; above it a second person
   * (finance, admin) approves. A role not listed has no cap.
   */
  approvalCaps: Record<string, Record<string, string>>;
  /** what a parser accepts before it quarantines the file (resource limits) */
  parserLimits: {
    maxFileBytes: number;
    maxXmlDepth: number;
    maxTextLength: number;
    maxLineLength: number;
    /** what a BAI2 control total or record count that does not add up does */
    bai2ControlTotals: 'error' | 'warn';
  };
  /** make a new bootstrap super-admin key at start even though keys exist (REMITD_BOOTSTRAP) */
  bootstrap: boolean;
  /** console sign-in (issue 13) */
  identity: IdentityConfig;
  /** the payment gateway and pay-as-you-go deduction (issue 14) */
  payments: PaymentsConfig;
  /** the arrears lifecycle: webhooks to the platform, SMS (issue 16) */
  arrears: ArrearsConfig;
}

export interface ArrearsConfig {
  webhooks: {
    /** REMITD_PLATFORM_WEBHOOK_URL: where lifecycle commands go; unset: they wait in the outbox */
    url: string | null;
    /** REMITD_PLATFORM_WEBHOOK_SECRET: the HMAC-SHA256 key (docs/webhooks.md) */
    secret: string;
    timeoutMs: number;
    maxAttempts: number;
    baseBackoffMs: number;
    maxBackoffMs: number;
  };
  /** SMS over SMPP 3.4 (REMITD_SMPP_URL smpp://system_id:password@host:port); unset: the logging stand-in */
  smpp: { url: string; systemId: string; password: string; sourceAddr: string } | null;
  /** SMS through a provider's REST API instead (REMITD_SMS_HTTP_URL + REMITD_SMS_HTTP_TOKEN) */
  smsHttp: { url: string; token: string; from: string } | null;
}

export interface PaymentsConfig {
  /** the gateway's base URL (the simulator of `npm start` by default) */
  gatewayUrl: string;
  /** after this a charge's outcome is unknown (pending until queried or a webhook says) */
  gatewayTimeoutMs: number;
  /** HMAC-SHA256 key of the gateway's webhook signatures */
  webhookSecret: string;
  /** seed 000: card deduction at USD 1,000; per currency for the others (a currency not listed: month end only) */
  cardThresholds: Record<string, string>;
  /** seed 000: PayPal threshold per account, USD 8 to 500; the range per currency */
  paypalRanges: Record<string, { min: string; max: string }>;
  /** the PayPal pre-authorization amount per currency */
  preauthorizationAmounts: Record<string, string>;
  /** waits before each retry of a declined deduction; when they run out the customer is in arrears */
  retryScheduleMs: number[];
  /** gateway calls in flight at once during a sweep */
  concurrency: number;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  redirectUri: string;
  /** what the sign-in page's button says */
  label: string;
  /** a verified e-mail without a user gets a new user with this staff role; null: refused */
  provisionRole: string | null;
}

export interface IdentityConfig {
  /** REMITD_STAFF_TOTP_REQUIRED: staff without TOTP may only enrol it until they have */
  staffTotpRequired: boolean;
  lockoutAttempts: number;
  lockoutMinutes: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** the first super admin, created on first start */
  adminEmail: string;
  /** where people reach the admin API: sign-in links and redirects are built on it (no trailing slash) */
  publicUrl: string;
  oidc: OidcConfig | null;
  /** REMITD_SECRETS_KEY, base64 of 32 bytes: TOTP seeds are encrypted at rest with it (npm start generates one) */
  secretsKey: string | null;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`configuration ${variable}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, dflt: number, min = 0, max = 65535 * 1000): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `"${raw}" is not a whole number`);
  const v = Number(raw);
  if (v < min || v > max) throw new ConfigError(name, `${v} is outside ${min}..${max}`);
  return v;
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], dflt: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (!(values as readonly string[]).includes(raw))
    throw new ConfigError(name, `"${raw}" is not one of ${values.join(', ')}`);
  return raw as T;
}

function bool(env: Env, name: string, dflt: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `"${raw}" is not a boolean (true/false)`);
}

function parseSources(env: Env, dataDir: string): SourceConfig[] {
  const settle = {
    minAgeMs: int(env, 'REMITD_INBOX_MIN_AGE_MS', 5_000, 0, 24 * 3_600_000),
    emptyGraceMs: int(env, 'REMITD_INBOX_EMPTY_GRACE_MS', 600_000, 0, 7 * 24 * 3_600_000),
  };
  const raw = env.REMITD_SOURCES;
  if (!raw)
    return [{ id: 'inbox', type: 'local', dir: env.REMITD_INBOX_DIR ?? path.join(dataDir, 'inbox'), ...settle }];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    throw new ConfigError('REMITD_SOURCES', `not valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(parsed)) throw new ConfigError('REMITD_SOURCES', 'must be a JSON array of sources');
  return parsed.map((s: Record<string, unknown>, i: number) => {
    const where = `REMITD_SOURCES[${i}]`;
    if (typeof s.id !== 'string' || !s.id) throw new ConfigError(where, '"id" is required');
    if (s.type === 'local') {
      if (typeof s.dir !== 'string') throw new ConfigError(where, '"dir" is required for a local source');
      return { id: s.id, type: 'local', dir: s.dir, pattern: s.pattern as string | undefined, ...settle };
    }
    if (s.type === 'sftp') {
      for (const k of ['host', 'username', 'hostKeySha256', 'remoteDir']) {
        if (typeof s[k] !== 'string' || !s[k]) throw new ConfigError(where, `"${k}" is required for an sftp source`);
      }
      if (!s.password && !s.privateKeyPath) throw new ConfigError(where, 'give "password" or "privateKeyPath"');
      return { ...(s as unknown as SftpSourceConfig), port: typeof s.port === 'number' ? s.port : 22 };
    }
    throw new ConfigError(where, `"type" must be "local" or "sftp", got ${JSON.stringify(s.type)}`);
  });
}

const STAFF_ROLES = ['super_admin', 'admin', 'account_manager', 'finance'];
const CAPPED_ROLES = ['super_admin', 'admin', 'account_manager', 'finance'];

/** REMITD_APPROVAL_CAPS: {"account_manager":{"*":"0"},"finance":{"EUR":"5000.00"}} */
function parseApprovalCaps(env: Env): Record<string, Record<string, string>> {
  const raw = env.REMITD_APPROVAL_CAPS;
  if (raw === undefined) return { account_manager: { '*': '0' } };
  const fail = (why: string) => new ConfigError('REMITD_APPROVAL_CAPS', why);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw fail('must be JSON like {"account_manager":{"*":"0"},"finance":{"EUR":"5000.00"}}');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw fail('must be a JSON object of roles');
  const caps: Record<string, Record<string, string>> = {};
  for (const [role, byCurrency] of Object.entries(parsed)) {
    if (!CAPPED_ROLES.includes(role)) throw fail(`"${role}" is not one of ${CAPPED_ROLES.join(', ')}`);
    if (!byCurrency || typeof byCurrency !== 'object' || Array.isArray(byCurrency))
      throw fail(`"${role}" must map currencies to amounts, e.g. {"EUR":"500.00","*":"0"}`);
    caps[role] = {};
    for (const [currency, amount] of Object.entries(byCurrency as Record<string, unknown>)) {
      if (currency !== '*' && !/^[A-Z]{3}$/.test(currency))
        throw fail(`${role}: "${currency}" is not an ISO 4217 currency code or "*"`);
      if (typeof amount !== 'string' || !/^\d{1,16}(\.\d{1,4})?$/.test(amount))
        throw fail(`${role}.${currency}: must be a decimal string ≥ 0 such as "500.00"`);
      caps[role][currency] = amount;
    }
  }
  return caps;
}

function url(env: Env, name: string, dflt: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `"${raw}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new ConfigError(name, `"${raw}" must be an http:// or https:// URL`);
  return raw.replace(/\/+$/, '');
}

function parseIdentity(env: Env, adminApiPort: number): IdentityConfig {
  const publicUrl = url(env, 'REMITD_PUBLIC_URL', `http://127.0.0.1:${adminApiPort}`);
  const adminEmail = (env.REMITD_ADMIN_EMAIL ?? 'admin@localhost').trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(adminEmail))
    throw new ConfigError('REMITD_ADMIN_EMAIL', `"${adminEmail}" is not an e-mail address`);
  let oidc: OidcConfig | null = null;
  const issuer = url(env, 'REMITD_OIDC_ISSUER', '');
  if (issuer) {
    const clientId = env.REMITD_OIDC_CLIENT_ID;
    if (!clientId) throw new ConfigError('REMITD_OIDC_CLIENT_ID', 'is required with REMITD_OIDC_ISSUER');
    const provisionRole = env.REMITD_OIDC_PROVISION_ROLE || null;
    if (provisionRole && !STAFF_ROLES.includes(provisionRole))
      throw new ConfigError('REMITD_OIDC_PROVISION_ROLE', `"${provisionRole}" is not one of ${STAFF_ROLES.join(', ')}`);
    oidc = {
      issuer,
      clientId,
      clientSecret: env.REMITD_OIDC_CLIENT_SECRET || null,
      redirectUri: url(env, 'REMITD_OIDC_REDIRECT_URI', `${publicUrl}/auth/sso/callback`),
      label: env.REMITD_OIDC_LABEL || 'Single sign-on',
      provisionRole,
    };
  } else if (env.REMITD_OIDC_CLIENT_ID) {
    throw new ConfigError('REMITD_OIDC_ISSUER', 'is required with REMITD_OIDC_CLIENT_ID');
  }
  return {
    staffTotpRequired: bool(env, 'REMITD_STAFF_TOTP_REQUIRED', false),
    lockoutAttempts: int(env, 'REMITD_LOCKOUT_ATTEMPTS', 5, 1, 1000),
    lockoutMinutes: int(env, 'REMITD_LOCKOUT_MINUTES', 15, 1, 7 * 24 * 60),
    sessionIdleMinutes: int(env, 'REMITD_SESSION_IDLE_MINUTES', 720, 1, 365 * 24 * 60),
    sessionMaxHours: int(env, 'REMITD_SESSION_MAX_HOURS', 168, 1, 365 * 24),
    adminEmail,
    publicUrl,
    oidc,
    secretsKey: secretsKey(env),
  };
}

function secretsKey(env: Env): string | null {
  const raw = env.REMITD_SECRETS_KEY?.trim();
  if (!raw) return null;
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32)
    throw new ConfigError(
      'REMITD_SECRETS_KEY',
      'must be 32 random bytes, as 64 hex digits or base64 (openssl rand -base64 32)',
    );
  return key.toString('base64');
}

function readUrl(env: Env): string | null {
  const url = env.DATABASE_READ_URL?.trim();
  if (!url) return null;
  if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError('DATABASE_READ_URL', 'must be a postgresql:// URL');
  return url;
}

export function loadConfig(env: Env = process.env): RemitdConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new ConfigError('DATABASE_URL', 'is required (npm start sets it for the embedded database)');
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL', 'must be a postgresql:// URL');
  const dataDir = path.resolve(env.REMITD_DATA_DIR ?? '.data');
  const timeZone = env.REMITD_TIMEZONE ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new ConfigError('REMITD_TIMEZONE', `"${timeZone}" is not an IANA time zone`);
  }
  const confidence = Number(env.REMITD_MIN_AUTO_CREDIT_CONFIDENCE ?? '0.9');
  if (!(confidence >= 0 && confidence <= 1))
    throw new ConfigError('REMITD_MIN_AUTO_CREDIT_CONFIDENCE', 'must be between 0 and 1');
  let caps: Record<string, string> = { USD: '50.00', EUR: '50.00', GBP: '50.00', CHF: '50.00' };
  if (env.REMITD_FEE_CAPS) {
    try {
      caps = JSON.parse(env.REMITD_FEE_CAPS);
    } catch {
      throw new ConfigError('REMITD_FEE_CAPS', 'must be JSON like {"USD":"50.00"}');
    }
  }
  const from = env.SMTP_FROM ?? 'remitd <billing@localhost>';
  const mail: RemitdConfig['mail'] = env.SMTP_HOST
    ? {
        kind: 'smtp',
        host: env.SMTP_HOST,
        port: int(env, 'SMTP_PORT', 587, 1, 65535),
        secure: bool(env, 'SMTP_SECURE', false),
        // issue 11 item 9: with credentials, a server (or a man in the middle) that does not offer
        // STARTTLS must not get them, nor the e-mails, in clear; without credentials it stays opt-in
        requireTls: bool(env, 'SMTP_REQUIRE_TLS', Boolean(env.SMTP_USER || env.SMTP_PASS)),
        user: env.SMTP_USER,
        pass: env.SMTP_PASS,
        from,
      }
    : { kind: 'file', dir: path.resolve(env.REMITD_MAIL_DIR ?? path.join(dataDir, 'mail')), from };
  return {
    databaseUrl,
    dbPoolSize: int(env, 'DB_POOL_SIZE', 10, 1, 500),
    adminApiPort: int(env, 'ADMIN_API_PORT', 3000, 0, 65535),
    reconcilerPort: int(env, 'RECONCILER_PORT', 3001, 0, 65535),
    dataDir,
    sources: parseSources(env, dataDir),
    pollIntervalMs: int(env, 'REMITD_POLL_INTERVAL_MS', 10_000, 100),
    notificationLeaseMs: int(env, 'REMITD_NOTIFICATION_LEASE_MS', 10 * 60_000, 1000),
    databaseReadUrl: readUrl(env),
    readYourWritesMs: int(env, 'REMITD_READ_YOUR_WRITES_MS', 5_000, 0, 3_600_000),
    mail,
    timeZone,
    minAutoCreditConfidence: confidence,
    feeReimbursementCaps: caps,
    reconcileConcurrency: int(env, 'REMITD_RECONCILE_CONCURRENCY', 3, 1, 32),
    reconcileBatchSize: int(env, 'REMITD_RECONCILE_BATCH_SIZE', 2000, 1, 20_000),
    providerName: env.REMITD_PROVIDER_NAME ?? 'remitd Cloud',
    settlementStamp: parseSettlementStamp(env),
    approvalCaps: parseApprovalCaps(env),
    parserLimits: {
      maxFileBytes: int(env, 'REMITD_MAX_FILE_BYTES', 2 * 1024 ** 3, 1, Number.MAX_SAFE_INTEGER),
      maxXmlDepth: int(env, 'REMITD_MAX_XML_DEPTH', 64, 16, 10_000),
      maxTextLength: int(env, 'REMITD_MAX_TEXT_LENGTH', 1024 * 1024, 1024, 256 * 1024 * 1024),
      maxLineLength: int(env, 'REMITD_MAX_LINE_LENGTH', 64 * 1024, 128, 256 * 1024 * 1024),
      bai2ControlTotals: oneOf(env, 'REMITD_BAI2_CONTROL_TOTALS', ['error', 'warn'] as const, 'error'),
    },
    bootstrap: bool(env, 'REMITD_BOOTSTRAP', false),
    identity: parseIdentity(env, int(env, 'ADMIN_API_PORT', 3000, 0, 65535)),
    payments: parsePayments(env),
    arrears: parseArrears(env),
  };
}

function parseArrears(env: Env): ArrearsConfig {
  const url = env.REMITD_PLATFORM_WEBHOOK_URL?.trim() || null;
  if (url && !/^https?:\/\/./.test(url))
    throw new ConfigError('REMITD_PLATFORM_WEBHOOK_URL', `"${url}" is not an http(s) URL`);
  const secret = env.REMITD_PLATFORM_WEBHOOK_SECRET ?? '';
  if (url && secret.length < 16)
    throw new ConfigError('REMITD_PLATFORM_WEBHOOK_SECRET', 'needs at least 16 characters when a webhook URL is set');
  let smpp: ArrearsConfig['smpp'] = null;
  if (env.REMITD_SMPP_URL) {
    let parsed: URL;
    try {
      parsed = new URL(env.REMITD_SMPP_URL);
    } catch {
      throw new ConfigError('REMITD_SMPP_URL', 'must look like smpp://system_id:password@host:2775');
    }
    if (parsed.protocol !== 'smpp:' && parsed.protocol !== 'ssmpp:')
      throw new ConfigError('REMITD_SMPP_URL', 'must start with smpp:// or ssmpp://');
    smpp = {
      url: `${parsed.protocol}//${parsed.host}`,
      systemId: decodeURIComponent(parsed.username),
      password: decodeURIComponent(parsed.password),
      sourceAddr: env.REMITD_SMS_FROM ?? 'remitd',
    };
  }
  let smsHttp: ArrearsConfig['smsHttp'] = null;
  if (env.REMITD_SMS_HTTP_URL) {
    if (!/^https?:\/\/./.test(env.REMITD_SMS_HTTP_URL))
      throw new ConfigError('REMITD_SMS_HTTP_URL', `"${env.REMITD_SMS_HTTP_URL}" is not an http(s) URL`);
    if (smpp)
      throw new ConfigError('REMITD_SMS_HTTP_URL', 'set either REMITD_SMPP_URL or REMITD_SMS_HTTP_URL, not both');
    if (!env.REMITD_SMS_HTTP_TOKEN)
      throw new ConfigError('REMITD_SMS_HTTP_TOKEN', 'is required with REMITD_SMS_HTTP_URL');
    smsHttp = { url: env.REMITD_SMS_HTTP_URL, token: env.REMITD_SMS_HTTP_TOKEN, from: env.REMITD_SMS_FROM ?? 'remitd' };
  }
  return {
    webhooks: {
      url,
      secret,
      timeoutMs: int(env, 'REMITD_PLATFORM_WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
      maxAttempts: int(env, 'REMITD_PLATFORM_WEBHOOK_MAX_ATTEMPTS', 12, 1, 100),
      baseBackoffMs: int(env, 'REMITD_PLATFORM_WEBHOOK_BACKOFF_MS', 5_000, 1, 3_600_000),
      maxBackoffMs: int(env, 'REMITD_PLATFORM_WEBHOOK_MAX_BACKOFF_MS', 3_600_000, 1, 86_400_000),
    },
    smpp,
    smsHttp,
  };
}

function parseSettlementStamp(env: Env): { text: string; seal: Buffer | null } {
  const text = env.REMITD_SETTLEMENT_STAMP_TEXT ?? 'Settled by unified settlement task {task}';
  if (!text.trim()) throw new ConfigError('REMITD_SETTLEMENT_STAMP_TEXT', 'must not be empty');
  const file = env.REMITD_SETTLEMENT_SEAL_PNG;
  if (!file) return { text, seal: null };
  let seal: Buffer;
  try {
    seal = readFileSync(file);
  } catch (e) {
    throw new ConfigError('REMITD_SETTLEMENT_SEAL_PNG', `cannot read ${file} (${(e as Error).message})`);
  }
  if (!seal.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    throw new ConfigError('REMITD_SETTLEMENT_SEAL_PNG', `${file} is not a PNG image`);
  return { text, seal };
}

function jsonSetting<T>(env: Env, name: string, dflt: T, example: string): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new ConfigError(name, `must be JSON like ${example}`);
  }
}

function parsePayments(env: Env): PaymentsConfig {
  const decimal = /^\d+(\.\d+)?$/;
  const cardThresholds = jsonSetting(env, 'REMITD_PAYG_CARD_THRESHOLDS', { USD: '1000.00' }, '{"USD":"1000.00"}');
  for (const [ccy, v] of Object.entries(cardThresholds))
    if (!decimal.test(String(v)))
      throw new ConfigError('REMITD_PAYG_CARD_THRESHOLDS', `${ccy}: "${v}" is not a decimal`);
  const paypalRanges = jsonSetting(
    env,
    'REMITD_PAYG_PAYPAL_RANGES',
    { USD: { min: '8.00', max: '500.00' } },
    '{"USD":{"min":"8.00","max":"500.00"}}',
  );
  for (const [ccy, r] of Object.entries(paypalRanges))
    if (!decimal.test(String(r?.min)) || !decimal.test(String(r?.max)))
      throw new ConfigError('REMITD_PAYG_PAYPAL_RANGES', `${ccy}: min and max must be decimal strings`);
  const retries = (env.REMITD_PAYG_RETRY_SCHEDULE_MS ?? '3600000,21600000,86400000').split(',').filter(Boolean);
  if (retries.some((r) => !/^\d+$/.test(r.trim())))
    throw new ConfigError('REMITD_PAYG_RETRY_SCHEDULE_MS', 'must be whole milliseconds separated by commas');
  const gatewayUrl = env.REMITD_GATEWAY_URL ?? `http://127.0.0.1:${int(env, 'REMITD_GATEWAY_PORT', 3002, 0, 65535)}`;
  if (!/^https?:\/\//.test(gatewayUrl)) throw new ConfigError('REMITD_GATEWAY_URL', 'must be an http(s):// URL');
  // the simulator's well-known secret signs nothing a real gateway sends: a gateway on another
  // host must come with its own signing key
  const loopback = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(gatewayUrl);
  if (!loopback && !env.REMITD_GATEWAY_WEBHOOK_SECRET)
    throw new ConfigError(
      'REMITD_GATEWAY_WEBHOOK_SECRET',
      'required when REMITD_GATEWAY_URL names a gateway on another host: the webhook signing key it gave you (the simulator default is public)',
    );
  return {
    gatewayUrl: gatewayUrl.replace(/\/+$/, ''),
    gatewayTimeoutMs: int(env, 'REMITD_GATEWAY_TIMEOUT_MS', 10_000, 1, 600_000),
    webhookSecret: env.REMITD_GATEWAY_WEBHOOK_SECRET ?? 'gateway-simulator-secret',
    cardThresholds,
    paypalRanges,
    preauthorizationAmounts: jsonSetting(env, 'REMITD_PAYG_PREAUTH_AMOUNTS', { USD: '1.00' }, '{"USD":"1.00"}'),
    retryScheduleMs: retries.map((r) => Number(r.trim())),
    concurrency: int(env, 'REMITD_GATEWAY_CONCURRENCY', 64, 1, 1024),
  };
}
