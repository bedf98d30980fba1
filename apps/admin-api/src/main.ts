import 'reflect-metadata';
import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { loadConfig, type RemitdConfig } from '@remitd/config';
import { AdminApiModule } from './admin-api.module';
import { validationPipe } from './http/validation';

export async function createAdminApi(config: RemitdConfig, opts: { logger?: false } = {}): Promise<INestApplication> {
  const app = await NestFactory.create(AdminApiModule.forRoot(config), { logger: opts.logger ?? ['log', 'warn', 'error'], bufferLogs: false });
  app.useGlobalPipes(validationPipe);
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle('remitd admin API')
    .setDescription(
      'Billing admin API of remitd: customers and credit control, exclusive virtual accounts, ledger, unmatched remittances, bills and payments. ' +
        'Every endpoint needs an API key (Authorization: Bearer …); money-changing POSTs need an Idempotency-Key header. Amounts are decimal strings.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key' })
    .addGlobalParameters({ name: 'Idempotency-Key', in: 'header', required: false, description: 'required on money-changing POSTs', schema: { type: 'string' } })
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

async function main() {
  const config = loadConfig();
  const app = await createAdminApi(config);
  await app.listen(config.adminApiPort, '127.0.0.1');
  new Logger('admin-api').log(`listening on http://127.0.0.1:${config.adminApiPort} (OpenAPI at /docs)`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
