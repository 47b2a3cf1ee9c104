import { Module } from '@nestjs/common';
import { SweepsModule } from '../sweeps/sweeps.module';
import { ExposuresRepository } from './exposures.repository';
import { ExposuresResolver } from './exposures.resolver';
import { ExposuresService } from './exposures.service';

@Module({
  imports: [SweepsModule],
  providers: [ExposuresResolver, ExposuresService, ExposuresRepository],
  exports: [ExposuresService, ExposuresRepository],
})
export class ExposuresModule {}
