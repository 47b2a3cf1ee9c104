import { Module } from '@nestjs/common';
import { BureausModule } from '../bureaus/bureaus.module';
import { ExposuresModule } from '../exposures/exposures.module';
import { FieldWorkReadsRepository } from './reads/field-work-reads.repository';
import { SweepAssignmentsResolver } from './sweep-assignments.resolver';
import { SweepsRepository } from './sweeps.repository';
import { SweepsResolver } from './sweeps.resolver';
import { SweepsService } from './sweeps.service';

/**
 * Sweeps (专项整治行动). Also provides the TRANSITIONAL reads of other areas' records (./reads)
 * that sweeps, selection and follow-ups need until those areas' repositories take them over.
 */
@Module({
  imports: [BureausModule, ExposuresModule],
  providers: [
    SweepsResolver,
    SweepAssignmentsResolver,
    SweepsService,
    SweepsRepository,
    FieldWorkReadsRepository,
  ],
  exports: [SweepsService, SweepsRepository, FieldWorkReadsRepository],
})
export class SweepsModule {}
