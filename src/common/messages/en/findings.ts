/** Findings (发现问题): adding them and the checks of a finding's input. */
export const findingsEn = {
  'findings.sweepNotActive': 'Findings can be added only while the sweep is ACTIVE; it is {status}',
  'findings.unknownViolationType': 'is not a known violation type',
  'findings.productNotOfSweep': 'is not a product of an exposure of this sweep',
  'findings.evidenceMediaType': 'must be image/* or application/pdf',
  'findings.evidenceSha256': 'must be 64 lowercase hexadecimal characters',
} as const;
