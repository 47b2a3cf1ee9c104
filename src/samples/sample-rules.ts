import type { FieldError } from '../common/errors/domain-errors';
import { type Message, message } from '../common/messages/message';
import type { SampleMethod, SampleResult } from './sample.entity';

/**
 * The rules of a sample (抽样检验 / 快检) as pure functions, table-tested in sample-rules.spec.ts.
 * A rapid test (快检) is recorded with its result; a lab test (抽检, 市场监督管理行政处罚程序规定
 * 第二十一条: 抽样取证, sent to a 检验机构) names its lab and gets its report once, later. A failed
 * test names the items it failed; a passed one none. A sample recorded in error is voided (作废)
 * and takes no further move.
 */

/** Where a sample stands: the `from` of a refused move. */
export type SampleState = 'VOIDED' | 'PENDING_REPORT' | SampleResult;

export function sampleState(sample: { voided: boolean; result: SampleResult | null }): SampleState {
  if (sample.voided) return 'VOIDED';
  return sample.result ?? 'PENDING_REPORT';
}

export interface SampleRecordFacts {
  method: SampleMethod;
  takenOn: string;
  labName?: string | null;
  result?: SampleResult | null;
  failedItems?: readonly unknown[] | null;
}

/** What is wrong with a sample to record, taken on an inspection of `inspectionDay`. */
export function sampleRecordProblems(
  input: SampleRecordFacts,
  inspectionDay: string,
  today: string,
): FieldError[] {
  const problems: FieldError[] = [];
  if (input.takenOn > today)
    problems.push({ path: 'input.takenOn', message: message('validation.notInFuture') });
  else if (input.takenOn < inspectionDay)
    problems.push({
      path: 'input.takenOn',
      message: message('samples.takenBeforeInspection', { other: inspectionDay }),
    });
  const hasLab = Boolean(input.labName?.trim());
  if (input.method === 'LAB_TEST') {
    if (!hasLab)
      problems.push({ path: 'input.labName', message: message('samples.labNameRequired') });
    if (input.result)
      problems.push({ path: 'input.result', message: message('samples.labResultLater') });
    if (input.failedItems?.length)
      problems.push({ path: 'input.failedItems', message: message('samples.labResultLater') });
    return problems;
  }
  if (hasLab) problems.push({ path: 'input.labName', message: message('samples.labOnly') });
  if (!input.result)
    problems.push({ path: 'input.result', message: message('samples.rapidResultRequired') });
  else problems.push(...failedItemsProblems(input.result, input.failedItems));
  return problems;
}

/** A FAIL names at least one failed item, a PASS none. */
export function failedItemsProblems(
  result: SampleResult,
  failedItems: readonly unknown[] | null | undefined,
): FieldError[] {
  const count = failedItems?.length ?? 0;
  if (result === 'FAIL' && count === 0)
    return [{ path: 'input.failedItems', message: message('samples.failedItemsRequired') }];
  if (result === 'PASS' && count > 0)
    return [{ path: 'input.failedItems', message: message('samples.failedItemsOnlyOnFail') }];
  return [];
}

/** What is wrong with a report's day and items for a sample taken on `takenOn`. */
export function reportProblems(
  input: { reportedOn: string; result: SampleResult; failedItems?: readonly unknown[] | null },
  takenOn: string,
  today: string,
): FieldError[] {
  const problems: FieldError[] = [];
  if (input.reportedOn > today)
    problems.push({ path: 'input.reportedOn', message: message('validation.notInFuture') });
  else if (input.reportedOn < takenOn)
    problems.push({
      path: 'input.reportedOn',
      message: message('samples.reportBeforeTaken', { other: takenOn }),
    });
  problems.push(...failedItemsProblems(input.result, input.failedItems));
  return problems;
}

/**
 * Why a sample cannot take its report now (a reason key), or null: only a lab test in force gets
 * one, once.
 */
export function reportRefusal(sample: {
  voided: boolean;
  method: SampleMethod;
  result: SampleResult | null;
}): 'samples.reason.voided' | 'samples.reason.notLab' | 'samples.reason.reported' | null {
  if (sample.voided) return 'samples.reason.voided';
  if (sample.method !== 'LAB_TEST') return 'samples.reason.notLab';
  if (sample.result !== null) return 'samples.reason.reported';
  return null;
}

/**
 * Why a finding cannot rest on a sample (a reason key), or null: the sample is in force, was taken
 * at the finding's premises, and did not pass (a FAIL, or a lab test still pending).
 */
export function restRefusal(
  sample: { voided: boolean; premisesId: string; result: SampleResult | null },
  finding: { premisesId: string },
): 'samples.reason.voided' | 'samples.reason.otherPremises' | 'samples.reason.passed' | null {
  if (sample.voided) return 'samples.reason.voided';
  if (sample.premisesId !== finding.premisesId) return 'samples.reason.otherPremises';
  if (sample.result === 'PASS') return 'samples.reason.passed';
  return null;
}

/**
 * Why a sample cannot be voided (the reason), or null: not twice, and not while findings rest on it
 * (`restingFindings`, voided ones too): they must be moved off it first, so no TESTING suspension
 * of their clocks is left behind on a voided test.
 */
export function voidRefusal(sample: { voided: boolean }, restingFindings: number): Message | null {
  if (sample.voided) return message('samples.reason.voided');
  if (restingFindings > 0)
    return message('samples.reason.findingsRest', { count: restingFindings });
  return null;
}

/**
 * The period a lab test keeps the clocks of the findings resting on it suspended (检测检验期间,
 * 程序规定 第十八条第二款): from the day taken to the report day, open while the report is pending.
 * A rapid test suspends nothing.
 */
export function testingPeriod(sample: {
  method: SampleMethod;
  takenOn: string;
  reportedOn: string | null;
}): { from: string; to: string | null } | null {
  if (sample.method !== 'LAB_TEST') return null;
  return { from: sample.takenOn, to: sample.reportedOn };
}
