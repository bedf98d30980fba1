/**
 * The month-end pay-as-you-go sweep as its own process, for the kill -9 test
 * (test/payg-kill9.e2e-spec.ts): builds the reconciler's Nest context without schedulers and
 * runs PaygDeductionUseCase.monthEnd(cycle), printing `done <json>` when it finishes.
 *
 *   node -r @swc-node/register test/support/payg-sweep-worker.ts '<json {databaseUrl, gatewayUrl, cycle}>'
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@remitd/config';
import { PaygDeductionUseCase } from '@remitd/payments';
import { ReconcilerModule } from '../../apps/reconciler/src/reconciler.module';

async function main() {
  const args = JSON.parse(process.argv[2]) as { databaseUrl: string; gatewayUrl: string; cycle: string };
  const config = loadConfig({
    DATABASE_URL: args.databaseUrl,
    REMITD_GATEWAY_URL: args.gatewayUrl,
    REMITD_GATEWAY_CONCURRENCY: '16',
    REMITD_DATA_DIR: '/tmp/remitd-test-data',
  });
  const app = await NestFactory.createApplicationContext(ReconcilerModule.forRoot(config, { schedulers: false }), {
    logger: false,
  });
  const result = await app.get(PaygDeductionUseCase).monthEnd(args.cycle, new Date());
  console.log(`done ${JSON.stringify(result)}`);
  await app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
