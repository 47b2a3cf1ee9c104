import { Module } from '@nestjs/common';
import { PremisesModule } from '../premises/premises.module';
import { CloseSweepResolver } from './close-sweep.resolver';
import { CloseSweepService } from './close-sweep.service';
import { ProgressExportController } from './progress-export.controller';
import { ProgressResolver } from './progress.resolver';
import { ProgressService } from './progress.service';

/** 工作进展: progress figures, the summary paragraph, the Excel export and closing a sweep. */
@Module({
  imports: [PremisesModule],
  controllers: [ProgressExportController],
  providers: [ProgressService, ProgressResolver, CloseSweepService, CloseSweepResolver],
})
export class ProgressModule {}
