import { detectFormat } from '../read-statements';
import type { StatementFormat } from '../statement.model';
import { FUZZ_RUNS, fuzzReader, xmlElements, type Fixture } from './reader-fuzz.test-util';

const formatOf = (fixture: Fixture): StatementFormat => {
  try {
    return detectFormat(fixture.bytes, fixture.name);
  } catch {
    return 'camt.053';
  }
};

describe('files item 15: the camt reader either parses a mutated fixture or fails with a StatementParseError', () => {
  it(`survives ${FUZZ_RUNS} byte flips, truncations and duplicated, deleted or swapped elements`, async () => {
    const summary = await fuzzReader('camt', formatOf, xmlElements);
    expect(summary.parsed + summary.parseErrors).toBeGreaterThanOrEqual(FUZZ_RUNS);
    // the mutations reach both ends: files that still parse and files the reader refuses
    expect(summary.parsed).toBeGreaterThan(0);
    expect(summary.parseErrors).toBeGreaterThan(0);
  }, 120_000);
});
