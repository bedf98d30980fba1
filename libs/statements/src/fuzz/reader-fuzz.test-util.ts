import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { collectStatements, readStatements } from '../read-statements';
import { StatementParseError, type StatementFormat } from '../statement.model';

/**
 * Test-only reader fuzzing: random mutations of the project's own fixtures (test/fixtures/*),
 * each of which must either parse or fail with a StatementParseError, never anything else.
 * A reader that loops forever never returns and the spec's timeout fails it.
 */

export interface Fixture {
  name: string;
  bytes: Buffer;
}

export function fixtures(folder: 'camt' | 'mt940' | 'nacha' | 'bai2'): Fixture[] {
  const dir = path.resolve(__dirname, '../../../../test/fixtures', folder);
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, bytes: readFileSync(path.join(dir, name)) }));
}

/** A span of the file a structural mutation works on: an XML element or a line-based record. */
export type Splitter = (bytes: Buffer) => Array<[start: number, end: number]>;

/** Every element from `<Name` to its first matching `</Name>` (no nesting of the same name in camt). */
export const xmlElements: Splitter = (bytes) => {
  const text = bytes.toString('latin1');
  const spans: Array<[number, number]> = [];
  const open = /<([A-Za-z][\w.:-]*)[\s>]/g;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const close = text.indexOf(`</${m[1]}>`, m.index);
    if (close !== -1) spans.push([m.index, close + m[1].length + 3]);
  }
  return spans;
};

/** Lines (with their terminator); for fixed-width NACHA files without line breaks, 94-character records. */
export const lines: Splitter = (bytes) => {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      spans.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < bytes.length) spans.push([start, bytes.length]);
  if (spans.length === 1 && bytes.length >= 188) {
    spans.length = 0;
    for (let i = 0; i < bytes.length; i += 94) spans.push([i, Math.min(bytes.length, i + 94)]);
  }
  return spans;
};

/** MT940 fields: a `:tag:` line with its continuation lines (the unit a bank repeats or drops). */
export const mt940Fields: Splitter = (bytes) => {
  const all = lines(bytes);
  const spans: Array<[number, number]> = [];
  for (const [s, e] of all) {
    if (bytes[s] === 0x3a /* : */ || spans.length === 0) spans.push([s, e]);
    else spans[spans.length - 1][1] = e;
  }
  return spans;
};

export type Mutation =
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'byte'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; pick: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'swap'; pick: number; with: number };

/** `at`/`pick` are fractions of the file (0..1) so one arbitrary works for every fixture. */
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: unit, xor: fc.integer({ min: 1, max: 255 }) }),
  // bytes a bank file is most sensitive to: markup, separators, signs, digits, line ends, NUL, non-ASCII
  fc.record({
    kind: fc.constant('byte' as const),
    at: unit,
    value: fc.constantFrom(
      0x00,
      0x0a,
      0x0d,
      0x20,
      0x2c,
      0x2d,
      0x2e,
      0x2f,
      0x30,
      0x39,
      0x3a,
      0x3c,
      0x3e,
      0x26,
      0x43,
      0x44,
      0x52,
      0xc3,
      0xff,
    ),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: unit }),
  fc.record({ kind: fc.constant('duplicate' as const), pick: unit }),
  fc.record({ kind: fc.constant('delete' as const), pick: unit }),
  fc.record({ kind: fc.constant('swap' as const), pick: unit, with: unit }),
);

export function mutate(bytes: Buffer, mutations: readonly Mutation[], split: Splitter): Buffer {
  let out = bytes;
  for (const m of mutations) {
    if (out.length === 0) break;
    const index = (f: number, n: number) => Math.min(n - 1, Math.floor(f * n));
    switch (m.kind) {
      case 'flip':
      case 'byte': {
        const at = index(m.at, out.length);
        out = Buffer.from(out);
        out[at] = m.kind === 'flip' ? out[at] ^ m.xor : m.value;
        break;
      }
      case 'truncate':
        out = out.subarray(0, index(m.at, out.length));
        break;
      default: {
        const spans = split(out);
        if (spans.length === 0) break;
        const [s, e] = spans[index(m.pick, spans.length)];
        if (m.kind === 'duplicate') out = Buffer.concat([out.subarray(0, e), out.subarray(s, e), out.subarray(e)]);
        else if (m.kind === 'delete') out = Buffer.concat([out.subarray(0, s), out.subarray(e)]);
        else {
          const [s2, e2] = spans[index(m.with, spans.length)];
          if (s2 >= e)
            out = Buffer.concat([
              out.subarray(0, s),
              out.subarray(s2, e2),
              out.subarray(e, s2),
              out.subarray(s, e),
              out.subarray(e2),
            ]);
        }
      }
    }
  }
  return out;
}

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/**
 * Reads a mutated file the way ingestion does (streamed in chunks); resolves with how it
 * ended. Anything thrown other than a StatementParseError is returned as `unexpected`.
 */
export async function readMutant(
  bytes: Buffer,
  format: StatementFormat,
  chunkSize: number,
): Promise<{ outcome: 'parsed' | 'parse-error' } | { outcome: 'unexpected'; error: unknown }> {
  try {
    await collectStatements(readStatements(chunked(bytes, chunkSize), format, 'fuzz'));
    return { outcome: 'parsed' };
  } catch (error) {
    if (error instanceof StatementParseError && error.reason.length > 0) return { outcome: 'parse-error' };
    return { outcome: 'unexpected', error };
  }
}

/** 10,000 runs per format (the issue's floor), one fixed seed so a failure replays. */
export const FUZZ_RUNS = 10_000;
export const FUZZ_SEED = 20_261_111;

export interface FuzzSummary {
  parsed: number;
  parseErrors: number;
}

/**
 * Runs the property for one format. Returns how the mutants ended; throws (fast-check's
 * counterexample report, with the shrunk mutation list) on the first unexpected error.
 */
export async function fuzzReader(
  folder: 'camt' | 'mt940' | 'nacha' | 'bai2',
  formatOf: (fixture: Fixture) => StatementFormat,
  split: Splitter,
): Promise<FuzzSummary> {
  const files = fixtures(folder);
  const summary: FuzzSummary = { parsed: 0, parseErrors: 0 };
  await fc.assert(
    fc.asyncProperty(
      fc.nat({ max: files.length - 1 }),
      fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
      fc.constantFrom(7, 64, 64 * 1024),
      async (which, mutations, chunkSize) => {
        const file = files[which];
        const result = await readMutant(mutate(file.bytes, mutations, split), formatOf(file), chunkSize);
        if (result.outcome === 'unexpected') {
          const e = result.error as Error;
          throw new Error(`${file.name}: ${e?.name}: ${e?.message}\n${e?.stack ?? ''}`);
        }
        if (result.outcome === 'parsed') summary.parsed++;
        else summary.parseErrors++;
      },
    ),
    { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: false },
  );
  return summary;
}
