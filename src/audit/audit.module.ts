import { Global, Module } from '@nestjs/common';
import { BureausModule } from '../bureaus/bureaus.module';
import { CasesModule } from '../cases/cases.module';
import { CompulsoryMeasuresModule } from '../compulsory-measures/compulsory-measures.module';
import { CluesModule } from '../clues/clues.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { InspectionsModule } from '../inspections/inspections.module';
import { OfficersModule } from '../officers/officers.module';
import { PremisesModule } from '../premises/premises.module';
import { SamplesModule } from '../samples/samples.module';
import { SelectionModule } from '../selection/selection.module';
import { AuditResolver } from './audit.resolver';
import { AuditTrailService } from './audit-trail.service';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Global()
@Module({
  imports: [
    BureausModule,
    CasesModule,
    CompulsoryMeasuresModule,
    CluesModule,
    EvidenceModule,
    InspectionsModule,
    OfficersModule,
    PremisesModule,
    SamplesModule,
    SelectionModule,
  ],
  providers: [AuditService, AuditTrailService, AuditResolver, AuditRepository],
  exports: [AuditService],
})
export class AuditModule {}
