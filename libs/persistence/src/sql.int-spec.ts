import { createTestDatabase } from '../../../test/support/test-database';
import { SqlTransactions } from './sql';

/**
 * Prepared statements are opt-in per transaction: an API payment's short lookups are parsed and
 * planned once per connection; a batch's statements are planned for each run, with the arrays it
 * passes (a generic plan made while a table was small cannot hash an `= ANY($1)` array).
 */
describe('SqlTransactions: prepared statements', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let sql: SqlTransactions;

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new SqlTransactions(db.url, 1);
  });
  afterAll(async () => {
    await sql.onModuleDestroy();
    await db.drop();
  });

  const lookup = 'SELECT count(*)::int AS n FROM generate_series(1, 3) g WHERE g = ANY($1::int[])';
  const preparedHere = (tx: Parameters<Parameters<SqlTransactions['run']>[0]>[0]) =>
    tx.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1`,
      lookup,
    );

  it('a batch transaction (the default) prepares nothing', async () => {
    const [seen] = await sql.run(async (tx) => {
      expect(await tx.$queryRawUnsafe(lookup, [1, 2])).toEqual([{ n: 2 }]);
      return preparedHere(tx);
    });
    expect(seen.n).toBe(0);
  });

  it('a transaction run with `prepared` prepares its statements once per connection', async () => {
    for (let i = 0; i < 3; i++) {
      const [seen] = await sql.run(
        async (tx) => {
          expect(await tx.$queryRawUnsafe(lookup, [1, 2, 3])).toEqual([{ n: 3 }]);
          return preparedHere(tx);
        },
        { prepared: true },
      );
      // one pooled connection: the statement prepared by the first run is reused, not prepared again
      expect(seen.n).toBe(1);
    }
  });
});
