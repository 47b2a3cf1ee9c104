import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarRepository } from '../../reference/calendar.repository';
import { addDays } from './shanghai';
import { addWorkingDays } from './working-days';

/** The days of the holiday table that `addWorkingDays(day, count)` reads. */
export interface WorkingDaysWindow {
  from: string;
  to: string;
}

/** Working-day arithmetic over the holiday table (calendar_exceptions, seeded by a migration). */
@Injectable()
export class CalendarService {
  constructor(private readonly calendar: CalendarRepository) {}

  async addWorkingDays(manager: EntityManager, day: string, count: number): Promise<string> {
    const { from, to } = CalendarService.window(day, count);
    return addWorkingDays(day, count, await this.calendar.exceptionsBetween(manager, from, to));
  }

  /**
   * The holiday table's days between `from$` and `to$` (SQL date expressions, a `window`) inside a
   * statement the caller sends anyway, for `addWorkingDaysWith`.
   */
  exceptionsJsonSql(from$: string, to$: string): string {
    return this.calendar.exceptionsBetweenJsonSql(from$, to$);
  }

  /**
   * The days `count` working days after `day` can reach: at most three calendar days per working
   * day, plus the longest run of holidays (the Spring Festival's week and its make-up days).
   */
  static window(day: string, count: number): WorkingDaysWindow {
    return { from: day, to: addDays(day, count * 3 + 60) };
  }

  /** `addWorkingDays` with the exceptions of `window(day, count)` already read (day → working). */
  static addWorkingDaysWith(
    day: string,
    count: number,
    exceptions: Record<string, boolean>,
  ): string {
    return addWorkingDays(day, count, new Map(Object.entries(exceptions)));
  }
}
