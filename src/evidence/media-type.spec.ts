import { sniffMediaType } from './media-type';

const bytes = (...values: (number | string)[]): Uint8Array =>
  Buffer.concat(
    values.map((value) =>
      typeof value === 'string' ? Buffer.from(value, 'latin1') : Buffer.from([value]),
    ),
  );

describe('sniffMediaType', () => {
  it.each([
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF'), 'image/jpeg'],
    ['a PNG', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), 'image/png'],
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ'), 'application/pdf'],
    ['an iPhone HEIC', bytes(0, 0, 0, 0x18, 'ftypheic', 0, 0, 0, 0), 'image/heic'],
    ['a HEIF image sequence brand heix', bytes(0, 0, 0, 0x18, 'ftypheix'), 'image/heic'],
    ['a generic HEIF (mif1)', bytes(0, 0, 0, 0x1c, 'ftypmif1'), 'image/heic'],
    ['a HEVC brand', bytes(0, 0, 0, 0x1c, 'ftyphevc'), 'image/heic'],
  ])('recognises %s by its first bytes', (_name, head, expected) => {
    expect(sniffMediaType(head)).toBe(expected);
  });

  it.each([
    ['a Windows executable', bytes('MZ', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0)],
    ['plain text', bytes('hello, evidence')],
    ['an MP4 video (ftyp but brand isom)', bytes(0, 0, 0, 0x18, 'ftypisom')],
    ['a GIF', bytes('GIF89a', 1, 0, 1, 0)],
    ['a truncated JPEG signature', bytes(0xff, 0xd8)],
    ['an empty body', bytes()],
    ['a PDF signature that does not start the file', bytes(' %PDF-1.7')],
  ])('refuses %s', (_name, head) => {
    expect(sniffMediaType(head)).toBeNull();
  });
});
