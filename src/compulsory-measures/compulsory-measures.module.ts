import { Module } from '@nestjs/common';
import { BureausModule } from '../bureaus/bureaus.module';
import { CasesModule } from '../cases/cases.module';
import { InspectionsModule } from '../inspections/inspections.module';
import { OfficersModule } from '../officers/officers.module';
import { CompulsoryMeasuresRepository } from './compulsory-measures.repository';
import {
  CaseMeasuresResolver,
  CompulsoryMeasuresResolver,
  FindingMeasuresResolver,
  MeasureDisposalResolver,
  MeasureExtensionResolver,
} from './compulsory-measures.resolver';
import { CompulsoryMeasuresService } from './compulsory-measures.service';

/** 查封、扣押: compulsory measures on findings, their 30-day clocks and the queue. */
@Module({
  imports: [BureausModule, CasesModule, InspectionsModule, OfficersModule],
  providers: [
    CompulsoryMeasuresRepository,
    CompulsoryMeasuresService,
    CompulsoryMeasuresResolver,
    MeasureExtensionResolver,
    MeasureDisposalResolver,
    FindingMeasuresResolver,
    CaseMeasuresResolver,
  ],
  exports: [CompulsoryMeasuresRepository],
})
export class CompulsoryMeasuresModule {}
