import { Global, Module } from '@nestjs/common';
import { OfficersModule } from '../officers/officers.module';
import { AuditResolver } from './audit.resolver';
import { AuditTrailService } from './audit-trail.service';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { AuditedRecordsRepository } from './audited-records.repository';

@Global()
@Module({
  imports: [OfficersModule],
  providers: [
    AuditService,
    AuditTrailService,
    AuditResolver,
    AuditRepository,
    AuditedRecordsRepository,
  ],
  exports: [AuditService],
})
export class AuditModule {}
