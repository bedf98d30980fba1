import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

describe('docs/architecture.md stays true', () => {
  it('names only paths that exist', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
    const paths = [...doc.matchAll(/`((?:apps|libs|test|scripts|bench|prisma|docs)\/[^`*\s]+)`/g)].map((m) => m[1]);
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((p) => !existsSync(path.join(ROOT, p)))).toEqual([]);
  });
});
