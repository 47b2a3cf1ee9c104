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
}
