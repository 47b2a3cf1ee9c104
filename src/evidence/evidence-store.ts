import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';

/** A file being received: written to `path` through `stream`, kept only by `commit`. */
export interface StagedFile {
  readonly stream: WriteStream;
  /** Moves the verified file to its place; a file already there stays as it is. */
  commit(): Promise<void>;
  /** Deletes what was written; safe to call more than once and after commit. */
  discard(): Promise<void>;
}

/**
 * Where evidence files (证据文件) live, addressed by their SHA-256. The service verifies every
 * upload before `commit`, so a store only ever holds complete files whose name is their hash.
 * The folder store is the default; an S3-compatible store would implement the same interface.
 */
export interface EvidenceStore {
  stage(sha256: string): Promise<StagedFile>;
  open(sha256: string): Readable;
  has(sha256: string): Promise<boolean>;
}

export const EVIDENCE_STORE = Symbol('EVIDENCE_STORE');

/**
 * Files under a folder, sharded by the first two bytes of the hash (`ab/cd/abcd…`) so no folder
 * grows past 65,536 entries of 256 folders. A file is written beside its final place under a
 * random temporary name and renamed when verified: rename within one folder is atomic, so
 * readers never see half a file.
 */
export class FolderEvidenceStore implements EvidenceStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async stage(sha256: string): Promise<StagedFile> {
    const target = this.pathOf(sha256);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(8).toString('hex')}.part`;
    const stream = createWriteStream(temporary, { flags: 'wx', mode: 0o640 });
    // Always listened to: destroying the stream while a write is still in flight (an upload
    // refused mid-way) makes that write fail after the upload's own listeners are gone, and an
    // 'error' nobody listens to would end the process. A failure before commit fails the commit.
    let failure: Error | undefined;
    stream.on('error', (error) => {
      failure ??= error;
    });
    let settled = false;
    const closed = (): Promise<void> =>
      stream.closed ? Promise.resolve() : new Promise((done) => stream.once('close', done));
    return {
      stream,
      commit: async () => {
        await closed();
        if (failure) throw failure;
        settled = true;
        if (await this.has(sha256)) await unlink(temporary);
        else await rename(temporary, target);
      },
      discard: async () => {
        if (!stream.destroyed) stream.destroy();
        await closed();
        if (settled) return;
        settled = true;
        await unlink(temporary).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
      },
    };
  }

  open(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }

  async has(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      (found) => found.isFile(),
      () => false,
    );
  }
}
