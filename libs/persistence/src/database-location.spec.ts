import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_PG_PORT, locateDatabase, NoDatabaseError, remitdDataDir } from './database-location';
import { REPO_ROOT } from './migrator';

describe('cli item 13: every command finds the database as npm start does', () => {
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));

  it('the data directory defaults to .data in the repository, whatever the current directory', () => {
    process.chdir(path.join(REPO_ROOT, 'libs'));
    expect(remitdDataDir({})).toBe(path.join(REPO_ROOT, '.data'));
    expect(remitdDataDir({ REMITD_DATA_DIR: 'elsewhere' })).toBe(path.join(REPO_ROOT, 'elsewhere'));
    expect(remitdDataDir({ REMITD_DATA_DIR: '/srv/remitd' })).toBe('/srv/remitd');
  });

  it('without DATABASE_URL: the embedded server of the data directory on REMITD_PG_PORT', () => {
    const loc = locateDatabase({ REMITD_DATA_DIR: '/srv/remitd' });
    expect(loc).toMatchObject({ source: 'embedded', clusterDir: '/srv/remitd/pg', port: DEFAULT_PG_PORT });
    expect(loc.url).toMatch(new RegExp(`@127\\.0\\.0\\.1:${DEFAULT_PG_PORT}/remitd$`));
    expect(locateDatabase({ DATABASE_URL: 'postgresql://a@b/c' })).toEqual({
      source: 'DATABASE_URL',
      url: 'postgresql://a@b/c',
    });
    expect(() => locateDatabase({ REMITD_PG_PORT: 'x' })).toThrow(NoDatabaseError);
  });

  it("without REMITD_PG_PORT: the port the data directory's server runs on (its postmaster.pid)", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'remitd-location-'));
    try {
      mkdirSync(path.join(dataDir, 'pg'));
      writeFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), `4242\n${dataDir}/pg\n1700000000\n61234\n\n`);
      expect(locateDatabase({ REMITD_DATA_DIR: dataDir })).toMatchObject({ port: 61234 });
      expect(locateDatabase({ REMITD_DATA_DIR: dataDir, REMITD_PG_PORT: '5432' })).toMatchObject({ port: 5432 });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
