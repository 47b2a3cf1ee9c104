import { Module } from '@nestjs/common';
import { PremisesImportService } from './premises-import.service';
import { PremisesResolver } from './premises.resolver';
import { PremisesService } from './premises.service';

@Module({
  providers: [PremisesService, PremisesImportService, PremisesResolver],
  exports: [PremisesService, PremisesImportService],
})
export class PremisesModule {}
