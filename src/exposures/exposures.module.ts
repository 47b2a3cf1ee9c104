import { Module } from '@nestjs/common';
import { ExposuresRepository } from './exposures.repository';
import { ExposuresResolver } from './exposures.resolver';
import { ExposuresService } from './exposures.service';

/** 曝光事件 and their products. `Exposure.sweeps` is resolved by the sweeps area, which owns the link. */
@Module({
  providers: [ExposuresResolver, ExposuresService, ExposuresRepository],
  exports: [ExposuresService, ExposuresRepository],
})
export class ExposuresModule {}
