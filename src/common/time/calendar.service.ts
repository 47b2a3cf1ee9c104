import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarRepository } from '../../reference/calendar.repository';
import { addDays } from './shanghai';
import { addWorkingDays } from './working-days';

/** Working-day arithmetic over the holiday table (calendar_exceptions, seeded by a migration). */
@Injectable()
export class CalendarService {
  constructor(private readonly calendar: CalendarRepository) {}

  async addWorkingDays(manager: EntityManager, day: string, count: number): Promise<string> {
    const exceptions = await this.calendar.exceptionsBetween(
      manager,
      day,
      addDays(day, count * 3 + 60),
    );
    return addWorkingDays(day, count, exceptions);
  }
}
