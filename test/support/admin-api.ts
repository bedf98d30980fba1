import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ApiKeysService, type RoleName } from '@remitd/access';
import { loadConfig } from '@remitd/config';
import { CreateCollectionAccountUseCase } from '@remitd/customers';
import { createAdminApi } from '../../apps/admin-api/src/main';
import { createTestDatabase } from './test-database';

export interface TestApi {
  app: INestApplication;
  url: string;
  superKey: string;
  keyFor(role: RoleName, customerId?: string): Promise<string>;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * The real admin API (HTTP on an ephemeral port) on a fresh database, with a collection account
 * holding EUR, USD, GBP and CHF (customers are created only in currencies one holds) unless
 * `collectionAccount: false`.
 */
export async function startTestAdminApi(
  env: Record<string, string> = {},
  opts: { collectionAccount?: boolean } = {},
): Promise<TestApi> {
  const db = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: db.url,
    ADMIN_API_PORT: '0',
    REMITD_DATA_DIR: '/tmp/remitd-test-data',
    ...env,
  });
  const app = await createAdminApi(config, { logger: false });
  // ADMIN_API_PORT=0 (the default here): an ephemeral port; a test that must know the URL first passes one
  await app.listen(config.adminApiPort, '127.0.0.1');
  const keys = app.get(ApiKeysService);
  const superKey = (await keys.ensureBootstrapKey())!;
  const system = { id: 'test', role: 'super_admin' };
  if (opts.collectionAccount !== false)
    await app.get(CreateCollectionAccountUseCase).execute({
      actor: system,
      name: 'Test bank collection account',
      iban: 'GB29NWBK60161331926819',
      bic: 'NWBKGB2LXXX',
      currencies: ['EUR', 'USD', 'GBP', 'CHF'],
    });
  return {
    app,
    url: db.url,
    superKey,
    keyFor: async (role, customerId) =>
      (await keys.create({ actor: system, name: `test ${role}`, role, customerId })).key,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
