import fc from 'fast-check';
import type { RoleName } from '@remitd/access';
import { startTestAdminApi, type TestApi } from './support/admin-api';

/**
 * Walks the OpenAPI document the admin API serves and sends every operation generated bad input —
 * path parameters, query parameters, cursors, bodies and headers — with every role's key (and
 * none). The only acceptable answers are 2xx, or 4xx in the API's error shape
 * `{ error: { code, message } }`. Fixed seed: a failure reproduces.
 */
type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  example?: unknown;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
};
type OpenApi = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

interface Case {
  path: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  rawBody?: string;
  idempotencyKey?: string;
}

const SEED = 20261114;
const CASES_PER_OPERATION_AND_KEY = 9;

/** every byte outside the unreserved set, so lone surrogates and NULs reach the server as bytes */
const percentEncode = (value: string) =>
  [...Buffer.from(value, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : '%' + b.toString(16).padStart(2, '0'),
    )
    .join('');
/** `arbitrary` in one case of `oneIn`, otherwise undefined */
const oneIn = <T>(oneIn: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** strings people and attackers send where an id, a date, an amount or a name belongs */
const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e309',
    'NaN',
    'Infinity',
    'null',
    'undefined',
    'true',
    '[]',
    '{}',
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-00',
    '2026-W01',
    '0000-00-00',
    '99999-12-31',
    '2026-01-01T25:61:00Z',
    '99999999999999999999.99',
    '123456789012345678901234567890',
    '12345678901234567.00',
    '-5.00',
    '0.0000001',
    '1,000.00',
    ' 12.00 ',
    "'; DROP TABLE bills; --",
    '../../etc/passwd',
    '%00',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '😀💸',
    'ＡＢＣ',
    '<script>alert(1)</script>',
    'a'.repeat(5000),
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '9223372036854775808',
    '-9223372036854775809',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.uuid(),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((n) => `${n}.00`),
);

const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), nastyString, { maxKeys: 3 }),
  fc.constant({ __proto__: { admin: true } }),
);

/** cursors: garbage, well-formed JSON of the wrong shape, and right shapes with out-of-range values */
const nastyCursor = (harvested: string[]) =>
  fc.oneof(
    nastyString,
    nastyString.map(b64),
    nastyJson.map(b64),
    fc
      .record({ list: fc.constantFrom('bills', 'remittances', 'audit-log', 'x'), at: nastyJson, id: nastyJson })
      .map(b64),
    fc
      .record({
        list: fc.constantFrom('bills', 'repayments', 'statement-files', 'audit-log'),
        at: fc.constantFrom('9999999999999999', '0', '1'),
        id: fc.uuid(),
      })
      .map(b64),
    fc.record({ list: fc.constant('audit-log'), seq: nastyString }).map(b64),
    fc.record({ createdAt: fc.constantFrom('2026-02-30', 'x'), id: nastyString }).map(b64),
    fc.constantFrom(b64('"abc"'), b64('12345'), b64('null'), 'MjAyNi0wMi0zMA', '=====', '.'),
    ...(harvested.length ? [fc.constantFrom(...harvested)] : []),
  );

