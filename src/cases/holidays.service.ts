import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { BadUserInput, type FieldError } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import { Scope } from '../common/scope';
import { Database } from '../database/database';
import { CalendarRepository } from '../reference/calendar.repository';
import { CaseClocksService } from './case-clocks.service';
import { CasesRepository } from './cases.repository';
import type { HolidayCalendarType, HolidayYearLoadType } from './dto/case.types';
import type { LoadHolidayYearInput } from './dto/case.inputs';

/** The audit log keys records by UUID: a year of the holiday table has this one. */
export function holidayYearId(year: number): string {
  return `00000000-0000-0000-0000-${String(year).padStart(12, '0')}`;
}

/** Why the days of a year are not a State Council notice's, by field; empty when they are. */
export function holidayYearProblems(input: LoadHolidayYearInput): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  input.days.forEach((day, index) => {
    const path = `input.days.${index}.date`;
    if (!day.date.startsWith(`${input.year}-`))
      problems.push({
        path,
        message: message('holidays.outsideYear', { day: day.date, year: input.year }),
      });
    if (seen.has(day.date))
      problems.push({ path, message: message('holidays.duplicateDay', { day: day.date }) });
    seen.add(day.date);
    const weekday = new Date(`${day.date}T00:00:00.000Z`).getUTCDay();
    if (day.kind === 'WORKDAY' && weekday !== 0 && weekday !== 6)
      problems.push({ path, message: message('holidays.workdayOnWeekday', { day: day.date }) });
  });
  return problems;
}

/**
 * The holiday table (法定节假日, 调休上班): read by everyone; an ADMIN loads a year when its State
 * Council notice appears, which recomputes every open due day the year touches, in one transaction.
 */
@Injectable()
export class HolidaysService {
  constructor(
    private readonly database: Database,
    private readonly calendar: CalendarRepository,
    private readonly cases: CasesRepository,
    private readonly clocks: CaseClocksService,
    private readonly audit: AuditService,
  ) {}

  async holidayCalendar(): Promise<HolidayCalendarType> {
    const manager = this.database.manager;
    const [coveredYears, days] = await Promise.all([
      this.calendar.coveredYears(manager),
      this.calendar.days(manager),
    ]);
    return {
      coveredYears,
      days: days.map((row) => ({
        date: row.day,
        kind: row.working_day ? 'WORKDAY' : 'HOLIDAY',
        name: row.name,
      })),
    };
  }

  async loadHolidayYear(
    officer: CurrentOfficer,
    input: LoadHolidayYearInput,
  ): Promise<HolidayYearLoadType> {
    const problems = holidayYearProblems(input);
    if (problems.length > 0) throw new BadUserInput(problems);
    return this.database.transaction(async (manager) => {
      await manager.query(`LOCK TABLE holiday_years IN EXCLUSIVE MODE`);
      await this.calendar.replaceYear(
        manager,
        input.year,
        input.notice,
        input.days.map((day) => ({
          day: day.date,
          workingDay: day.kind === 'WORKDAY',
          name: day.name,
        })),
      );
      await this.audit.record(manager, {
        actorId: officer.id,
        action: 'LOAD_HOLIDAY_YEAR',
        entityType: 'HolidayYear',
        entityId: holidayYearId(input.year),
        after: input,
        requestId: officer.requestId,
      });
      const recomputedDeadlines = await this.recompute(manager, officer, input.year);
      return { year: input.year, days: input.days.length, recomputedDeadlines };
    });
  }

  /** Recomputes the open due days whose clocks run through `year`; how many changed. */
  private async recompute(
    manager: EntityManager,
    officer: CurrentOfficer,
    year: number,
  ): Promise<number> {
    const calendar = await this.clocks.calendar(manager);
    const first = `${year}-01-01`;
    const last = `${year}-12-31`;
    let changed = 0;
    const cases = await manager.query<
      { id: string; next_due_on: string | null; clock_dues: Record<string, string> }[]
    >(
      `SELECT id, to_char(next_due_on, 'YYYY-MM-DD') AS next_due_on, clock_dues FROM cases
        WHERE clock_dues <> '{}'::jsonb AND filing_started_on <= $2::date
          AND EXISTS (SELECT 1 FROM jsonb_each_text(clock_dues) d WHERE d.value::date >= $1::date)
        ORDER BY id`,
      [first, last],
    );
    for (const row of cases) {
      await this.clocks.refreshCase(manager, row.id, calendar);
      const after = await this.cases.byIdUnscoped(manager, row.id);
      if (JSON.stringify(after?.clockDues ?? {}) !== JSON.stringify(row.clock_dues)) {
        changed += 1;
        await this.audit.record(manager, {
          actorId: officer.id,
          action: 'RECOMPUTE_DEADLINES',
          entityType: 'Case',
          entityId: row.id,
          before: row,
          after,
          requestId: officer.requestId,
        });
      }
    }
    const findings = await manager.query<
      { id: string; due_on: string; case_decision_due: string }[]
    >(
      `SELECT id, to_char(due_on, 'YYYY-MM-DD') AS due_on, to_char(case_decision_due, 'YYYY-MM-DD') AS case_decision_due
         FROM findings
        WHERE case_id IS NULL AND NOT voided AND due_on >= $1::date AND found_on <= $2::date
        ORDER BY id`,
      [first, last],
    );
    for (const row of findings) {
      const [finding] = await this.cases.lockFindingsInScope(manager, Scope.system(), [row.id]);
      await this.clocks.refreshFinding(manager, finding, calendar);
      const [after] = await this.cases.lockFindingsInScope(manager, Scope.system(), [row.id]);
      if (after.dueOn !== row.due_on || after.caseDecisionDue !== row.case_decision_due) {
        changed += 1;
        await this.audit.record(manager, {
          actorId: officer.id,
          action: 'RECOMPUTE_DEADLINES',
          entityType: 'Finding',
          entityId: row.id,
          before: row,
          after,
          requestId: officer.requestId,
        });
      }
    }
    for (const other of await this.clocks.recomputeOthers(manager, calendar, year)) {
      changed += 1;
      await this.audit.record(manager, {
        actorId: officer.id,
        action: 'RECOMPUTE_DEADLINES',
        entityType: other.entityType,
        entityId: other.id,
        before: other.before,
        after: other.after,
        requestId: officer.requestId,
      });
    }
    return changed;
  }
}
