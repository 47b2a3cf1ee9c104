import { Module } from '@nestjs/common';
import { BureauReadsRepository } from './reads/bureau-reads.repository';
import { ExposureReadsRepository } from './reads/exposure-reads.repository';
import { OfficerReadsRepository } from './reads/officer-reads.repository';
import { SweepAssignmentsResolver } from './sweep-assignments.resolver';
import { SweepsRepository } from './sweeps.repository';
import { SweepsResolver } from './sweeps.resolver';
import { SweepsService } from './sweeps.service';

/**
 * Sweeps (专项整治行动). Also provides the TRANSITIONAL reads of other areas' records (./reads)
 * that sweeps, selection and follow-ups need until those areas' repositories take them over.
 */
@Module({
  providers: [
    SweepsResolver,
    SweepAssignmentsResolver,
    SweepsService,
    SweepsRepository,
    BureauReadsRepository,
    ExposureReadsRepository,
    OfficerReadsRepository,
  ],
  exports: [
    SweepsService,
    SweepsRepository,
    BureauReadsRepository,
    ExposureReadsRepository,
    OfficerReadsRepository,
  ],
})
export class SweepsModule {}
