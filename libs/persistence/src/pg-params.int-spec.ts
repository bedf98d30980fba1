import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase } from '../../../test/support/test-database';
import { arrayParam, binaryArray, pgParams } from './pg-params';
import { prng } from '../../../test/support/prng';

describe('binary array parameters against real PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let c: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    c = new Client({ connectionString: db.url });
    await c.connect();
  });
  afterAll(async () => {
    await c.end();
    await db.drop();
  });

  /** what the server reads from the binary form and from the text literal, as text */
  async function both(type: 'uuid' | 'text' | 'numeric', values: unknown[]) {
    const bin = binaryArray(type, values);
    expect(bin).not.toBeNull();
    const r = await c.query<{ bin: string; txt: string }>(
      `SELECT $1::${type}[]::text AS bin, $2::${type}[]::text AS txt`,
      [bin, arrayParam(values)],
    );
    return r.rows[0];
  }

  it('numeric: the server reads the same values as from the literal (signs, zeros, scales, long digits)', async () => {
    const rnd = prng(11);
    const fixed = [
      '0',
      '0.00',
      '-0.00',
      '1',
      '-1',
      '10000',
      '0.0001',
      '0.00001',
      '123456789.1234',
      '-0.5',
      '100000000.0000',
      '00012.3400',
      '9999.9999',
      '5',
      '50.00',
    ];
    const random = Array.from({ length: 400 }, () => {
      const int = String(Math.floor(rnd() * 10 ** Math.floor(rnd() * 15)));
      const scale = Math.floor(rnd() * 7);
      const frac = Array.from({ length: scale }, () => Math.floor(rnd() * 10)).join('');
      return `${rnd() < 0.3 ? '-' : ''}${int}${scale ? `.${frac}` : ''}`;
    });
    const r = await both('numeric', [...fixed, ...random, null]);
    expect(r.bin).toBe(r.txt);
  });

  it('uuid and text: the same values, including quotes, backslashes, braces, non-ASCII and empty strings', async () => {
    const ids = [...Array.from({ length: 50 }, () => randomUUID()), randomUUID().toUpperCase(), null];
    const u = await both('uuid', ids);
    expect(u.bin).toBe(u.txt);
    const texts = [
      '',
      'plain',
      'a "quoted" word',
      'back\\slash',
      '{braces},commas',
      'NULL',
      'Müller & Søn €',
      '🙂',
      "it's",
      null,
      '  spaces  ',
    ];
    const t = await both('text', texts);
    expect(t.bin).toBe(t.txt);
  });

  it('an element the encoder does not take goes as text, so the server judges it as before', async () => {
    expect(binaryArray('uuid', ['not-a-uuid'])).toBeNull();
    for (const odd of [
      'zzzzzzzz-0000-0000-0000-000000000000',
      '00000000000-0000-0000-0000-000000000',
      '0000000a-0000-0000-0000-00000000000é',
      '{00000000-0000-0000-0000-00000000000}',
    ]) {
      expect(binaryArray('uuid', [randomUUID(), odd])).toBeNull();
    }
    expect(binaryArray('numeric', ['1e5'])).toBeNull();
    expect(binaryArray('text', ['nul\0byte'])).toBeNull();
    const [bad] = pgParams('SELECT $1::uuid[]', [['not-a-uuid']]);
    expect(typeof bad).toBe('string');
    await expect(c.query('SELECT $1::uuid[]', [bad])).rejects.toThrow(/invalid input syntax for type uuid/);
    const [exp] = pgParams('SELECT $1::numeric[]', [['1e5']]);
    expect((await c.query<{ v: string }>('SELECT ($1::numeric[])[1]::text AS v', [exp])).rows[0].v).toBe('100000');
  });

  it('empty arrays, and arrays whose cast is not one of the three, still work', async () => {
    const [empty] = pgParams('SELECT $1::uuid[]', [[]]);
    expect(Buffer.isBuffer(empty)).toBe(true);
    expect((await c.query<{ n: number }>('SELECT cardinality($1::uuid[]) AS n', [empty])).rows[0].n).toBe(0);
    const [ints] = pgParams('SELECT $1::int[]', [[1, 2, 3]]);
    expect(ints).toBe('{"1","2","3"}');
    expect(
      (await c.query<{ s: number }>('SELECT (SELECT sum(x) FROM unnest($1::int[]) x)::int AS s', [ints])).rows[0].s,
    ).toBe(6);
  });
});
