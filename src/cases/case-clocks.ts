import type { CaseStepRecord } from './case-step.entity';
import type { CaseFile } from './case.entity';
import type { ClockSuspension } from './clock-suspension.entity';
import { Clock, computeClock, ExcludedPeriod, HolidayCalendar } from './clocks';

/** A warning alone is not published after 2021-09-01 (市场监督管理行政处罚信息公示规定 第六条). */
const WARNING_ALONE_UNPUBLISHED_FROM = '2021-09-01';

export interface CaseClockInputs {
  case: CaseFile;
  /** The days its findings were found on and their filing extensions. */
  findings: readonly { foundOn: string; filingExtendedBy: number }[];
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
  const filingStart = inputs.findings.map((row) => row.foundOn).sort()[0] ?? c.filingStartedOn;
  clocks.push(
    computeClock(
      {
        kind: 'FILING_DECISION',
        startedOn: filingStart,
        extendedBy: Math.max(0, ...inputs.findings.map((row) => row.filingExtendedBy)),
        metOn: c.filedOn,
        asOf,
      },
      calendar,
    ),
  );
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
