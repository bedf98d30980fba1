import { createTestContext } from '../../../test/support/test-app';
import { AccessModule } from './access.module';
import { ApiKeysService } from './api-keys.service';

describe('bootstrap super-admin key against real PostgreSQL', () => {
  let t: Awaited<ReturnType<typeof createTestContext>>;
  let keys: ApiKeysService;
  beforeAll(async () => {
    t = await createTestContext([AccessModule]);
    keys = t.get(ApiKeysService);
  });
  afterAll(() => t.close());

  it('re-bootstraps only on a brand-new database or when asked, not merely when no super admin is left', async () => {
    const first = await keys.ensureBootstrapKey();
    expect(first).toMatch(/^rmd_/);
    expect(await keys.authenticate(first!)).toMatchObject({ role: 'super_admin' });
    expect(await keys.ensureBootstrapKey()).toBeNull();

    // the only super admin revoked: a restart must not mint a new one behind the operators' back
    const [row] = await keys.list();
    await keys.revoke({ id: 'test', role: 'super_admin' }, row.id);
    expect(await keys.ensureBootstrapKey()).toBeNull();

    // REMITD_BOOTSTRAP=1
    const forced = await keys.ensureBootstrapKey({ force: true });
    expect(forced).toMatch(/^rmd_/);
    expect(forced).not.toBe(first);
    expect(await keys.authenticate(forced!)).toMatchObject({ role: 'super_admin' });
  });
});
