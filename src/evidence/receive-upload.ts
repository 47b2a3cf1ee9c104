import { createHash } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import { EvidenceMediaType, sniffMediaType, SNIFF_BYTES } from './media-type';

export type Received =
  | { kind: 'complete'; sha256: string; sizeBytes: number; mediaType: EvidenceMediaType }
  | { kind: 'too-large' }
  | { kind: 'unsupported' };

export class UploadAborted extends Error {
  constructor() {
    super('The client stopped sending the upload');
  }
}

/**
 * Copies an upload from `source` into `sink` while counting, hashing and sniffing it. Stops
 * writing as soon as the body passes `maxBytes` or its first bytes are no kind the service keeps;
 * the rest of the body is then read and dropped so the client still receives the answer. Rejects
 * with UploadAborted when the client goes away mid-upload. The caller discards the sink on
 * anything but `complete`.
 */
export function receiveUpload(
  source: Readable,
  sink: Writable,
  maxBytes: number,
): Promise<Received> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let sizeBytes = 0;
    let head = Buffer.alloc(0);
    let mediaType: EvidenceMediaType | null = null;
    let done = false;

    const detach = (): void => {
      source.off('data', onData);
      source.off('end', onEnd);
      source.off('error', onError);
      source.off('close', onClose);
      sink.off('error', onError);
    };
    const fail = (error: Error): void => {
      if (done) return;
      done = true;
      detach();
      reject(error);
    };
    const refuse = (outcome: Received): void => {
      if (done) return;
      done = true;
      detach();
      source.resume();
      resolve(outcome);
    };
    const sniff = (): boolean => {
      mediaType = sniffMediaType(head);
      if (mediaType === null) refuse({ kind: 'unsupported' });
      return mediaType !== null;
    };
    function onData(chunk: Buffer): void {
      sizeBytes += chunk.length;
      if (sizeBytes > maxBytes) return refuse({ kind: 'too-large' });
      if (mediaType === null) {
        head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
        if (head.length >= SNIFF_BYTES && !sniff()) return;
      }
      hash.update(chunk);
      if (!sink.write(chunk)) {
        source.pause();
        sink.once('drain', () => {
          if (!done) source.resume();
        });
      }
    }
    function onEnd(): void {
      if (done || (mediaType === null && !sniff())) return;
      done = true;
      detach();
      sink.once('error', reject);
      sink.end(() =>
        resolve({
          kind: 'complete',
          sha256: hash.digest('hex'),
          sizeBytes,
          mediaType: mediaType as EvidenceMediaType,
        }),
      );
    }
    function onError(error: Error): void {
      fail(error);
    }
    function onClose(): void {
      if (!source.readableEnded) fail(new UploadAborted());
    }
    source.on('data', onData);
    source.on('end', onEnd);
    source.on('error', onError);
    source.on('close', onClose);
    sink.on('error', onError);
  });
}
