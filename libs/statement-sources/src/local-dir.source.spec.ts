import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDirSource } from './local-dir.source';
import { SourceError } from './statement-source';

let base: string;
let inbox: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'local-source-'));
  inbox = join(base, 'inbox');
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

async function put(name: string, content: Buffer | string, mtimeSec?: number) {
  const p = join(inbox, name);
  await writeFile(p, content);
  if (mtimeSec !== undefined) await utimes(p, mtimeSec, mtimeSec);
}

describe('LocalDirSource', () => {
  it('creates the inbox, processed/, failed/ and work/ when missing', async () => {
    const src = new LocalDirSource({ id: 'drop', dir: inbox });
    expect(await src.list()).toEqual([]);
    expect((await readdir(inbox)).sort()).toEqual(['failed', 'processed', 'work']);
  });

  it('lists complete files oldest first, skipping partial uploads, dotfiles and directories', async () => {
    const src = new LocalDirSource({ id: 'drop', dir: inbox });
    await src.list();
    await put('b.xml', 'bb', 1_700_000_200);
    await put('a.xml', 'a', 1_700_000_100);
    await put('c.xml', 'ccc', 1_700_000_200);
    await put('d.xml.part', 'x');
    await put('e.tmp', 'x');
    await put('.f.xml', 'x');
    await put('g.sta', 'mt940');

    const files = await src.list();
    expect(files.map((f) => f.name)).toEqual(['a.xml', 'b.xml', 'c.xml', 'g.sta']);
    expect(files[0]).toEqual({ sourceId: 'drop', name: 'a.xml', size: 1, modifiedAt: new Date(1_700_000_100_000) });

    const xmlOnly = new LocalDirSource({ id: 'drop', dir: inbox, pattern: /\.xml$/i });
    expect((await xmlOnly.list()).map((f) => f.name)).toEqual(['a.xml', 'b.xml', 'c.xml']);
  });

  it('downloads whole files and rejects a size that changed since listing', async () => {
    const src = new LocalDirSource({ id: 'drop', dir: inbox });
    await src.list();
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252]);
    await put('bin.dat', bytes);
    const [file] = await src.list();
    expect(await src.download(file)).toEqual(bytes);

    await appendFile(join(inbox, 'work', 'bin.dat'), 'more');
    await expect(src.download(file)).rejects.toMatchObject({ code: 'INCOMPLETE_DOWNLOAD', retryable: true });
  });

  it('reports a file that vanished as NOT_FOUND', async () => {
    const src = new LocalDirSource({ id: 'drop', dir: inbox });
    await expect(src.download({ sourceId: 'drop', name: 'gone.xml', size: 1, modifiedAt: null })).rejects.toMatchObject(
      {
        code: 'NOT_FOUND',
        retryable: false,
      },
    );
  });

  it('moves to processed/, idempotently, with a timestamp suffix on a name clash', async () => {
    const src = new LocalDirSource({ id: 'drop', dir: inbox });
    await src.list();
    await put('s.xml', 'one');
    const [first] = await src.list();
    await src.markProcessed(first);
    await src.markProcessed(first);
    expect(existsSync(join(inbox, 's.xml'))).toBe(false);
    expect(await readdir(join(inbox, 'processed'))).toEqual(['s.xml']);

    await put('s.xml', 'two');
    const [second] = await src.list();
    await src.markProcessed(second);
    const names = (await readdir(join(inbox, 'processed'))).sort();
    expect(names).toHaveLength(2);
    const suffixed = names.find((n) => n !== 's.xml')!;
    expect(suffixed).toMatch(/^s\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.xml$/);
    expect(await readFile(join(inbox, 'processed', 's.xml'), 'utf8')).toBe('one');
    expect(await readFile(join(inbox, 'processed', suffixed), 'utf8')).toBe('two');
  });

  it('moves to failed/ and writes the reason next to the file', async () => {
    const src = new LocalDirSource({ id: 'drop', dir: inbox });
    await src.list();
    await put('bad.xml', '<x');
    const [file] = await src.list();
    await src.markFailed(file, 'not a camt document');
    expect((await readdir(join(inbox, 'failed'))).sort()).toEqual(['bad.xml', 'bad.xml.reason.txt']);
    expect(await readFile(join(inbox, 'failed', 'bad.xml.reason.txt'), 'utf8')).toMatch(/^not a camt document\n/);
    await src.markFailed(file, 'again'); // already moved: fine
    expect(await src.list()).toEqual([]);
  });

  it('supports processed/failed directories elsewhere', async () => {
    const src = new LocalDirSource({
      id: 'drop',
      dir: inbox,
      processedDir: join(base, 'archive', 'ok'),
      failedDir: join(base, 'archive', 'bad'),
    });
    await src.list();
    await put('a.xml', 'a');
    await put('b.xml', 'b');
    const [a, b] = await src.list();
    await src.markProcessed(a);
    await src.markFailed(b, 'broken');
    expect(await readdir(join(base, 'archive', 'ok'))).toEqual(['a.xml']);
    expect((await readdir(join(base, 'archive', 'bad'))).sort()).toEqual(['b.xml', 'b.xml.reason.txt']);
    expect(await readdir(inbox)).toEqual(['work']);
  });

  it('refuses files of other sources and path-like names', async () => {
    const src = new LocalDirSource({ id: 'drop', dir: inbox });
    await expect(
      src.markProcessed({ sourceId: 'other', name: 'a.xml', size: 1, modifiedAt: null }),
    ).rejects.toBeInstanceOf(SourceError);
    await expect(
      src.download({ sourceId: 'drop', name: '../secret', size: 1, modifiedAt: null }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});

describe('files item 5: a file copied into the local inbox is claimed (renamed into work/) only once it held still', () => {
  const MIN_AGE_MS = 5_000;
  const GRACE_MS = 600_000;
  let now: number;
  const settled = () =>
    new LocalDirSource({
      id: 'drop',
      dir: inbox,
      settle: { minAgeMs: MIN_AGE_MS, emptyGraceMs: GRACE_MS, clock: () => now },
    });

  beforeEach(() => {
    now = 1_800_000_000_000;
  });

  it('leaves a file that is still growing in the inbox and claims it after two polls that saw the same size and mtime', async () => {
    const src = settled();
    await src.list();
    await put('day1.xml', '<Document><BkToCstmrStmt>', 1_700_000_000);
    expect(await src.list()).toEqual([]); // first sight
    now += 10_000;
    await appendFile(join(inbox, 'day1.xml'), '<Stmt>'); // the writer is still copying
    await utimes(join(inbox, 'day1.xml'), 1_700_000_010, 1_700_000_010);
    expect(await src.list()).toEqual([]); // changed since the last poll
    now += 1_000;
    expect(await src.list()).toEqual([]); // unchanged, but not for minAgeMs yet
    expect(await readdir(join(inbox, 'work'))).toEqual([]);
    now += MIN_AGE_MS;

    const [claimed] = await src.list();
    expect(claimed).toMatchObject({ name: 'day1.xml', size: '<Document><BkToCstmrStmt><Stmt>'.length });
    // renamed away before anything read it: the writer's name no longer exists in the inbox
    expect(existsSync(join(inbox, 'day1.xml'))).toBe(false);
    expect(src.localPath(claimed)).toBe(join(inbox, 'work', 'day1.xml'));
    expect((await src.download(claimed)).toString()).toBe('<Document><BkToCstmrStmt><Stmt>');
    await src.markProcessed(claimed);
    expect(await readdir(join(inbox, 'processed'))).toEqual(['day1.xml']);
    expect(await readdir(join(inbox, 'work'))).toEqual([]);
  });

  it('treats an empty file as not ready for the grace period, then offers it (to be quarantined as empty)', async () => {
    const src = settled();
    await src.list();
    await put('empty.sta', '');
    expect(await src.list()).toEqual([]);
    now += MIN_AGE_MS * 10;
    expect(await src.list()).toEqual([]); // held still, but an empty file waits for its writer
    expect(await readdir(inbox)).toContain('empty.sta');
    now += GRACE_MS;
    expect((await src.list()).map((f) => [f.name, f.size])).toEqual([['empty.sta', 0]]);
  });

  it('offers a file a crash left in work/ again, before new ones, and never claims over it', async () => {
    const src = settled();
    await src.list();
    await writeFile(join(inbox, 'work', 'left.xml'), 'claimed before the crash');
    await put('left.xml', 'a new file of the same name');
    expect((await src.list()).map((f) => f.name)).toEqual(['left.xml']);
    now += MIN_AGE_MS;
    const [file] = await src.list();
    expect((await src.download(file)).toString()).toBe('claimed before the crash');
    await src.markProcessed(file);
    expect(await readFile(join(inbox, 'left.xml'), 'utf8')).toBe('a new file of the same name');
    now += MIN_AGE_MS;
    const [next] = await src.list();
    expect((await src.download(next)).toString()).toBe('a new file of the same name');
  });
});

describe('files item 6: control characters in file names are refused', () => {
  it('never offers a file whose name has a control character; it goes to failed/ under a printable name with the reason', async () => {
    const src = new LocalDirSource({ id: 'drop', dir: inbox });
    await src.list();
    await put('evil\n2026-01-01 INFO forged log line.xml', '<Document/>');
    await put('bell\u0007.sta', ':20:X');
    await put('ok.xml', '<Document/>');
    expect((await src.list()).map((f) => f.name)).toEqual(['ok.xml']);
    expect((await readdir(join(inbox, 'failed'))).sort()).toEqual([
      'bell%07.sta',
      'bell%07.sta.reason.txt',
      'evil%0A2026-01-01 INFO forged log line.xml',
      'evil%0A2026-01-01 INFO forged log line.xml.reason.txt',
    ]);
    expect(await readFile(join(inbox, 'failed', 'bell%07.sta.reason.txt'), 'utf8')).toMatch(
      /^refused: the file name "bell\\u0007.sta" contains control characters/,
    );
    await expect(
      src.download({ sourceId: 'drop', name: 'a\u001b[2J.xml', size: 1, modifiedAt: null }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
