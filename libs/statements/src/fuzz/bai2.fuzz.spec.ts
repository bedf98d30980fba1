import { FUZZ_RUNS, fuzzReader, lines } from './reader-fuzz.test-util';

describe('files item 15: the bai2 reader either parses a mutated fixture or fails with a StatementParseError', () => {
  it(`survives ${FUZZ_RUNS} byte flips, truncations and duplicated, deleted or swapped records`, async () => {
    // the format stays BAI2 whatever the mutation: a flipped "01," must fail as BAI2, not as "unrecognised"
    const summary = await fuzzReader('bai2', () => 'bai2', lines);
    expect(summary.parsed + summary.parseErrors).toBeGreaterThanOrEqual(FUZZ_RUNS);
    expect(summary.parsed).toBeGreaterThan(0);
    expect(summary.parseErrors).toBeGreaterThan(0);
  }, 120_000);
});
