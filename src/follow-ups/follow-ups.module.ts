import { Module } from '@nestjs/common';
import { SweepsModule } from '../sweeps/sweeps.module';
import { FindingFollowUpsResolver } from './finding-follow-ups.resolver';
import { FollowUpsRepository } from './follow-ups.repository';
import { FollowUpsResolver } from './follow-ups.resolver';
import { FollowUpsService } from './follow-ups.service';

@Module({
  // For the TRANSITIONAL officer reads (src/sweeps/reads) until the officers area provides them.
  imports: [SweepsModule],
  providers: [FollowUpsResolver, FindingFollowUpsResolver, FollowUpsService, FollowUpsRepository],
  exports: [FollowUpsService, FollowUpsRepository],
})
export class FollowUpsModule {}
