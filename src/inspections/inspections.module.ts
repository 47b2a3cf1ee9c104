import { Module } from '@nestjs/common';
import { FindingsResolver } from './findings.resolver';
import { FindingsService } from './findings.service';
import { InspectionsResolver } from './inspections.resolver';
import { InspectionsService } from './inspections.service';

@Module({
  providers: [InspectionsResolver, InspectionsService, FindingsResolver, FindingsService],
  exports: [FindingsService],
})
export class InspectionsModule {}
