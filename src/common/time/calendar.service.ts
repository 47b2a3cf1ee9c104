import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { addDays } from './shanghai';
import { addWorkingDays } from './working-days';

/** Working-day arithmetic over the holiday table (calendar_exceptions, seeded by a migration). */
@Injectable()
export class CalendarService {
  async addWorkingDays(manager: EntityManager, day: string, count: number): Promise<string> {
    const rows = await manager.query<{ day: string; working_day: boolean }[]>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, working_day FROM calendar_exceptions WHERE day > $1::date AND day <= $2::date`,
      [day, addDays(day, count * 3 + 60)],
    );
    return addWorkingDays(day, count, new Map(rows.map((row) => [row.day, row.working_day])));
  }
}
