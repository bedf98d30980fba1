import { loadConfig } from '@remitd/config';
import { PrismaService } from '@remitd/persistence';
import { createTestContext } from '../../../test/support/test-app';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server';
import { DispatchNotificationsUseCase } from './dispatch-notifications.usecase';
import { channelsFromConfig, NotificationsModule } from './notifications.module';
import { OutboxRepository } from './outbox.repository';

const smtpEnv = (port: number, extra: Record<string, string> = {}) => ({
  DATABASE_URL: 'postgresql://unused/unused',
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(port),
  SMTP_FROM: 'billing@remitd.test',
  ...extra,
});

const payload = {
  customerName: 'Acme Ltd',
  currency: 'EUR',
  bills: [{ billReference: 'B-1', cycle: '2026-10', amountPaid: '10.00', status: 'paid' }],
  settledOn: '2026-11-02',
};

describe('issue 11 item 9: SMTP_REQUIRE_TLS — with credentials set, STARTTLS cannot be stripped', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    // the test server offers no STARTTLS, as a server would whose STARTTLS a man in the middle stripped
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.close());

  it('is on by default when SMTP credentials are set, off without them, and can be set either way', () => {
    const mail = (extra: Record<string, string>) => loadConfig(smtpEnv(smtp.port, extra)).mail;
    expect(mail({ SMTP_USER: 'remitd', SMTP_PASS: 'secret' })).toMatchObject({ kind: 'smtp', requireTls: true });
    expect(mail({})).toMatchObject({ kind: 'smtp', requireTls: false });
    expect(mail({ SMTP_REQUIRE_TLS: 'true' })).toMatchObject({ requireTls: true });
    expect(mail({ SMTP_USER: 'remitd', SMTP_PASS: 'secret', SMTP_REQUIRE_TLS: 'false' })).toMatchObject({
      requireTls: false,
    });
    expect(() => mail({ SMTP_REQUIRE_TLS: 'maybe' })).toThrow(/SMTP_REQUIRE_TLS/);
  });

  it('a server that offers no STARTTLS gets nothing in clear: the send fails clearly and is retried', async () => {
    const config = loadConfig(smtpEnv(smtp.port, { SMTP_USER: 'remitd', SMTP_PASS: 'secret' }));
    const t = await createTestContext([NotificationsModule.forRoot({ channels: channelsFromConfig(config.mail) })]);
    try {
      await t.get(OutboxRepository).enqueue(t.get(PrismaService), {
        dedupeKey: 'tls-1',
        channel: 'email',
        recipient: 'customer@example.com',
        template: 'bills-settled',
        payload,
      });
      const result = await t.get(DispatchNotificationsUseCase).execute();
      expect(result).toMatchObject({ claimed: 1, sent: 0, retrying: 1, failed: 0 });
      expect(smtp.messages).toHaveLength(0);
      const row = await t.get(PrismaService).notification.findUniqueOrThrow({ where: { dedupeKey: 'tls-1' } });
      expect(row.status).toBe('pending');
      expect(row.lastError).toMatch(/STARTTLS/);
      expect(row.lastError).toMatch(/SMTP_REQUIRE_TLS/);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    } finally {
      await t.close();
    }
  });

  it('turned off explicitly, the same server gets the message (what the default now prevents)', async () => {
    const config = loadConfig(
      smtpEnv(smtp.port, { SMTP_USER: 'remitd', SMTP_PASS: 'secret', SMTP_REQUIRE_TLS: 'false' }),
    );
    const t = await createTestContext([NotificationsModule.forRoot({ channels: channelsFromConfig(config.mail) })]);
    try {
      await t.get(OutboxRepository).enqueue(t.get(PrismaService), {
        dedupeKey: 'tls-2',
        channel: 'email',
        recipient: 'customer@example.com',
        template: 'bills-settled',
        payload,
      });
      expect(await t.get(DispatchNotificationsUseCase).execute()).toMatchObject({ sent: 1 });
      expect(smtp.messages).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
