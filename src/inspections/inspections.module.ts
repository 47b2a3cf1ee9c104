import { Module } from '@nestjs/common';
import { BureausModule } from '../bureaus/bureaus.module';
import { ExposuresModule } from '../exposures/exposures.module';
import { OfficersModule } from '../officers/officers.module';
import { PremisesModule } from '../premises/premises.module';
import { SweepsModule } from '../sweeps/sweeps.module';
import { FindingsResolver } from './findings.resolver';
import { FindingsService } from './findings.service';
import { InspectionsResolver } from './inspections.resolver';
import { InspectionsService } from './inspections.service';
import { PremisesInspectionsResolver } from './premises-inspections.resolver';
import { FindingsRepository } from './repositories/findings.repository';
import { InspectionContextRepository } from './repositories/inspection-context.repository';
import { InspectionsRepository } from './repositories/inspections.repository';

@Module({
  imports: [BureausModule, ExposuresModule, OfficersModule, PremisesModule, SweepsModule],
  providers: [
    InspectionsResolver,
    InspectionsService,
    FindingsResolver,
    FindingsService,
    PremisesInspectionsResolver,
    InspectionsRepository,
    FindingsRepository,
    InspectionContextRepository,
  ],
  exports: [FindingsService, InspectionsRepository, FindingsRepository],
})
export class InspectionsModule {}
