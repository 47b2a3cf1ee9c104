import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Every SQL statement on the holiday table (calendar_exceptions, seeded by a migration): days that
 * break the Monday–Friday rule.
 */
@Injectable()
export class CalendarRepository {
  /**
   * The exceptions after `from` up to `to` (YYYY-MM-DD, both days), by day: true for a make-up
   * working day (调休上班), false for an official holiday (法定节假日).
   */
  async exceptionsBetween(
    manager: EntityManager,
    from: string,
    to: string,
  ): Promise<Map<string, boolean>> {
    const rows = await manager.query<{ day: string; working_day: boolean }[]>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, working_day FROM calendar_exceptions WHERE day > $1::date AND day <= $2::date`,
      [from, to],
    );
    return new Map(rows.map((row) => [row.day, row.working_day]));
  }

  /**
   * The exceptions after `from$` up to `to$` (SQL date expressions) inside a larger statement: a
   * JSON object of day → true for a make-up working day, false for a holiday.
   */
  exceptionsBetweenJsonSql(from$: string, to$: string): string {
    return `(SELECT coalesce(jsonb_object_agg(to_char(ce.day, 'YYYY-MM-DD'), ce.working_day), '{}'::jsonb)
               FROM calendar_exceptions ce WHERE ce.day > ${from$} AND ce.day <= ${to$})`;
  }

  /** The years the holiday table covers (a year is covered once its notice is loaded). */
  async coveredYears(manager: EntityManager): Promise<number[]> {
    const rows = await manager.query<{ year: number }[]>(
      `SELECT year FROM holiday_years ORDER BY year`,
    );
    return rows.map((row) => row.year);
  }

  /** Every day of the holiday table, in order, for the calendar screen. */
  days(manager: EntityManager): Promise<{ day: string; working_day: boolean; name: string }[]> {
    return manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, working_day, name FROM calendar_exceptions ORDER BY day`,
    );
  }

  /** Replaces the days of a year and records the notice it comes from. */
  async replaceYear(
    manager: EntityManager,
    year: number,
    notice: string,
    days: { day: string; workingDay: boolean; name: string }[],
  ): Promise<void> {
    await manager.query(
      `DELETE FROM calendar_exceptions WHERE day BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31)`,
      [year],
    );
    for (const row of days) {
      await manager.query(
        `INSERT INTO calendar_exceptions (day, working_day, name) VALUES ($1, $2, $3)`,
        [row.day, row.workingDay, row.name],
      );
    }
    await manager.query(
      `INSERT INTO holiday_years (year, notice) VALUES ($1, $2)
       ON CONFLICT (year) DO UPDATE SET notice = EXCLUDED.notice, loaded_at = now()`,
      [year, notice],
    );
  }
}
