import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiKeysService } from '@remitd/access';
import { PAYMENT_CHANNELS, type PaymentChannel } from '@remitd/billing';
import { loadConfig, type RemitdConfig } from '@remitd/config';
import { CreateCollectionAccountUseCase, VirtualAccountRepository } from '@remitd/customers';
import { AdminApiModule } from './admin-api.module';
import { useBodyParsers } from './http/body';
import { withPaymentChannels } from './http/openapi';
import { validationPipe } from './http/validation';

export async function createAdminApi(config: RemitdConfig, opts: { logger?: false } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AdminApiModule.forRoot(config), {
    logger: opts.logger ?? ['log', 'warn', 'error'],
    bufferLogs: false,
    bodyParser: false,
  });
  useBodyParsers(app);
  app.useGlobalPipes(validationPipe);
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle('remitd admin API')
    .setDescription(
      'Billing admin API of remitd: customers and credit control, exclusive virtual accounts, ledger, unmatched remittances, bills and payments. ' +
        'Every endpoint needs an API key (Authorization: Bearer …); money-changing POSTs need an Idempotency-Key header (listed on each). Amounts are decimal strings. ' +
        'Errors answer `{ "error": { "code", "message", "field"? } }`: `code` is stable, and a 400 names the field, parameter or header at fault (`body` for a body that is not JSON).',
    )
    .setVersion('0.1.0')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      // opaque keys (rmd_…), not JWTs: the bearer format is a hint for people and generated clients
      bearerFormat: 'API key',
      description: 'API key created by POST /api-keys (the first one is printed on first start)',
    })
    .build();
  // payment channels are plugged in at start-up: the document lists the ones this server has
  const channels = app.get<PaymentChannel[]>(PAYMENT_CHANNELS).map((c) => c.name);
  SwaggerModule.setup('docs', app, () => withPaymentChannels(SwaggerModule.createDocument(app, doc), channels), {
    jsonDocumentUrl: 'docs/openapi.json',
  });
  return app;
}

/** First start: a super-admin key (printed once, kept in the data dir) and, on the embedded default, a demo collection account. */
async function firstStart(app: INestApplication, config: RemitdConfig): Promise<void> {
  const log = new Logger('admin-api');
  const key = await app.get(ApiKeysService).ensureBootstrapKey();
  if (key) {
    mkdirSync(config.dataDir, { recursive: true });
    const file = path.join(config.dataDir, 'bootstrap-admin-key');
    writeFileSync(file, key + '\n', { mode: 0o600 });
    log.log(
      `\n\n  Bootstrap super-admin API key (shown once, also saved to ${file}):\n\n    ${key}\n\n  Use it as: curl -H "Authorization: Bearer ${key}" http://127.0.0.1:${config.adminApiPort}/customers\n`,
    );
  }
  if (
    process.env.REMITD_SEED_DEMO === '1' &&
    (await app.get(VirtualAccountRepository).listCollectionAccounts()).length === 0
  ) {
    const actor = { id: 'system:bootstrap', role: 'system' };
    await app.get(CreateCollectionAccountUseCase).execute({
      actor,
      name: 'Demo Bank collection account',
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
      currencies: ['EUR', 'USD', 'GBP', 'CHF'],
    });
    log.log('created the demo collection account DE89 3704 0044 0532 0130 00 (EUR, USD, GBP, CHF)');
  }
}

async function main() {
  const config = loadConfig();
  const app = await createAdminApi(config);
  await firstStart(app, config);
  await app.listen(config.adminApiPort, '127.0.0.1');
  new Logger('admin-api').log(
    `listening on http://127.0.0.1:${config.adminApiPort} (OpenAPI at http://127.0.0.1:${config.adminApiPort}/docs)`,
  );
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
