import { Module } from '@nestjs/common';
import { BureausModule } from '../bureaus/bureaus.module';
import { OfficersModule } from '../officers/officers.module';
import { PremisesModule } from '../premises/premises.module';
import { CaseClocksService } from './case-clocks.service';
import { CasesRepository } from './cases.repository';
import { CasesResolver } from './cases.resolver';
import { CasesService } from './cases.service';
import { FilingDecisionResolver, FindingCaseResolver } from './finding-case.resolver';
import { HolidaysResolver } from './holidays.resolver';
import { HolidaysService } from './holidays.service';

/** 案件: case files, their legal clocks and the holiday table they count by. */
@Module({
  imports: [BureausModule, OfficersModule, PremisesModule],
  providers: [
    CasesRepository,
    CaseClocksService,
    CasesService,
    CasesResolver,
    FindingCaseResolver,
    FilingDecisionResolver,
    HolidaysService,
    HolidaysResolver,
  ],
  exports: [CasesRepository, CaseClocksService, CasesService],
})
export class CasesModule {}
