import { Module } from '@nestjs/common';
import { SweepsModule } from '../sweeps/sweeps.module';
import { SelectionRepository } from './selection.repository';
import { InspectionPlanResolver, InspectionPlanVisitResolver } from './selection.resolver';
import { SelectionService } from './selection.service';

/** 双随机、一公开: random dual selection plans (issue 9). */
@Module({
  imports: [SweepsModule],
  providers: [
    SelectionService,
    SelectionRepository,
    InspectionPlanResolver,
    InspectionPlanVisitResolver,
  ],
  exports: [SelectionRepository],
})
export class SelectionModule {}
