import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CitingFindingsRepository } from './citing-findings.repository';
import { EvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceResolver } from './evidence.resolver';
import { EvidenceService } from './evidence.service';
import { EVIDENCE_STORE, FolderEvidenceStore } from './evidence-store';

@Module({
  controllers: [EvidenceController],
  providers: [
    EvidenceRepository,
    CitingFindingsRepository,
    EvidenceService,
    EvidenceResolver,
    {
      provide: EVIDENCE_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new FolderEvidenceStore(config.evidenceDir),
    },
  ],
})
export class EvidenceModule {}
