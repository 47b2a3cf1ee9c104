import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { AuditedEntityType } from '../audit/audit-vocabulary';
import { shanghaiDay } from '../common/time/shanghai';
import { readsOn } from '../database/reads';
import type { Loaders } from '../graphql/loaders';
import type { Finding } from '../inspections/finding.entity';
import { CalendarRepository } from '../reference/calendar.repository';
import { caseClocks } from './case-clocks';
import type { CaseFile } from './case.entity';
import { CasesRepository } from './cases.repository';
import { Clock, computeClock, HolidayCalendar, nextDue } from './clocks';
import { summaryStatus } from './tracks';

/** A record of another area whose stored due day a holiday year changed, as its audit shows it. */
export interface RecomputedDueDay {
  entityType: AuditedEntityType;
  id: string;
  before: unknown;
  after: unknown;
}
export type DueDayRecomputer = (
  manager: EntityManager,
  calendar: HolidayCalendar,
  year: number,
) => Promise<RecomputedDueDay[]>;

/**
 * Keeps the stored due days in step with the clocks: after every move of a case or of a finding's
 * tracks, `refreshCase`/`refreshFinding` recompute the clocks over the holiday table and write the
 * case's `next_due_on`/`clock_dues` and each finding's status, `case_decision_due`, `due_on` and
 * the case columns it mirrors (bumping its version: every move of a case moves its findings).
 */
@Injectable()
export class CaseClocksService {
  /** Other areas' stored due days on this engine, recomputed when a holiday year is loaded. */
  private readonly recomputers: DueDayRecomputer[] = [];

  constructor(
    private readonly cases: CasesRepository,
    private readonly calendarRepository: CalendarRepository,
  ) {}

  /** Registers an area's recomputation of its stored due days (clues, compulsory measures). */
  onHolidayYearLoaded(recomputer: DueDayRecomputer): void {
    this.recomputers.push(recomputer);
  }

  /** Runs every registered recomputation for a loaded year; the records whose due day changed. */
  async recomputeOthers(
    manager: EntityManager,
    calendar: HolidayCalendar,
    year: number,
  ): Promise<RecomputedDueDay[]> {
    const changed: RecomputedDueDay[] = [];
    for (const recompute of this.recomputers)
      changed.push(...(await recompute(manager, calendar, year)));
    return changed;
  }

  /**
   * The holiday table once per request, however many clocks a response holds (clues, compulsory
   * measures): the same calendar for every load.
   */
  calendarOf(loaders: Loaders): Promise<HolidayCalendar> {
    return loaders
      .custom(
        'clocks.calendar',
        () =>
          new DataLoader<'all', HolidayCalendar>(async (keys) => {
            const calendar = await loaders.read((manager) => this.calendar(manager));
            return keys.map(() => calendar);
          }),
      )
      .load('all');
  }

  /** The whole holiday table (a few hundred rows) and the years it covers. */
  async calendar(manager: EntityManager): Promise<HolidayCalendar> {
    const [exceptions, coveredYears] = await readsOn(
      manager,
      () => this.calendarRepository.exceptionsBetween(manager, '1900-01-01', '9999-12-31'),
      () => this.calendarRepository.coveredYears(manager),
    );
    return { exceptions, coveredYears: new Set(coveredYears) };
  }

  /** The clocks of a case as of today. */
  async clocksOf(
    manager: EntityManager,
    c: CaseFile,
    calendar?: HolidayCalendar,
  ): Promise<Clock[]> {
    return (await this.clocksOfCases(manager, [c], calendar))[0];
  }

  /**
   * `Case.clocks` for this request: the clocks of every case a response lists, in four statements
   * (findings, steps, suspensions, the holiday table) however many cases it holds.
   */
  clocksLoader(loaders: Loaders): DataLoader<CaseFile, Clock[], string> {
    return loaders.custom(
      'cases.clocks',
      () =>
        new DataLoader<CaseFile, Clock[], string>(
          (cases) => loaders.read((manager) => this.clocksOfCases(manager, cases)),
          { cacheKeyFn: (c) => c.id },
        ),
    );
  }

