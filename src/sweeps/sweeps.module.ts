import { Module } from '@nestjs/common';
import { SweepAssignmentsResolver } from './sweep-assignments.resolver';
import { SweepsRepository } from './sweeps.repository';
import { SweepsResolver } from './sweeps.resolver';
import { SweepsService } from './sweeps.service';

@Module({
  providers: [SweepsResolver, SweepAssignmentsResolver, SweepsService, SweepsRepository],
  exports: [SweepsService, SweepsRepository],
})
export class SweepsModule {}
