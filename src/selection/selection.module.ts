import { Module } from '@nestjs/common';
import { BureausModule } from '../bureaus/bureaus.module';
import { CasesModule } from '../cases/cases.module';
import { OfficersModule } from '../officers/officers.module';
import { InspectionsModule } from '../inspections/inspections.module';
import { PremisesModule } from '../premises/premises.module';
import { SweepsModule } from '../sweeps/sweeps.module';
import { PlanExportController } from './plan-export.controller';
import { SelectionRepository } from './selection.repository';
import {
  ConflictOfInterestResolver,
  InspectionConflictsResolver,
  InspectionPlanResolver,
  InspectionPlanVisitResolver,
} from './selection.resolver';
import { SelectionService } from './selection.service';

/** 双随机、一公开: auditable random dual selection plans (issues 9 and 19). */
@Module({
  imports: [
    BureausModule,
    CasesModule,
    InspectionsModule,
    OfficersModule,
    PremisesModule,
    SweepsModule,
  ],
  controllers: [PlanExportController],
  providers: [
    SelectionService,
    SelectionRepository,
    InspectionPlanResolver,
    InspectionPlanVisitResolver,
    ConflictOfInterestResolver,
    InspectionConflictsResolver,
  ],
  exports: [SelectionRepository],
})
export class SelectionModule {}
