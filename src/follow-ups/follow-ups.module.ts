import { Module } from '@nestjs/common';
import { FindingFollowUpsResolver } from './finding-follow-ups.resolver';
import { FollowUpsResolver } from './follow-ups.resolver';
import { FollowUpsService } from './follow-ups.service';

@Module({
  providers: [FollowUpsResolver, FindingFollowUpsResolver, FollowUpsService],
  exports: [FollowUpsService],
})
export class FollowUpsModule {}
