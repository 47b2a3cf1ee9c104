import { Module } from '@nestjs/common';
import { SweepAssignmentsResolver } from './sweep-assignments.resolver';
import { SweepsResolver } from './sweeps.resolver';
import { SweepsService } from './sweeps.service';

@Module({
  providers: [SweepsResolver, SweepAssignmentsResolver, SweepsService],
  exports: [SweepsService],
})
export class SweepsModule {}
