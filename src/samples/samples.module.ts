import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { InspectionsModule } from '../inspections/inspections.module';
import { OfficersModule } from '../officers/officers.module';
import { SweepsModule } from '../sweeps/sweeps.module';
import { FindingSampleResolver, InspectionSamplesResolver } from './sample-links.resolver';
import { SamplesRepository } from './samples.repository';
import { SamplesResolver } from './samples.resolver';
import { SamplesService } from './samples.service';

/**
 * 抽样检验 / 快检: samples on inspections, their reports, findings resting on them, and voiding a
 * sample recorded in error.
 */
@Module({
  imports: [CasesModule, InspectionsModule, OfficersModule, SweepsModule],
  providers: [
    SamplesRepository,
    SamplesService,
    SamplesResolver,
    InspectionSamplesResolver,
    FindingSampleResolver,
  ],
  exports: [SamplesRepository],
})
export class SamplesModule {}
