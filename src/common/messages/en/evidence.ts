/** Evidence files (证据文件): uploads and downloads over REST. */
export const evidenceEn = {
  'evidence.sha256': 'must be 64 lowercase hexadecimal characters',
  'evidence.hashMismatch':
    'the SHA-256 of the bytes received is {received}, not the one in the path',
  'evidence.tooLarge': 'An evidence file may have at most {max} bytes',
  'evidence.unsupportedMediaType': 'The bytes are not a JPEG, PNG, HEIC image or PDF document',
} as const;
