import { Module } from '@nestjs/common';
import { BureausModule } from '../bureaus/bureaus.module';
import { CasesModule } from '../cases/cases.module';
import { InspectionsModule } from '../inspections/inspections.module';
import { PremisesModule } from '../premises/premises.module';
import { SweepsModule } from '../sweeps/sweeps.module';
import { CluesRepository } from './clues.repository';
import { CluesResolver, InspectionCluesResolver } from './clues.resolver';
import { CluesService } from './clues.service';

/** 投诉举报线索: complaint and report clues, their clocks, moves, links and work queue. */
@Module({
  imports: [BureausModule, CasesModule, InspectionsModule, PremisesModule, SweepsModule],
  providers: [CluesRepository, CluesService, CluesResolver, InspectionCluesResolver],
  exports: [CluesRepository],
})
export class CluesModule {}
