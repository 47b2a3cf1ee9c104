import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderEvidenceStore } from './evidence-store';

describe('FolderEvidenceStore', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'evidence-store-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const filesUnder = (folder: string): string[] =>
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);

  it('discards a file while writes are still in flight without an unhandled error', async () => {
    const uncaught: Error[] = [];
    const record = (error: Error): void => void uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      const staged = await new FolderEvidenceStore(root).stage('ab'.repeat(32));
      const megabyte = Buffer.alloc(1 << 20, 1);
      await once(staged.stream, 'open');
      for (let i = 0; i < 20; i += 1) staged.stream.write(megabyte);
      // a write is in flight now: destroying the stream makes it fail once it returns
      await new Promise((resolve) => setImmediate(resolve));
      await staged.discard();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(uncaught).toEqual([]);
      expect(filesUnder(root)).toEqual([]);
    } finally {
      process.off('uncaughtException', record);
    }
  });

  it('keeps a committed file under its hash', async () => {
    const hash = 'cd'.repeat(32);
    const staged = await new FolderEvidenceStore(root).stage(hash);
    staged.stream.end(Buffer.from('bytes'));
    await staged.commit();
    await staged.discard();
    expect(filesUnder(root)).toEqual([hash]);
  });
});
