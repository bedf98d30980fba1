import { PrismaService } from '@remitd/persistence';
import { startTestAdminApi, type TestApi } from './support/admin-api';

/**
 * Rows written by one transaction share its timestamp to the microsecond; a cursor that carries a
 * JS Date (milliseconds) or no id tie-break repeats or skips them. Every list is filled with more
 * rows than a page on one shared sub-millisecond timestamp (and a few a microsecond either side)
 * and paged through: each row must come back exactly once.
 */
describe('api item 17: lists that neither repeat nor skip', () => {
  let api: TestApi;
  let auth: { Authorization: string };
  let prisma: PrismaService;
  const SHARED = 130; // rows on the one timestamp
  const NEIGHBOURS = 4; // rows one microsecond before and after it
  const LIMIT = 50;
  const total = SHARED + 2 * NEIGHBOURS;
  const customerId = '00000000-0000-4000-8000-0000000000c1';
  const billId = '00000000-0000-4000-8000-0000000000b1';

  // the same instant in every table: 123 ms and 457 µs, which a JS Date cannot hold
  const at = (offsetMicros: number) =>
    `timestamptz '2026-05-01 10:00:00.123457+00' + ${offsetMicros} * interval '1 microsecond'`;
  // row n: the first NEIGHBOURS a microsecond early, the last NEIGHBOURS a microsecond late, the rest shared
  const stampOf = (n: string) =>
    `CASE WHEN ${n} <= ${NEIGHBOURS} THEN ${at(-1)} WHEN ${n} > ${SHARED + NEIGHBOURS} THEN ${at(1)} ELSE ${at(0)} END`;

  beforeAll(async () => {
    api = await startTestAdminApi();
    auth = { Authorization: `Bearer ${api.superKey}` };
    prisma = api.app.get(PrismaService);
    const series = `generate_series(1, ${total}) AS n`;
    const statements = [
      `INSERT INTO customers (id, reference, name, email, currency, created_at)
       SELECT gen_random_uuid(), 'RCPAGE' || lpad(n::text, 4, '0'), 'Paging customer ' || n, 'c' || n || '@example.test', 'EUR', ${stampOf('n')}
       FROM ${series}`,
      `INSERT INTO remittances (id, entry_id, state, rule, confidence, explanation, currency, booked_amount, remitted_amount, created_at)
       SELECT gen_random_uuid(), gen_random_uuid(), 'credited', 'virtual_account', 1, 'batch', 'EUR', 10, 10, ${stampOf('n')}
       FROM ${series}`,
      `INSERT INTO bills (id, customer_id, reference, billing_cycle, issued_at, currency, amount)
       SELECT CASE WHEN n = 1 THEN '${billId}'::uuid ELSE gen_random_uuid() END, '${customerId}', 'B-PAGE-' || n,
              -- repayment records are shown for bills of January 2023 onwards
              to_char(date '2023-01-01' + (n || ' months')::interval, 'YYYY-MM'), ${stampOf('n')}, 'EUR', 10
       FROM ${series}`,
      `INSERT INTO repayments (id, bill_id, customer_id, method, amount, currency, journal_entry_id, created_at)
       SELECT gen_random_uuid(), '${billId}', '${customerId}', 'balance', 1, 'EUR', gen_random_uuid(), ${stampOf('n')}
       FROM ${series}`,
      `INSERT INTO statement_files (id, sha256, source_id, file_name, size, status, stored_path, received_at)
       SELECT gen_random_uuid(), md5(n::text), 'paging', 'file-' || n || '.xml', 1, 'ingested', '/nowhere', ${stampOf('n')}
       FROM ${series}`,
      `INSERT INTO statement_alerts (id, kind, account_key, message, created_at)
       SELECT gen_random_uuid(), 'balance_break', 'DE00PAGING', 'alert ' || n, ${stampOf('n')}
       FROM ${series}`,
      `INSERT INTO approval_requests (id, kind, payload, summary, maker_id, maker_role, created_at)
       SELECT gen_random_uuid(), 'coupon', '{}', 'paging ' || n, 'paging-maker', 'account_manager', ${stampOf('n')}
       FROM ${series}`,
      `INSERT INTO notifications (id, dedupe_key, channel, recipient, template, payload, status, created_at)
       SELECT gen_random_uuid(), 'paging:' || n, 'email', 'paging@example.test', 'funds-received', '{}', 'failed', ${stampOf('n')}
       FROM ${series}`,
      `INSERT INTO audit_log (actor, action, entity_type, entity_id, payload, created_at)
       SELECT 'paging', 'paging.test', 'paging', n::text, '{}', ${stampOf('n')}
       FROM ${series}`,
    ];
    for (const sql of statements) await prisma.$executeRawUnsafe(sql);
  });
  afterAll(() => api.close());

  async function pageThrough(path: string): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await api
        .http()
        .get(path)
        .query({ limit: LIMIT, ...(cursor ? { cursor } : {}) })
        .set(auth);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((item) => String(item.id)));
      cursor = res.body.nextCursor;
      if (!cursor) return seen;
    }
    throw new Error(`${path}: still paging after 20 pages (${seen.length} items)`);
  }

  const expectEachOnce = (seen: string[], expected: number) => {
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(expected);
  };

  it.each([
    ['/remittances?state=credited'],
    ['/bills'],
    ['/repayments'],
    ['/statement-files'],
    ['/statement-alerts'],
    ['/customers?search=Paging customer'],
    ['/audit-log?actor=paging'],
    ['/approval-requests?state=pending'],
    ['/notifications?status=failed'],
  ])('GET %s returns every row exactly once though they share one microsecond timestamp', async (path) => {
    expectEachOnce(await pageThrough(path), total);
  });

  it('a cursor carries the full-precision sort key: the shared rows come in (timestamp, id) order', async () => {
    const seen = await pageThrough('/remittances?state=credited');
    const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id::text FROM remittances WHERE state = 'credited' ORDER BY created_at, id`,
    );
    expect(seen).toEqual(rows.map((r) => r.id));
  });

  it("a cursor of one list is refused by another (400 INVALID_CURSOR naming 'cursor')", async () => {
    const first = await api.http().get('/bills').query({ limit: 1 }).set(auth);
    const res = await api
      .http()
      .get('/remittances')
      .query({ state: 'credited', cursor: first.body.nextCursor })
      .set(auth);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_CURSOR', field: 'cursor' });
  });
});
