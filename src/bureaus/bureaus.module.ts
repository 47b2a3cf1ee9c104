import { Module } from '@nestjs/common';
import { BureausRepository } from './bureaus.repository';
import { BureausResolver } from './bureaus.resolver';
import { BureausService } from './bureaus.service';

@Module({
  providers: [BureausResolver, BureausService, BureausRepository],
  exports: [BureausService, BureausRepository],
})
export class BureausModule {}
