/**
 * Overdue (逾期/超期), counted in Asia/Shanghai days, by clock (DOMAIN.md, Clocks and "What managers
 * read"): a finding is overdue today when any of the four clocks the statistics count is overdue
 * for it — the same rule `ProgressRepository.figures` applies as of its as-of day, so that a
 * finding marked overdue is one counted in at least one of the four overdue figures as of today:
 * - 逾期未整改: its rectification track is RECTIFYING past the rectification deadline;
 * - 超期未作立案决定: no filing decision (nor a transfer to the police without a case) and its
 *   filing clock's stored due day (`case_decision_due`, extensions and suspensions applied) passed;
 * - 超期未作处罚决定: its case is FILED (not decided, not with another authority, not closed) past the
 *   stored penalty decision due day (`cases.clock_dues.PENALTY_DECISION`);
 * - 超期未公示: its case's decision is not published past the publication clock's due day
 *   (`cases.clock_dues.PUBLICATION`).
 * A due day itself is still on time. Voided findings are never overdue.
 *
 * `alias` is the findings table alias; `today` is an SQL expression for the Shanghai day.
 */
export function overdueSql(
  alias: string,
  today = `(now() AT TIME ZONE 'Asia/Shanghai')::date`,
): string {
  return `(NOT ${alias}.voided AND (
    (${alias}.rectification_status = 'RECTIFYING' AND ${alias}.rectification_deadline < ${today})
    OR (${alias}.filing_decision IS NULL
      AND NOT (${alias}.case_id IS NULL AND ${alias}.transferred_on IS NOT NULL)
      AND ${alias}.case_decision_due < ${today})
    OR EXISTS (SELECT 1 FROM cases overdue_case WHERE overdue_case.id = ${alias}.case_id AND (
      (overdue_case.status = 'FILED'
        AND (overdue_case.clock_dues ->> 'PENALTY_DECISION')::date < ${today})
      OR (overdue_case.clock_dues ->> 'PUBLICATION')::date < ${today}))
  ))`;
}

export interface OverdueFields {
  voided: boolean;
  rectificationStatus: string;
  rectificationDeadline: string | null;
  filingDecision: string | null;
  caseId: string | null;
  transferredOn: string | null;
  caseDecisionDue: string;
}

/** The stored state of a finding's case the overdue rule reads. */
export interface OverdueCaseFields {
  status: string;
  clockDues: Record<string, string>;
}

/** The same rule in TypeScript, for a finding (and its case, if any) already loaded. */
export function isOverdue(
  finding: OverdueFields,
  caseFile: OverdueCaseFields | null,
  today: string,
): boolean {
  if (finding.voided) return false;
  if (
    finding.rectificationStatus === 'RECTIFYING' &&
    finding.rectificationDeadline !== null &&
    finding.rectificationDeadline < today
  )
    return true;
  if (
    finding.filingDecision === null &&
    !(finding.caseId === null && finding.transferredOn !== null) &&
    finding.caseDecisionDue < today
  )
    return true;
  if (!caseFile) return false;
  const penaltyDue = caseFile.clockDues.PENALTY_DECISION;
  if (caseFile.status === 'FILED' && penaltyDue !== undefined && penaltyDue < today) return true;
  const publicationDue = caseFile.clockDues.PUBLICATION;
  return publicationDue !== undefined && publicationDue < today;
}
