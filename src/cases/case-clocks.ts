import type { CaseStepRecord } from './case-step.entity';
import type { CaseFile } from './case.entity';
import type { ClockSuspension } from './clock-suspension.entity';
import { Clock, computeClock, ExcludedPeriod, HolidayCalendar } from './clocks';

/** A warning alone is not published after 2021-09-01 (市场监督管理行政处罚信息公示规定 第六条). */
const WARNING_ALONE_UNPUBLISHED_FROM = '2021-09-01';

export interface CaseClockInputs {
  case: CaseFile;
  /**
   * The days its findings were found on, their filing extensions and the suspensions of their
   * filing clocks (a lab test's days, 程序规定 第十八条第二款, taken before the case existed).
   */
  findings: readonly {
    foundOn: string;
    filingExtendedBy: number;
    filingSuspensions?: readonly Pick<ClockSuspension, 'from' | 'to'>[];
  }[];
  steps: readonly Pick<CaseStepRecord, 'step' | 'on'>[];
  suspensions: readonly Pick<ClockSuspension, 'from' | 'to'>[];
}

function firstStep(steps: CaseClockInputs['steps'], step: string): string | null {
  const days = steps.filter((row) => row.step === step).map((row) => row.on);
  return days.length === 0 ? null : days.sort()[0];
}

function isPublished(c: CaseFile): boolean {
  if (c.outcome !== 'PENALTY' || !c.decidedOn) return false;
  const warningAlone = c.penalties.length === 1 && c.penalties[0] === 'WARNING';
  return !(warningAlone && c.decidedOn >= WARNING_ALONE_UNPUBLISHED_FROM);
}

/**
 * The filing decision clock (立案决定) of a case, met by its filing: its findings' own filing clocks
 * (each from its day found, with its extension and excluded periods) bind it, so it is the one of
 * them due first — the case was filed in time only if every finding's clock was met in time.
 * Without findings, from the case's own start.
 */
function filingClock(inputs: CaseClockInputs, calendar: HolidayCalendar, asOf: string): Clock {
  const c = inputs.case;
  const clockOf = (row: CaseClockInputs['findings'][number] | null): Clock =>
    computeClock(
      {
        kind: 'FILING_DECISION',
        startedOn: row?.foundOn ?? c.filingStartedOn,
        extendedBy: row?.filingExtendedBy ?? 0,
        suspensions: (row?.filingSuspensions ?? []).map(({ from, to }) => ({ from, to })),
        metOn: c.filedOn,
        asOf,
      },
      calendar,
    );
  if (inputs.findings.length === 0) return clockOf(null);
  return inputs.findings
    .map(clockOf)
    .reduce((first, clock) =>
      clock.dueOn < first.dueOn ||
      (clock.dueOn === first.dueOn && clock.startedOn < first.startedOn)
        ? clock
        : first,
    );
}

/**
 * The clocks of a case as of a day (DOMAIN.md, Clocks): the filing decision (met by the filing),
 * the penalty decision (from filing; a transfer's time with the other authority excluded), the
 * transfer approval for the police, the publication of a penalty decision, and the payment from
 * service when money is due.
 */
export function caseClocks(
  inputs: CaseClockInputs,
  calendar: HolidayCalendar,
  asOf: string,
): Clock[] {
  const c = inputs.case;
  const clocks: Clock[] = [];
  clocks.push(filingClock(inputs, calendar, asOf));
  const excluded: ExcludedPeriod[] = inputs.suspensions.map((row) => ({
    from: row.from,
    to: row.to,
  }));
  if (c.transferredOn && c.transferOutcome === 'RETURNED')
    excluded.push({ from: c.transferredOn, to: c.transferOutcomeOn });
  const withAuthority = c.status === 'TRANSFERRED' || c.transferOutcome === 'ACCEPTED';
  clocks.push(
    computeClock(
      {
        kind: 'PENALTY_DECISION',
        startedOn: c.filedOn,
        extendedBy: c.penaltyExtendedBy,
        dueOverride: c.penaltyDueOverride,
        suspensions: excluded,
        metOn: c.decidedOn ?? (withAuthority ? c.transferredOn : null),
        asOf,
      },
      calendar,
    ),
  );
  if (c.transferAuthority === 'POLICE' && c.transferReportedOn) {
    clocks.push(
      computeClock(
        {
          kind: 'TRANSFER_APPROVAL',
          startedOn: c.transferReportedOn,
          metOn: c.transferApprovedOn,
          asOf,
        },
        calendar,
      ),
    );
  }
  if (isPublished(c)) {
    clocks.push(
      computeClock(
        { kind: 'PUBLICATION', startedOn: c.decidedOn!, metOn: c.publishedOn, asOf },
        calendar,
      ),
    );
  }
  const served = firstStep(inputs.steps, 'SERVED');
  const moneyDue = Number(c.fine ?? 0) > 0 || Number(c.illegalGains ?? 0) > 0;
  if (served && moneyDue) {
    clocks.push(
      computeClock(
        {
          kind: 'PAYMENT',
          startedOn: served,
          metOn: firstStep(inputs.steps, 'PAID') ?? firstStep(inputs.steps, 'ENFORCEMENT_APPLIED'),
          asOf,
        },
        calendar,
      ),
    );
  }
  return clocks;
}
