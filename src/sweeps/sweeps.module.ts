import { Module } from '@nestjs/common';
import { BureausModule } from '../bureaus/bureaus.module';
import { ExposuresModule } from '../exposures/exposures.module';
import { ExposureSweepsResolver } from './exposure-sweeps.resolver';
import { SweepAssignmentsResolver } from './sweep-assignments.resolver';
import { SweepsRepository } from './sweeps.repository';
import { SweepsResolver } from './sweeps.resolver';
import { SweepsService } from './sweeps.service';

/** Sweeps (专项整治行动): their dates, categories, exposures and assignments. */
@Module({
  imports: [BureausModule, ExposuresModule],
  providers: [
    SweepsResolver,
    SweepAssignmentsResolver,
    ExposureSweepsResolver,
    SweepsService,
    SweepsRepository,
  ],
  exports: [SweepsService, SweepsRepository],
})
export class SweepsModule {}
