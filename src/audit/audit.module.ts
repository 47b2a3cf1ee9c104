import { Global, Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolver';
import { AuditTrailService } from './audit-trail.service';
import { AuditService } from './audit.service';

@Global()
@Module({ providers: [AuditService, AuditTrailService, AuditResolver], exports: [AuditService] })
export class AuditModule {}
