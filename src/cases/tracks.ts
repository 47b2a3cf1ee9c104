import type {
  FilingDecision,
  FindingStatus,
  RectificationStatus,
} from '../inspections/finding.entity';
import type { CaseStatus } from './case.entity';

/**
 * The two tracks of a finding (DOMAIN.md, Follow-up): rectification (责令整改) and case (案件).
 * `transferredWithoutCase` is a finding handed to the police before any case (移送公安, the older
 * finding-level transferToPolice).
 */
export interface Tracks {
  rectification: RectificationStatus;
  filingDecision: FilingDecision | null;
  caseStatus: CaseStatus | null;
  transferredWithoutCase: boolean;
}

const CASE_SUMMARY: Record<CaseStatus, FindingStatus> = {
  FILED: 'CASE_FILED',
  DECIDED: 'PENALIZED',
  TRANSFERRED: 'TRANSFERRED',
  CLOSED: 'CLOSED',
};

/**
 * `Finding.status`: the case track's state once a filing decision exists (NOT_FILED when
 * declined), else the rectification track's.
 */
export function summaryStatus(tracks: Tracks): FindingStatus {
  if (tracks.transferredWithoutCase) return 'TRANSFERRED';
  if (tracks.filingDecision === 'DECLINED') return 'NOT_FILED';
  if (tracks.filingDecision === 'FILED' && tracks.caseStatus)
    return CASE_SUMMARY[tracks.caseStatus];
  return tracks.rectification;
}

/**
 * Finished only when both tracks are: no rectification under way, and the case track settled — a
 * filing declined, the case closed, or the matter with the police without a case.
 */
export function isFinished(tracks: Tracks): boolean {
  const caseSettled =
    tracks.filingDecision === 'DECLINED' ||
    tracks.caseStatus === 'CLOSED' ||
    tracks.transferredWithoutCase;
  return tracks.rectification !== 'RECTIFYING' && caseSettled;
}

/** The same rule in SQL over a findings alias `f` (close-sweep's check). */
export function finishedSql(alias: string): string {
  // Never NULL (IS NOT DISTINCT FROM), so that NOT of it is never NULL either.
  return `(${alias}.rectification_status <> 'RECTIFYING' AND (
    ${alias}.filing_decision IS NOT DISTINCT FROM 'DECLINED' OR ${alias}.status = 'CLOSED'
    OR (${alias}.case_id IS NULL AND ${alias}.transferred_on IS NOT NULL)))`;
}
