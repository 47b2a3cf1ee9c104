import { Global, Module } from '@nestjs/common';
import { IdempotencyRepository } from './idempotency/idempotency.repository';
import { IdempotencyService } from './idempotency/idempotency.service';
import { CalendarService } from './time/calendar.service';

/** Shared services every domain module may use. */
@Global()
@Module({
  providers: [IdempotencyService, IdempotencyRepository, CalendarService],
  exports: [IdempotencyService, CalendarService],
})
export class CommonModule {}
