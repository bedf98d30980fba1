import { signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures (HMAC-SHA256 over timestamp + "." + body)', () => {
  const body = '{"id":"e1","type":"resource.isolated"}';
  const t = 1_800_000_000;

  it('matches the documented recipe', () => {
    // docs/webhooks.md: echo -n "1800000000.$body" | openssl dgst -sha256 -hmac whsec_test
    expect(signWebhook('whsec_test', t, body)).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(
      verifyWebhook('whsec_test', { timestamp: String(t), signature: signWebhook('whsec_test', t, body) }, body, t),
    ).toBe(true);
  });

  it('refuses another body, another secret, a stale timestamp or no signature', () => {
    const sig = signWebhook('whsec_test', t, body);
    expect(verifyWebhook('whsec_test', { timestamp: String(t), signature: sig }, body + ' ', t)).toBe(false);
    expect(verifyWebhook('other', { timestamp: String(t), signature: sig }, body, t)).toBe(false);
    expect(verifyWebhook('whsec_test', { timestamp: String(t), signature: sig }, body, t + 301)).toBe(false);
    expect(verifyWebhook('whsec_test', { timestamp: String(t), signature: undefined }, body, t)).toBe(false);
  });
});
