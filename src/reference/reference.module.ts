import { Global, Module } from '@nestjs/common';
import { CalendarRepository } from './calendar.repository';
import { FindingLegalBasisResolver } from './finding-legal-basis.resolver';
import { ReferenceRepository } from './reference.repository';
import { ReferenceResolver } from './reference.resolver';
import { ReferenceService } from './reference.service';

@Global()
@Module({
  providers: [
    ReferenceResolver,
    FindingLegalBasisResolver,
    ReferenceService,
    ReferenceRepository,
    CalendarRepository,
  ],
  exports: [ReferenceService, ReferenceRepository, CalendarRepository],
})
export class ReferenceModule {}
