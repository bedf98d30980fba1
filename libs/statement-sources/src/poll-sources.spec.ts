import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDirSource } from './local-dir.source';
import { forEachSource } from './poll-sources';
import { SourceError, type RemoteFile, type StatementSource } from './statement-source';

function failingSource(id: string, error: Error): StatementSource {
  return {
    id,
    list: () => Promise.reject(error),
    download: () => Promise.reject(error),
    markProcessed: () => Promise.reject(error),
    markFailed: () => Promise.reject(error),
    close: () => Promise.resolve(),
  };
}

describe('forEachSource', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'poll-sources-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps polling the other sources when one fails, and logs the failure', async () => {
    const healthy = new LocalDirSource({ id: 'local', dir });
    await healthy.list();
    await writeFile(join(dir, 'stmt.xml'), '<Document/>');
    const down = failingSource(
      'bank-sftp',
      new SourceError('SOURCE_UNREACHABLE', 'bank-sftp: cannot connect', { retryable: true, sourceId: 'bank-sftp' }),
    );
    const logger = { error: jest.fn() };

    const results = await forEachSource<StatementSource, RemoteFile[]>([down, healthy], (s) => s.list(), logger);

    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({ sourceId: 'bank-sftp', ok: false });
    expect(results[0].ok === false && results[0].error).toBeInstanceOf(SourceError);
    expect(results[1]).toMatchObject({ sourceId: 'local', ok: true });
    expect(results[1].ok && results[1].value.map((f) => f.name)).toEqual(['stmt.xml']);
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error.mock.calls[0][0]).toContain('bank-sftp');
    expect(logger.error.mock.calls[0][0]).toContain('SOURCE_UNREACHABLE');
  });

  it('catches synchronous throws and non-Error rejections, and survives a throwing logger', async () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const c = { id: 'c' };
    const logger = {
      error: jest.fn(() => {
        throw new Error('log sink down');
      }),
    };
    const results = await forEachSource(
      [a, b, c],
      (s) => {
        if (s.id === 'a') throw new Error('boom');
        if (s.id === 'b') return Promise.reject('plain string');
        return s.id.toUpperCase();
      },
      logger,
    );
    expect(results.map((r) => [r.sourceId, r.ok])).toEqual([
      ['a', false],
      ['b', false],
      ['c', true],
    ]);
    expect(results[2]).toEqual({ sourceId: 'c', ok: true, value: 'C' });
    expect(logger.error).toHaveBeenCalledTimes(2);
  });

  it('works without a logger', async () => {
    const results = await forEachSource([{ id: 'x' }], () => Promise.reject(new Error('nope')));
    expect(results).toEqual([{ sourceId: 'x', ok: false, error: new Error('nope') }]);
  });
});
