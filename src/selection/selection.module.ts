import { Module } from '@nestjs/common';
import { InspectionPlanResolver, InspectionPlanVisitResolver } from './selection.resolver';
import { SelectionService } from './selection.service';

/** 双随机、一公开: random dual selection plans (issue 9). */
@Module({
  providers: [SelectionService, InspectionPlanResolver, InspectionPlanVisitResolver],
})
export class SelectionModule {}
