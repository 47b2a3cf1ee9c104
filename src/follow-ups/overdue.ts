/**
 * 逾期未整改: a finding is overdue, counted in Asia/Shanghai days, when it is RECTIFYING past its
 * rectification deadline; OPEN past its case decision due date (no decision taken: a
 * rectification order or a case filing is a decision); or CASE_FILED past its penalty decision due
 * date. A due day itself is still on time. Voided findings are never overdue.
 *
 * `alias` is the findings table alias; `today` is an SQL expression for the Shanghai day.
 */
export function overdueSql(
  alias: string,
  today = `(now() AT TIME ZONE 'Asia/Shanghai')::date`,
): string {
  return `(NOT ${alias}.voided AND (
    (${alias}.status = 'RECTIFYING' AND ${alias}.rectification_deadline < ${today})
    OR (${alias}.status = 'OPEN' AND ${alias}.case_decision_due < ${today})
    OR (${alias}.status = 'CASE_FILED' AND ${alias}.penalty_decision_due < ${today})
  ))`;
}

export interface OverdueFields {
  status: string;
  voided: boolean;
  rectificationDeadline: string | null;
  caseDecisionDue: string;
  penaltyDecisionDue: string | null;
}

/** The same rule in TypeScript, for a finding already loaded. */
export function isOverdue(finding: OverdueFields, today: string): boolean {
  if (finding.voided) return false;
  switch (finding.status) {
    case 'RECTIFYING':
      return finding.rectificationDeadline !== null && finding.rectificationDeadline < today;
    case 'OPEN':
      return finding.caseDecisionDue < today;
    case 'CASE_FILED':
      return finding.penaltyDecisionDue !== null && finding.penaltyDecisionDue < today;
    default:
      return false;
  }
}
