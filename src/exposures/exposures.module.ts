import { Module } from '@nestjs/common';
import { ExposureSweepsRepository } from './exposure-sweeps.repository';
import { ExposuresRepository } from './exposures.repository';
import { ExposuresResolver } from './exposures.resolver';
import { ExposuresService } from './exposures.service';

@Module({
  providers: [ExposuresResolver, ExposuresService, ExposuresRepository, ExposureSweepsRepository],
  exports: [ExposuresService, ExposuresRepository],
})
export class ExposuresModule {}
