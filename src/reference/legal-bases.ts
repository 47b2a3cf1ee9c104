/** A legal basis (法律依据) with the days it is in force; see LegalBasis. */
export interface LegalBasisRecord {
  checklistItemCode: string | null;
  violationTypeCode: string | null;
  basis: string;
  authority: string | null;
  validFrom: string;
  validUntil: string | null;
}

/**
 * The legal basis a finding cites: the one in force on its day (`day`, YYYY-MM-DD Asia/Shanghai)
 * of the checklist item it failed, else the default of its violation type in force that day;
 * null when none is.
 */
export function legalBasisOn(
  bases: readonly LegalBasisRecord[],
  checklistItemCode: string | null,
  violationTypeCode: string,
  day: string,
): LegalBasisRecord | null {
  const inForce = (basis: LegalBasisRecord) =>
    basis.validFrom <= day && (basis.validUntil === null || basis.validUntil >= day);
  return (
    bases.find(
      (basis) =>
        checklistItemCode !== null &&
        basis.checklistItemCode === checklistItemCode &&
        inForce(basis),
    ) ??
    bases.find(
      (basis) =>
        basis.checklistItemCode === null &&
        basis.violationTypeCode === violationTypeCode &&
        inForce(basis),
    ) ??
    null
  );
}
