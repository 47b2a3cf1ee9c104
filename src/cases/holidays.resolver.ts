import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { CurrentOfficer } from '../auth/current-officer';
import { CurrentUser, Roles } from '../auth/decorators';
import { LoadHolidayYearInput } from './dto/case.inputs';
import { HolidayCalendarType, HolidayYearLoadType } from './dto/case.types';
import { HolidaysService } from './holidays.service';

/** The holiday table working days are counted by. */
@Resolver()
export class HolidaysResolver {
  constructor(private readonly holidays: HolidaysService) {}

  @Query(() => HolidayCalendarType, {
    description: 'The years the holiday table covers and their days. Everyone.',
  })
  holidayCalendar(): Promise<HolidayCalendarType> {
    return this.holidays.holidayCalendar();
  }

  @Mutation(() => HolidayYearLoadType, {
    description:
      'Loads (or replaces) the holidays of a year from its State Council notice and recomputes every open due day it touches, in one transaction. ADMIN.',
  })
  @Roles('ADMIN')
  loadHolidayYear(
    @Args('input', { description: 'The year, its notice and its days.' })
    input: LoadHolidayYearInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<HolidayYearLoadType> {
    return this.holidays.loadHolidayYear(officer, input);
  }
}
