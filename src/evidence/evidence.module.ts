import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { InspectionsModule } from '../inspections/inspections.module';
import { EvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceResolver } from './evidence.resolver';
import { EvidenceService } from './evidence.service';
import { EVIDENCE_STORE, FolderEvidenceStore } from './evidence-store';

@Module({
  imports: [InspectionsModule],
  controllers: [EvidenceController],
  providers: [
    EvidenceRepository,
    EvidenceService,
    EvidenceResolver,
    {
      provide: EVIDENCE_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new FolderEvidenceStore(config.evidenceDir),
    },
  ],
  exports: [EvidenceRepository],
})
export class EvidenceModule {}
