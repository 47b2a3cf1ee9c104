import { Module } from '@nestjs/common';
import { PremisesModule } from '../premises/premises.module';
import { SweepsModule } from '../sweeps/sweeps.module';
import { FindingsResolver } from './findings.resolver';
import { FindingsService } from './findings.service';
import { InspectionsResolver } from './inspections.resolver';
import { InspectionsService } from './inspections.service';
import { PremisesInspectionsResolver } from './premises-inspections.resolver';
import { BureausReader } from './repositories/bureaus-reader';
import { FindingsRepository } from './repositories/findings.repository';
import { InspectionsRepository } from './repositories/inspections.repository';
import { ExposuresReader } from './repositories/exposures-reader';
import { OfficersReader } from './repositories/officers-reader';

@Module({
  imports: [PremisesModule, SweepsModule],
  providers: [
    InspectionsResolver,
    InspectionsService,
    FindingsResolver,
    FindingsService,
    PremisesInspectionsResolver,
    InspectionsRepository,
    FindingsRepository,
    OfficersReader,
    ExposuresReader,
    BureausReader,
  ],
  exports: [FindingsService, InspectionsRepository, FindingsRepository],
})
export class InspectionsModule {}
