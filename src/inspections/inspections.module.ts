import { Module } from '@nestjs/common';
import { SweepsModule } from '../sweeps/sweeps.module';
import { FindingsResolver } from './findings.resolver';
import { FindingsService } from './findings.service';
import { InspectionsResolver } from './inspections.resolver';
import { InspectionsService } from './inspections.service';
import { PremisesInspectionsResolver } from './premises-inspections.resolver';
import { FindingsRepository } from './repositories/findings.repository';
import { InspectionsRepository } from './repositories/inspections.repository';
import { OfficerActivityReader } from './repositories/officer-activity-reader';
import { PremisesReader } from './repositories/premises-reader';
import { SweepContentsReader } from './repositories/sweep-contents-reader';

@Module({
  imports: [SweepsModule],
  providers: [
    InspectionsResolver,
    InspectionsService,
    FindingsResolver,
    FindingsService,
    PremisesInspectionsResolver,
    InspectionsRepository,
    FindingsRepository,
    PremisesReader,
    OfficerActivityReader,
    SweepContentsReader,
  ],
  exports: [FindingsService, InspectionsRepository, FindingsRepository],
})
export class InspectionsModule {}