describe('api item 14: bad input gets a 4xx, never a 500 (OpenAPI-driven fuzz)', () => {
  let api: TestApi;
  let doc: OpenApi;
  const keys: { role: RoleName | 'none' | 'unknown'; header?: string }[] = [];
  const real: { customerId: string; cursors: string[] } = { customerId: '', cursors: [] };

  beforeAll(async () => {
    api = await startTestAdminApi({}, { collectionAccount: false });
    const auth = { Authorization: `Bearer ${api.superKey}` };
    await api
      .http()
      .post('/collection-accounts')
      .set(auth)
      .send({ name: 'Fuzz bank', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', currencies: ['EUR'] })
      .expect(201);
    const customer = await api
      .http()
      .post('/customers')
      .set(auth)
      .set('Idempotency-Key', 'fuzz-customer')
      .send({ name: 'Fuzz Ltd', email: 'fuzz@example.test', currency: 'EUR', creditLimit: '100.00' })
      .expect(201);
    real.customerId = customer.body.id;
    for (let n = 0; n < 3; n++) {
      await api
        .http()
        .post('/customers')
        .set(auth)
        .set('Idempotency-Key', `fuzz-other-${n}`)
        .send({ name: `Other ${n}`, email: `o${n}@example.test`, currency: 'EUR' })
        .expect(201);
    }
    // real cursors of real lists, to be replayed against the other lists
    for (const list of ['/customers', '/audit-log']) {
      const res = await api.http().get(list).query({ limit: 1 }).set(auth);
      if (res.body.nextCursor) real.cursors.push(res.body.nextCursor);
    }
    keys.push({ role: 'super_admin', header: `Bearer ${api.superKey}` });
    for (const role of ['admin', 'account_manager', 'finance'] as const) {
      keys.push({ role, header: `Bearer ${await api.keyFor(role)}` });
    }
    keys.push({ role: 'member', header: `Bearer ${await api.keyFor('member', real.customerId)}` });
    keys.push({ role: 'none' }, { role: 'unknown', header: 'Bearer rmd_not_a_key' });
    doc = (await api.http().get('/docs/openapi.json').expect(200)).body;
  });
  afterAll(() => api.close());

  const resolve = (schema: Schema | undefined): Schema | undefined => {
    if (!schema?.$ref) return schema;
    return doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')];
  };

  /** a value for one declared property: mostly bad, sometimes plausible so the next check is reached */
  const valueFor = (schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> => {
    const s = resolve(schema);
    const plausible: fc.Arbitrary<unknown>[] = [];
    if (s?.example !== undefined) plausible.push(fc.constant(s.example));
    if (s?.enum) plausible.push(fc.constantFrom(...s.enum));
    if (s?.format === 'uuid') plausible.push(fc.constant(real.customerId));
    if (s?.type === 'boolean') plausible.push(fc.boolean());
    if (s?.type === 'object' && s.properties && depth < 3) plausible.push(bodyFor(s, depth + 1));
    if (s?.type === 'array' && depth < 3) plausible.push(fc.array(valueFor(s.items, depth + 1), { maxLength: 3 }));
    if (typeof s?.example === 'string' && /^\d+\.\d+$/.test(s.example)) {
      plausible.push(fc.integer({ min: 15, max: 40 }).map((digits) => '9'.repeat(digits) + '.00'));
    }
    // mostly plausible, so a request gets past the first check and the deeper ones are probed too
    return plausible.length
      ? fc.oneof({ weight: 2, arbitrary: nastyJson }, ...plausible.map((arbitrary) => ({ weight: 3, arbitrary })))
      : nastyJson;
  };

  const bodyFor = (schema: Schema | undefined, depth = 0): fc.Arbitrary<Record<string, unknown>> => {
    const s = resolve(schema);
    const props = Object.entries(s?.properties ?? {});
    return fc
      .tuple(
        fc.tuple(
          ...props.map(([, p]) =>
            fc.oneof({ weight: 5, arbitrary: valueFor(p, depth) }, { weight: 1, arbitrary: fc.constant(undefined) }),
          ),
        ),
        fc.oneof(
          { weight: 4, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), nastyJson, { maxKeys: 2 }) },
        ),
      )
      .map(([values, extra]) => {
        const body: Record<string, unknown> = { ...(extra ?? {}) };
        props.forEach(([name], n) => {
          if (values[n] !== undefined) body[name] = values[n];
        });
        return body;
      });
  };

  const caseFor = (op: Operation): fc.Arbitrary<Case> => {
    const params = op.parameters ?? [];
    const pathParams = params.filter((p) => p.in === 'path');
    const queryParams = params.filter((p) => p.in === 'query');
    const bodySchema = op.requestBody && Object.values(op.requestBody.content)[0]?.schema;
    return fc.record({
      path: fc
        .tuple(
          ...pathParams.map(() =>
            fc.oneof(
              { weight: 2, arbitrary: nastyString },
              { weight: 3, arbitrary: fc.constant(real.customerId) },
              { weight: 1, arbitrary: fc.constantFrom('2026-02', '2026-13', '1999-01') },
            ),
          ),
        )
        .map((values) => Object.fromEntries(pathParams.map((p, n) => [p.name, values[n]]))),
      query: fc
        .tuple(
          ...queryParams.map((p) =>
            oneIn(
              2,
              p.name === 'cursor'
                ? nastyCursor(real.cursors)
                : fc.oneof(valueFor(p.schema), fc.array(nastyString, { minLength: 2, maxLength: 3 })),
            ),
          ),
        )
        .map((values) =>
          Object.fromEntries(queryParams.flatMap((p, n) => (values[n] === undefined ? [] : [[p.name, values[n]]]))),
        ),
      body: bodySchema ? fc.oneof({ weight: 5, arbitrary: bodyFor(bodySchema) }, nastyJson) : fc.constant(undefined),
      rawBody: oneIn(8, fc.constantFrom('{"amount":', 'not json', '[1,2', '{"a":'.repeat(50), '\u0000')),
      idempotencyKey: fc.oneof(
        { weight: 1, arbitrary: fc.constant(undefined) },
        {
          weight: 4,
          arbitrary: fc.oneof(
            { weight: 3, arbitrary: fc.uuid() },
            nastyString.filter((k) => /^[\x20-\x7e]*$/.test(k)),
          ),
        },
      ),
    });
  };

  it('every operation, every role, generated bad input: only 2xx or 4xx with the error shape', async () => {
    // an event stream (GET /events) never ends: its auth and roles are tested in events.e2e-spec.ts
    const streams = (op: Operation) => !!op.responses?.['200']?.content?.['text/event-stream'];
    const operations = Object.entries(doc.paths)
      .flatMap(([template, methods]) => Object.entries(methods).map(([method, op]) => ({ template, method, op })))
      .filter(({ op }) => !streams(op));
    expect(operations.length).toBeGreaterThan(30);
    const unexpected: string[] = [];
    const withoutField: string[] = [];
    let requests = 0;
    let seed = SEED;
    for (const { template, method, op } of operations) {
      for (const key of keys) {
        const cases = fc.sample(caseFor(op), { seed: seed++, numRuns: CASES_PER_OPERATION_AND_KEY });
        for (const c of cases) {
          const url = template.replace(/\{(\w+)\}/g, (_, name: string) => percentEncode(c.path[name] ?? ''));
          let req = api
            .http()
            [method as 'get' | 'post' | 'patch' | 'delete'](url)
            .query(c.query as Record<string, string>);
          if (key.header) req = req.set('Authorization', key.header);
          if (c.idempotencyKey !== undefined) req = req.set('Idempotency-Key', c.idempotencyKey);
          if (method !== 'get' && method !== 'delete') {
            const text = c.rawBody ?? (c.body === undefined ? undefined : JSON.stringify(c.body));
            if (text !== undefined) req = req.set('Content-Type', 'application/json').send(text);
          }
          const res = await req;
          requests++;
          const shaped =
            res.status < 300 ||
            (typeof res.body?.error?.code === 'string' && typeof res.body?.error?.message === 'string');
          // openapi item 9: a 400 names what was wrong (a body field, a parameter, a header or the body)
          if (res.status === 400 && typeof res.body?.error?.field !== 'string') {
            withoutField.push(`400 ${method.toUpperCase()} ${url} → ${JSON.stringify(res.body).slice(0, 200)}`);
          }
          if (res.status >= 500 || res.status < 200 || (res.status >= 300 && res.status < 400) || !shaped) {
            unexpected.push(
              `${res.status} ${method.toUpperCase()} ${url} as ${key.role} query=${JSON.stringify(c.query).slice(0, 200)} ` +
                `body=${(c.rawBody ?? JSON.stringify(c.body) ?? '').slice(0, 200)} → ${JSON.stringify(res.body).slice(0, 200)}`,
            );
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(2000);
    expect(unexpected.slice(0, 25)).toEqual([]);
    expect(withoutField.slice(0, 25)).toEqual([]);
  }, 180_000);

  describe('the cases the probe found', () => {
    const auth = () => ({ Authorization: `Bearer ${api.superKey}` });
    const expectError = (res: { status: number; body: { error?: unknown } }, status: number, error: object) => {
      expect(res.status).toBe(status);
      expect(res.body.error).toMatchObject(error);
    };

    it.each(['/bills', '/repayments', '/audit-log', '/statement-files', '/remittances', '/customers'])(
      'a malformed or foreign cursor on GET %s is 400 INVALID_CURSOR naming cursor',
      async (list) => {
        const foreign = real.cursors.find((c) => !c.startsWith(b64({ list: list.slice(1) }).slice(0, 10)));
        for (const cursor of ['MTIzNDU', 'bnVsbA', '8J-YgPCfkrg', b64({ createdAt: 'x', id: '1' }), foreign]) {
          if (!cursor) continue;
          expectError(await api.http().get(list).query({ cursor }).set(auth()), 400, {
            code: 'INVALID_CURSOR',
            field: 'cursor',
          });
        }
      },
    );

    it('acknowledging an unknown statement alert is 404', async () => {
      const res = await api
        .http()
        .post('/statement-alerts/290e6fdd-71fc-49f9-8e14-44d0295ca327/acknowledge')
        .set(auth());
      expectError(res, 404, { code: 'STATEMENT_ALERT_NOT_FOUND' });
    });

    it.each([
      ['/repayments', 'from', '2026-02-30'],
      ['/repayments', 'to', '2025-02-29'],
      ['/repayments', 'from', '2026-W01'],
      ['/customers/{id}/statement', 'from', '2026-02-30'],
      ['/customers/{id}/statement', 'to', '2026-04-31T10:00:00Z'],
    ])('GET %s?%s=%s (a day that does not exist) is 400 naming the field', async (path, field, value) => {
      const res = await api
        .http()
        .get(path.replace('{id}', real.customerId))
        .query({ [field]: value })
        .set(auth());
      expectError(res, 400, { code: 'VALIDATION_FAILED', field });
    });

    it('a real leap day is a date', async () => {
      expect((await api.http().get('/repayments').query({ from: '2024-02-29' }).set(auth())).status).toBe(200);
    });

    it('an amount with more integer digits than the column holds is 400 naming the field', async () => {
      const topUp = await api
        .http()
        .post(`/customers/${real.customerId}/top-ups`)
        .set(auth())
        .set('Idempotency-Key', 'fuzz-huge-top-up')
        .send({ amount: '12345678901234567.00', reference: 'too much' });
      expectError(topUp, 400, { code: 'AMOUNT_TOO_LARGE', field: 'amount' });
      const customer = await api
        .http()
        .post('/customers')
        .set(auth())
        .set('Idempotency-Key', 'fuzz-huge-limit')
        .send({ name: 'Huge', email: 'huge@example.test', currency: 'EUR', creditLimit: '1'.repeat(30) });
      expectError(customer, 400, { code: 'AMOUNT_TOO_LARGE', field: 'creditLimit' });
    });

    it('a second collection account with the same IBAN is 409, not a unique-violation 500', async () => {
      const res = await api
        .http()
        .post('/collection-accounts')
        .set(auth())
        .send({ name: 'Again', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', currencies: ['EUR'] });
      expectError(res, 409, { code: 'COLLECTION_ACCOUNT_EXISTS' });
    });
  });
});
