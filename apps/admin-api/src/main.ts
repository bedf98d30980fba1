import 'reflect-metadata';
import { Logger, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiKeysService } from '@remitd/access';
import { PAYMENT_CHANNELS, type PaymentChannel } from '@remitd/billing';
import { createRootLogger, loadConfig, loggingModule, nestLogger, type RemitdConfig } from '@remitd/config';
import { ensurePrivateDir, stopWithParent } from '@remitd/core';
import {
  BillingEntitiesUseCase,
  BillingEntityRepository,
  CreateCollectionAccountUseCase,
  VirtualAccountRepository,
} from '@remitd/customers';
import { UsersService } from '@remitd/identity';
import { AdminApiModule } from './admin-api.module';
import { handOverBootstrapKey } from './bootstrap-key';
import { useBodyParsers } from './http/body';
import { withPaymentChannels } from './http/openapi';
import { validationPipe } from './http/validation';
import { HttpMetrics } from './metrics/http-metrics';

/** Logs through pino (JSON lines, pretty on a terminal) unless `logger: false` (tests). */
export async function createAdminApi(config: RemitdConfig, opts: { logger?: false } = {}): Promise<INestApplication> {
  const logging = opts.logger !== false;
  @Module({})
  class AdminApiApp {}
  const app = await NestFactory.create<NestExpressApplication>(
    {
      module: AdminApiApp,
      imports: [
        AdminApiModule.forRoot(config),
        ...(logging ? [loggingModule(createRootLogger({ service: 'admin-api' }), { http: true })] : []),
      ],
    },
    logging ? { bufferLogs: true, bodyParser: false } : { logger: false, bodyParser: false },
  );
  if (logging) app.useLogger(nestLogger(app));
  app.use(app.get(HttpMetrics).middleware);
  useBodyParsers(app);
  app.useGlobalPipes(validationPipe);
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle('remitd admin API')
    .setDescription(
      'Billing admin API of remitd: customers and credit control, exclusive virtual accounts, ledger, unmatched remittances, bills and payments. ' +
        'Every endpoint needs an API key (Authorization: Bearer …) or a console session (the httpOnly `remitd_session` cookie set by POST /auth/sign-in; with it, POST, PUT, PATCH and DELETE need the header X-CSRF-Token); money-changing POSTs need an Idempotency-Key header (listed on each). Amounts are decimal strings. ' +
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

/**
 * First start: a super-admin key (see handOverBootstrapKey), the first console user (a super
 * admin REMITD_ADMIN_EMAIL with a one-time sign-in link in the log, issue 13) and, only when asked for
 * with REMITD_SEED_DEMO=1, a demo collection account: never by default, so no real customer is
 * ever e-mailed demo bank details (issue 12 item 1). The demo also registers the three billing
 * entities of seed 002 (issue 14); a production start invents none: finance registers its own.
 */
export async function firstStart(app: INestApplication, config: RemitdConfig): Promise<void> {
  const log = new Logger('admin-api');
  const key = await app.get(ApiKeysService).ensureBootstrapKey({ force: config.bootstrap });
  if (key) {
    handOverBootstrapKey(key, {
      dataDir: config.dataDir,
      port: config.adminApiPort,
      terminal: process.stdout,
      log: (m) => log.log(m),
    });
  }
  if (!config.identity.secretsKey)
    log.warn(
      'REMITD_SECRETS_KEY is not set: two-factor (TOTP) seeds are stored unencrypted (npm start generates a key)',
    );
  const admin = await app.get(UsersService).ensureFirstAdmin();
  // the link is good for one sign-in within a day, after which the person sets a password or TOTP:
  // unlike the API key it may be logged (issue 13: `npm start` prints it)
  if (admin) log.log(`sign in to the console: ${admin.url} (one-time, 24 h)`);
  if (
    process.env.REMITD_SEED_DEMO === '1' &&
    (await app.get(VirtualAccountRepository).listCollectionAccounts()).length === 0
  ) {
    const actor = { id: 'system:bootstrap', role: 'system' };
    const demoAccount = await app.get(CreateCollectionAccountUseCase).execute({
      actor,
      name: 'Demo Bank collection account',
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
      currencies: ['EUR', 'USD', 'GBP', 'CHF'],
    });
    log.log(
      'created the demo collection account DE89 3704 0044 0532 0130 00 (EUR, USD, GBP, CHF): for trying remitd out, not for real customers',
    );
    if ((await app.get(BillingEntityRepository).count()) === 0)
      await seedDemoBillingEntities(app, config, demoAccount.id);
  } else if ((await app.get(VirtualAccountRepository).listCollectionAccounts()).length === 0) {
    log.log(
      'no collection account yet: create your bank account with POST /collection-accounts before adding customers (REMITD_SEED_DEMO=1 creates a demo one)',
    );
  }
}

/** seed 002: exclusive accounts are offered by a Singapore PTE LTD, a US LLC and a Malaysian SDN BHD. */
async function seedDemoBillingEntities(app: INestApplication, config: RemitdConfig, demoAccountId: string) {
  const actor = { id: 'system:bootstrap', role: 'system' };
  const entities = app.get(BillingEntitiesUseCase);
  const demo = [
    {
      name: `${config.providerName} (Singapore) PTE LTD`,
      country: 'SG',
      timeZone: 'Asia/Singapore',
      currencies: ['USD', 'SGD', 'EUR', 'GBP', 'CHF'],
    },
    { name: `${config.providerName} US LLC`, country: 'US', timeZone: 'America/Los_Angeles', currencies: ['USD'] },
    {
      name: `${config.providerName} (Malaysia) SDN BHD`,
      country: 'MY',
      timeZone: 'Asia/Kuala_Lumpur',
      currencies: ['USD', 'MYR'],
    },
  ];
  for (const [i, e] of demo.entries())
    await entities.create({
      actor,
      ...e,
      offersExclusiveAccounts: true,
      collectionAccountIds: i === 0 ? [demoAccountId] : [],
    });
  new Logger('admin-api').log(`created the demo billing entities of seed 002: ${demo.map((e) => e.name).join(', ')}`);
}

async function main() {
  const config = loadConfig();
  ensurePrivateDir(config.dataDir);
  const app = await createAdminApi(config);
  stopWithParent(
    () => app.close(),
    (m) => new Logger('admin-api').warn(m),
  );
  await firstStart(app, config);
  await app.listen(config.adminApiPort, '127.0.0.1');
  const port = (app.getHttpServer().address() as { port: number }).port;
  new Logger('admin-api').log(
    `listening on http://127.0.0.1:${port} (console at http://127.0.0.1:${port}/console/, OpenAPI at http://127.0.0.1:${port}/docs)`,
  );
}

if (require.main === module) {
  main().catch((e) => {
    // a start-up failure (bad setting, database down) is one line, JSON off a terminal like the rest
    createRootLogger({ service: 'admin-api', level: 'info' }).fatal(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
