import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { OfficersModule } from '../officers/officers.module';
import { FindingFollowUpsResolver } from './finding-follow-ups.resolver';
import { FollowUpsRepository } from './follow-ups.repository';
import { FollowUpsResolver } from './follow-ups.resolver';
import { FollowUpsService } from './follow-ups.service';

@Module({
  imports: [OfficersModule, CasesModule],
  providers: [FollowUpsResolver, FindingFollowUpsResolver, FollowUpsService, FollowUpsRepository],
  exports: [FollowUpsService, FollowUpsRepository],
})
export class FollowUpsModule {}
