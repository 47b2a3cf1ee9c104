import { Module } from '@nestjs/common';
import {
  PharmacistConflictsResolver,
  PremisesPharmacistConflictsResolver,
} from './pharmacist-conflicts.resolver';
import { PharmacistConflictsService } from './pharmacist-conflicts.service';
import { PremisesImportService } from './premises-import.service';
import { PremisesResolver } from './premises.resolver';
import { PremisesService } from './premises.service';

@Module({
  providers: [
    PremisesService,
    PremisesImportService,
    PremisesResolver,
    PharmacistConflictsService,
    PharmacistConflictsResolver,
    PremisesPharmacistConflictsResolver,
  ],
  exports: [PremisesService, PremisesImportService, PharmacistConflictsService],
})
export class PremisesModule {}
