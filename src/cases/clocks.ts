import { addDays } from '../common/time/shanghai';
import { isWorkingDay } from '../common/time/working-days';

/**
 * The legal clocks (期限) of a case file (案件) as data and pure functions: each clock has a start,
 * a length from the rule in force on its start day, extensions, excluded periods (suspensions) and a
 * met day. Period arithmetic (DOMAIN.md, Clocks): the start day is not counted (期间开始之日不计算在内);
 * a working-day period counts working days; a calendar-day period whose last day is not a working
 * day ends on the next working day; extensions add to the length before that shift; a suspension
 * stops the clock from its `from` day up to its `to` day, in the clock's own unit, overlapping
 * suspensions counting once.
 */
export const CASE_CLOCK_KINDS = [
  'FILING_DECISION',
  'PENALTY_DECISION',
  'TRANSFER_APPROVAL',
  'PUBLICATION',
  'PAYMENT',
] as const;
/** The clocks of a case file: the contract's CaseClockKind (its values are pinned there). */
export type CaseClockKind = (typeof CASE_CLOCK_KINDS)[number];
/** Every clock the engine computes: a case's, and a compulsory measure's (查封、扣押期限). */
export const CLOCK_KINDS = [...CASE_CLOCK_KINDS, 'COMPULSORY_MEASURE'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/**
 * The clocks of a complaint or report clue (投诉举报线索, src/clues), on the same engine and rules
 * table. Kept apart from CLOCK_KINDS, which is the contract's CaseClockKind enum.
 */
export const CLUE_CLOCK_KINDS = [
  'CLUE_ACCEPTANCE',
  'CLUE_VERIFICATION',
  'CLUE_INFORMING',
  'CLUE_MEDIATION',
] as const;
export type ClueClockKind = (typeof CLUE_CLOCK_KINDS)[number];
/** Any clock the rules table knows: a case's or a clue's. */
export type AnyClockKind = ClockKind | ClueClockKind;
export type ClockUnit = 'WORKING_DAYS' | 'DAYS';

export interface ClockRule {
  kind: AnyClockKind;
  unit: ClockUnit;
  length: number;
  /** The most an extension approved by the head may add, in the clock's unit (0: none). */
  maxExtension: number;
  /** Whether, beyond `maxExtension`, a collective discussion (集体讨论) may fix a new due day. */
  collectiveDiscussion: boolean;
  /** First start day the rule applies to (inclusive); null: since ever. */
  validFrom: string | null;
  /** Last start day the rule applies to (inclusive); null: still in force. */
  validTo: string | null;
  basis: string;
}

/**
 * The lengths of the clocks, with validity dates: a clock uses the rule in force on its start day.
 * The SAMR rule (市场监督管理行政处罚程序规定, 总局令第2号) applies from 2019-04-01; before it,
 * 工商行政管理机关行政处罚程序规定 (国家工商总局令第28号) 第十七条: the decision whether to file is made
 * within 7 working days, "特殊情况下，可以延长至十五个工作日" (so at most 8 more), and 第五十七条: 90
 * days from filing to the decision, extendable by 30 with the head's approval.
 */
export const CLOCK_RULES: readonly ClockRule[] = [
  {
    kind: 'FILING_DECISION',
    unit: 'WORKING_DAYS',
    length: 7,
    maxExtension: 8,
    collectiveDiscussion: false,
    validFrom: null,
    validTo: '2019-03-31',
    basis: '工商行政管理机关行政处罚程序规定 第十七条',
  },
  {
    kind: 'FILING_DECISION',
    unit: 'WORKING_DAYS',
    length: 15,
    maxExtension: 15,
    collectiveDiscussion: false,
    validFrom: '2019-04-01',
    validTo: null,
    basis: '市场监督管理行政处罚程序规定 第十八条',
  },
  {
    kind: 'PENALTY_DECISION',
    unit: 'DAYS',
    length: 90,
    maxExtension: 30,
    collectiveDiscussion: false,
    validFrom: null,
    validTo: '2019-03-31',
    basis: '工商行政管理机关行政处罚程序规定 第五十七条',
  },
  {
    kind: 'PENALTY_DECISION',
    unit: 'DAYS',
    length: 90,
    maxExtension: 30,
    collectiveDiscussion: true,
    validFrom: '2019-04-01',
    validTo: null,
    basis: '市场监督管理行政处罚程序规定 第六十四条',
  },
  {
    kind: 'TRANSFER_APPROVAL',
    unit: 'DAYS',
    length: 3,
    maxExtension: 0,
    collectiveDiscussion: false,
    validFrom: null,
    validTo: null,
    basis: '行政执法机关移送涉嫌犯罪案件的规定 (国务院令第310号) 第五条',
  },
  {
    kind: 'PUBLICATION',
    unit: 'WORKING_DAYS',
    length: 20,
    maxExtension: 0,
    collectiveDiscussion: false,
    validFrom: null,
    validTo: null,
    basis: '市场监督管理行政处罚信息公示规定',
  },
  {
    kind: 'PAYMENT',
    unit: 'DAYS',
    length: 15,
    maxExtension: 0,
    collectiveDiscussion: false,
    validFrom: null,
    validTo: null,
    basis: '行政处罚法 第六十七条',
  },
  {
    // 行政强制法 第二十五条: 查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准，可以延长，
    // 但是延长期限不得超过三十日; 检测、检验、检疫或者技术鉴定的期间不计入. Thirty days are calendar
    // days (第六十九条: only periods of 十日以内 count working days).
    kind: 'COMPULSORY_MEASURE',
    unit: 'DAYS',
    length: 30,
    maxExtension: 30,
    collectiveDiscussion: false,
    validFrom: null,
    validTo: null,
    basis: '行政强制法 第二十五条',
  },
  // 投诉举报线索 (src/clues). 市场监督管理投诉举报处理暂行办法 (总局令第20号, 2019-12-01; amended 2022).
  {
    kind: 'CLUE_ACCEPTANCE',
    unit: 'WORKING_DAYS',
    length: 7,
    maxExtension: 0,
    collectiveDiscussion: false,
    validFrom: null,
    validTo: null,
    // 第十四条: 应当自收到投诉之日起七个工作日内作出受理或者不予受理的决定 (第十五条 lists the
    // grounds for refusing).
    basis: '市场监督管理投诉举报处理暂行办法 第十四条',
  },
  {
    kind: 'CLUE_VERIFICATION',
    unit: 'WORKING_DAYS',
    length: 15,
    maxExtension: 15,
    collectiveDiscussion: false,
    validFrom: null,
    validTo: null,
    basis: '市场监督管理行政处罚程序规定 第十八条',
  },
  {
    kind: 'CLUE_INFORMING',
    unit: 'WORKING_DAYS',
    length: 5,
    maxExtension: 0,
    collectiveDiscussion: false,
    validFrom: null,
    validTo: null,
    basis: '市场监督管理投诉举报处理暂行办法 第三十二条',
  },
  {
    // 第二十一条第一款第五项: 自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议的，终止调解
    // (checked against two secondary pages quoting it; the official text could not be retrieved).
    kind: 'CLUE_MEDIATION',
    unit: 'WORKING_DAYS',
    length: 45,
    maxExtension: 0,
    collectiveDiscussion: false,
    validFrom: null,
    validTo: null,
    basis: '市场监督管理投诉举报处理暂行办法 第二十一条',
  },
];

/** The rule of a clock in force on its start day. */
export function ruleFor(kind: AnyClockKind, startedOn: string): ClockRule {
  const rule = CLOCK_RULES.find(
    (candidate) =>
      candidate.kind === kind &&
      (candidate.validFrom === null || candidate.validFrom <= startedOn) &&
      (candidate.validTo === null || startedOn <= candidate.validTo),
  );
  if (!rule) throw new Error(`No rule for ${kind} on ${startedOn}`);
  return rule;
}

/** The holiday table as the clocks need it: exceptions to Monday–Friday, and the years it covers. */
export interface HolidayCalendar {
  exceptions: ReadonlyMap<string, boolean>;
  coveredYears: ReadonlySet<number>;
}

/** An excluded period: from `from` to `to` (both days included); `to` null while it lasts. */
export interface ExcludedPeriod {
  from: string;
  to: string | null;
}

export interface ClockInput<K extends AnyClockKind = ClockKind> {
  kind: K;
  startedOn: string;
  /** Extensions approved, in the clock's unit. */
  extendedBy?: number;
  /** A due day fixed by a collective discussion (集体讨论), replacing the computed one. */
  dueOverride?: string | null;
  suspensions?: readonly ExcludedPeriod[];
  metOn?: string | null;
  /** The day overdue is judged on (and the end of a suspension still running). */
  asOf: string;
}

export interface Clock<K extends AnyClockKind = ClockKind> {
  kind: K;
  startedOn: string;
  dueOn: string;
  extendedBy: number;
  pausedDays: number;
  metOn: string | null;
  overdue: boolean;
  provisional: boolean;
  basis: string;
}

function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

function suspendedOn(day: string, periods: readonly ExcludedPeriod[], asOf: string): boolean {
  return periods.some((period) => period.from <= day && day <= (period.to ?? asOf));
}

/** Computes a clock: its due day, paused days, whether it is overdue on `asOf`, and provisional. */
export function computeClock<K extends AnyClockKind = ClockKind>(
  input: ClockInput<K>,
  calendar: HolidayCalendar,
): Clock<K> {
  const rule = ruleFor(input.kind, input.startedOn);
  const extendedBy = input.extendedBy ?? 0;
  const suspensions = input.suspensions ?? [];
  const metOn = input.metOn ?? null;
  // A suspension still running is counted up to the later of the as-of day and the met day.
  const openEnd = metOn && metOn > input.asOf ? metOn : input.asOf;
  let provisional = false;
  const counts = (day: string): boolean => {
    if (!calendar.coveredYears.has(yearOf(day))) provisional = true;
    return rule.unit === 'DAYS' || isWorkingDay(day, calendar.exceptions);
  };
  let remaining = rule.length + extendedBy;
  let pausedDays = 0;
  let current = input.startedOn;
  while (remaining > 0) {
    current = addDays(current, 1);
    const unitDay = counts(current);
    if (suspendedOn(current, suspensions, openEnd)) {
      if (unitDay) pausedDays += 1;
      continue;
    }
    if (unitDay) remaining -= 1;
  }
  if (rule.unit === 'DAYS') {
    while (!isWorkingDay(current, calendar.exceptions)) {
      counts(current);
      current = addDays(current, 1);
    }
    counts(current);
  }
  const dueOn = input.dueOverride ?? current;
  return {
    kind: input.kind,
    startedOn: input.startedOn,
    dueOn,
    extendedBy,
    pausedDays,
    metOn,
    overdue: metOn === null && input.asOf > dueOn,
    provisional,
    basis: rule.basis,
  };
}

/** The nearest due day of the clocks not met yet, or null when every clock is met. */
export function nextDue(clocks: readonly Clock<AnyClockKind>[]): string | null {
  const open = clocks.filter((clock) => clock.metOn === null).map((clock) => clock.dueOn);
  return open.length === 0 ? null : open.sort()[0];
}

/**
 * Why an extension of `requested` more (in the clock's unit) is not allowed after `already`, or
 * null when it is: FILING_DECISION once, up to the rule's limit; PENALTY_DECISION up to the limit,
 * further only with a collective discussion (集体讨论) fixing a new due day. The answer names the rule.
 */
export function extensionRefusal(
  kind: AnyClockKind,
  startedOn: string,
  already: number,
  requested: number,
  collectiveDiscussion: boolean,
): string | null {
  const rule = ruleFor(kind, startedOn);
  if (rule.maxExtension === 0) return rule.basis;
  if (already + requested <= rule.maxExtension) return null;
  if (rule.collectiveDiscussion && collectiveDiscussion && already >= rule.maxExtension)
    return null;
  return rule.basis;
}
