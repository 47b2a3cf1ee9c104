import { Module } from '@nestjs/common';
import { BureausModule } from '../bureaus/bureaus.module';
import {
  PharmacistConflictsResolver,
  PremisesPharmacistConflictsResolver,
} from './pharmacist-conflicts.resolver';
import { PharmacistConflictsRepository } from './pharmacist-conflicts.repository';
import { PharmacistConflictsService } from './pharmacist-conflicts.service';
import { PremisesImportService } from './premises-import.service';
import { PremisesRepository } from './premises.repository';
import { PremisesResolver } from './premises.resolver';
import { PremisesService } from './premises.service';

@Module({
  imports: [BureausModule],
  providers: [
    PremisesRepository,
    PharmacistConflictsRepository,
    PremisesService,
    PremisesImportService,
    PremisesResolver,
    PharmacistConflictsService,
    PharmacistConflictsResolver,
    PremisesPharmacistConflictsResolver,
  ],
  exports: [PremisesRepository, PremisesService, PremisesImportService, PharmacistConflictsService],
})
export class PremisesModule {}
