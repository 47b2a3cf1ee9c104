import type { FieldError } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import type { ClassSampling, RiskClass } from './draw';
import type { SelectionResult } from './selection-records.entity';

/**
 * Rules of 双随机、一公开 around the draw: reading the sampling the drawer sets, the suggested
 * result of an inspection, and the publication due day.
 */

/** 企业信息公示暂行条例 第六条: 抽查检查结果 自产生之日起20个工作日内 通过国家企业信用信息公示系统 公示. */
export const PUBLICATION_WORKING_DAYS = 20;

export interface SamplingEntry {
  riskClass: RiskClass;
  ratio?: string | null;
  count?: number | null;
}

/** "0.05" → 500 ten-thousandths; the input is already of the form 0.dddd or 1.0000. */
export function ratioToTenThousandths(ratio: string): number {
  const [whole, fraction = ''] = ratio.split('.');
  return Number(whole) * 10000 + Number(fraction.padEnd(4, '0'));
}

/** 500 → "0.0500". */
export function tenThousandthsToRatio(value: number): string {
  return `${Math.floor(value / 10000)}.${String(value % 10000).padStart(4, '0')}`;
}

/** Why the sampling cannot be read, by field (`input.sampling[1].count`); empty when it can. */
export function samplingProblems(entries: readonly SamplingEntry[]): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<RiskClass>();
  entries.forEach((entry, index) => {
    const path = `input.sampling[${index}]`;
    const hasRatio = entry.ratio != null;
    const hasCount = entry.count != null;
    if (hasRatio === hasCount) problems.push({ path, message: message('selection.ratioOrCount') });
    if (seen.has(entry.riskClass))
      problems.push({ path: `${path}.riskClass`, message: message('selection.duplicateClass') });
    seen.add(entry.riskClass);
  });
  return problems;
}

/** The sampling as the draw freezes it (classes left out take their defaults in draw.ts). */
export function toClassSampling(entries: readonly SamplingEntry[]): ClassSampling[] {
  return entries.map((entry) => ({
    riskClass: entry.riskClass,
    ratioPerTenThousand: entry.ratio != null ? ratioToTenThousandths(entry.ratio) : null,
    count: entry.count ?? null,
  }));
}

/**
 * What an inspection's outcome suggests as the result. ISSUES_FOUND suggests the cautious
 * PROBLEM_PENDING_FOLLOW_UP: only the officer knows whether it was corrected on the spot.
 * `outcome` is an inspection's outcome as read from its table.
 */
export function suggestedResult(outcome: string | null): SelectionResult | null {
  switch (outcome) {
    case 'COMPLIANT':
      return 'NO_PROBLEM_FOUND';
    case 'PREMISES_CLOSED':
      return 'NO_RELEVANT_ACTIVITY';
    case 'REFUSED_ENTRY':
      return 'REFUSED_INSPECTION';
    case 'ISSUES_FOUND':
      return 'PROBLEM_PENDING_FOLLOW_UP';
    default:
      return null;
  }
}

/** Overdue: not published and the due day is before today (the due day itself is in time). */
export function publicationOverdue(
  dueOn: string,
  publishedOn: string | null,
  today: string,
): boolean {
  return publishedOn === null && dueOn < today;
}
