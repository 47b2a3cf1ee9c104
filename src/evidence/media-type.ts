/**
 * The kinds of evidence file (证据材料) the service keeps, told apart by their first bytes (magic
 * numbers), never by file name or Content-Type header: a renamed executable stays refused.
 */
export const EVIDENCE_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/heic',
  'application/pdf',
] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

/** Bytes of the file's start that `sniffMediaType` needs to decide. */
export const SNIFF_BYTES = 12;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
// ISO-BMFF brands of HEIF images phones write: HEVC-coded (heic, heix, hevc, hevx) and generic (mif1, msf1).
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

function startsWith(head: Uint8Array, signature: number[]): boolean {
  return head.length >= signature.length && signature.every((byte, i) => head[i] === byte);
}

/** The media type of a file from its first bytes, or null when it is none the service keeps. */
export function sniffMediaType(head: Uint8Array): EvidenceMediaType | null {
  if (startsWith(head, JPEG)) return 'image/jpeg';
  if (startsWith(head, PNG)) return 'image/png';
  if (startsWith(head, PDF)) return 'application/pdf';
  if (head.length >= 12) {
    const box = Buffer.from(head.subarray(4, 8)).toString('latin1');
    const brand = Buffer.from(head.subarray(8, 12)).toString('latin1');
    if (box === 'ftyp' && HEIF_BRANDS.has(brand)) return 'image/heic';
  }
  return null;
}
