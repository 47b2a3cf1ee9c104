import { Module } from '@nestjs/common';
import { BureausModule } from '../bureaus/bureaus.module';
import { CompulsoryMeasuresModule } from '../compulsory-measures/compulsory-measures.module';
import { CluesModule } from '../clues/clues.module';
import { PremisesModule } from '../premises/premises.module';
import { SamplesModule } from '../samples/samples.module';
import { SweepsModule } from '../sweeps/sweeps.module';
import { CloseSweepRepository } from './close-sweep.repository';
import { CloseSweepResolver } from './close-sweep.resolver';
import { CloseSweepService } from './close-sweep.service';
import { ProgressExportController } from './progress-export.controller';
import { ProgressSummariesRepository } from './progress-summaries.repository';
import { ProgressRepository } from './progress.repository';
import { ProgressResolver } from './progress.resolver';
import { ProgressService } from './progress.service';
import { SweepProgressResolver } from './sweep-progress.resolver';

/** 工作进展: progress figures, the summary paragraph, the Excel export and closing a sweep. */
@Module({
  imports: [
    BureausModule,
    CluesModule,
    CompulsoryMeasuresModule,
    PremisesModule,
    SamplesModule,
    SweepsModule,
  ],
  controllers: [ProgressExportController],
  providers: [
    ProgressRepository,
    ProgressSummariesRepository,
    ProgressService,
    ProgressResolver,
    SweepProgressResolver,
    CloseSweepRepository,
    CloseSweepService,
    CloseSweepResolver,
  ],
  exports: [ProgressRepository, ProgressSummariesRepository, CloseSweepRepository],
})
export class ProgressModule {}