  private async clocksOfCases(
    manager: EntityManager,
    cases: readonly CaseFile[],
    calendar?: HolidayCalendar,
  ): Promise<Clock[][]> {
    const ids = cases.map((c) => c.id);
    const [findings, steps, suspensions, holidays] = await readsOn(
      manager,
      () => this.cases.findingsOfCases(manager, ids),
      () => this.cases.stepsOfCases(manager, ids),
      () => this.cases.clockSuspensionsOfCases(manager, ids),
      () => (calendar ? Promise.resolve(calendar) : this.calendar(manager)),
    );
    const today = shanghaiDay(new Date());
    return cases.map((c) =>
      caseClocks(
        {
          case: c,
          findings: findings
            .filter((row) => row.caseId === c.id)
            .map((row) => ({
              foundOn: row.foundOn,
              filingExtendedBy: row.filingExtendedBy,
              filingSuspensions: suspensions.filter((s) => s.findingId === row.id),
            })),
          steps: steps.filter((row) => row.caseId === c.id),
          suspensions: suspensions.filter((row) => row.caseId === c.id),
        },
        holidays,
        today,
      ),
    );
  }

  /** The filing clock (立案决定) of a finding, from its inspection's day. */
  async filingClock(
    manager: EntityManager,
    finding: Finding,
    calendar: HolidayCalendar,
  ): Promise<Clock> {
    const suspensions = await this.cases.suspensionsOfFinding(manager, finding.id);
    return computeClock(
      {
        kind: 'FILING_DECISION',
        startedOn: finding.foundOn,
        extendedBy: finding.filingExtendedBy,
        suspensions,
        metOn: finding.filingDecidedOn ?? finding.transferredOn,
        asOf: shanghaiDay(new Date()),
      },
      calendar,
    );
  }

  /** Recomputes a case's clocks and writes them to the case and each of its findings. */
  async refreshCase(
    manager: EntityManager,
    caseId: string,
    calendar?: HolidayCalendar,
  ): Promise<void> {
    const cal = calendar ?? (await this.calendar(manager));
    const c = await this.cases.byIdUnscoped(manager, caseId);
    if (!c) return;
    const clocks = await this.clocksOf(manager, c, cal);
    const open = clocks.filter((clock) => clock.metOn === null);
    const next = nextDue(clocks);
    await this.cases.setDues(
      manager,
      c.id,
      next,
      Object.fromEntries(open.map((clock) => [clock.kind, clock.dueOn])),
    );
    const penalty = clocks.find((clock) => clock.kind === 'PENALTY_DECISION')!;
    for (const finding of await this.cases.findingsOf(manager, c.id)) {
      const filing = await this.filingClock(manager, finding, cal);
      await this.cases.setFindingDerived(manager, finding.id, {
        status: summaryStatus({
          rectification: finding.rectificationStatus,
          filingDecision: finding.filingDecision,
          caseStatus: c.status,
          transferredWithoutCase: false,
        }),
        due_on: earliest([
          finding.rectificationStatus === 'RECTIFYING' ? finding.rectificationDeadline : null,
          next,
        ]),
        case_decision_due: filing.dueOn,
        case_id: c.id,
        case_number: c.caseNumber,
        case_filed_on: c.filedOn,
        penalty_decision_due: penalty.dueOn,
        decision_number: c.decisionNumber,
        decided_on: c.decidedOn,
        fine: c.fine,
        confiscation: c.illegalGains,
        transferred_on: c.transferredOn,
      });
    }
  }

  /** Recomputes a finding's tracks (through its case when it has one) and bumps its version. */
  async refreshFinding(
    manager: EntityManager,
    finding: Finding,
    calendar?: HolidayCalendar,
  ): Promise<void> {
    if (finding.caseId) return this.refreshCase(manager, finding.caseId, calendar);
    const cal = calendar ?? (await this.calendar(manager));
    const filing = await this.filingClock(manager, finding, cal);
    const transferredWithoutCase = finding.transferredOn !== null;
    await this.cases.setFindingDerived(manager, finding.id, {
      status: summaryStatus({
        rectification: finding.rectificationStatus,
        filingDecision: finding.filingDecision,
        caseStatus: null,
        transferredWithoutCase,
      }),
      due_on: earliest([
        finding.rectificationStatus === 'RECTIFYING' ? finding.rectificationDeadline : null,
        finding.filingDecision || transferredWithoutCase ? null : filing.dueOn,
      ]),
      case_decision_due: filing.dueOn,
      case_id: null,
      case_number: null,
      case_filed_on: null,
      penalty_decision_due: null,
      decision_number: null,
      decided_on: null,
      fine: null,
      confiscation: null,
      transferred_on: finding.transferredOn,
    });
  }
}

function earliest(days: (string | null)[]): string | null {
  const set = days.filter((day): day is string => day !== null).sort();
  return set[0] ?? null;
}
