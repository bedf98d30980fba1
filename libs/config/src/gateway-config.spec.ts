import { loadConfig } from './config';

describe('payment gateway settings', () => {
  const base = { DATABASE_URL: 'postgresql://remitd@127.0.0.1:5432/remitd' };

  it('refuses a gateway on another host without its own webhook signing key, naming the setting', () => {
    expect(() => loadConfig({ ...base, REMITD_GATEWAY_URL: 'https://api.gateway.example' })).toThrow(
      /REMITD_GATEWAY_WEBHOOK_SECRET/,
    );
    const ok = loadConfig({
      ...base,
      REMITD_GATEWAY_URL: 'https://api.gateway.example/',
      REMITD_GATEWAY_WEBHOOK_SECRET: 'whsec_live',
    });
    expect(ok.payments.webhookSecret).toBe('whsec_live');
  });

  it('keeps the simulator default on this machine', () => {
    expect(loadConfig({ ...base, REMITD_GATEWAY_URL: 'http://127.0.0.1:4010' }).payments.webhookSecret).toBe(
      'gateway-simulator-secret',
    );
  });
});
