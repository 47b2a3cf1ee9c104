import { Module } from '@nestjs/common';
import { BureausModule } from '../bureaus/bureaus.module';
import { OfficersModule } from '../officers/officers.module';
import { InspectionsModule } from '../inspections/inspections.module';
import { PremisesModule } from '../premises/premises.module';
import { SweepsModule } from '../sweeps/sweeps.module';
import { SelectionRepository } from './selection.repository';
import { InspectionPlanResolver, InspectionPlanVisitResolver } from './selection.resolver';
import { SelectionService } from './selection.service';

/** 双随机、一公开: random dual selection plans (issue 9). */
@Module({
  imports: [BureausModule, InspectionsModule, OfficersModule, PremisesModule, SweepsModule],
  providers: [
    SelectionService,
    SelectionRepository,
    InspectionPlanResolver,
    InspectionPlanVisitResolver,
  ],
  exports: [SelectionRepository],
})
export class SelectionModule {}
