import { Global, Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency/idempotency.service';
import { CalendarService } from './time/calendar.service';

/** Shared services every domain module may use. */
@Global()
@Module({
  providers: [IdempotencyService, CalendarService],
  exports: [IdempotencyService, CalendarService],
})
export class CommonModule {}
