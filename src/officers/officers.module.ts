import { Module } from '@nestjs/common';
import { BureausModule } from '../bureaus/bureaus.module';
import { BureauOfficersResolver } from './bureau-officers.resolver';
import { OfficerCache } from './officer-cache';
import { OfficersRepository } from './officers.repository';
import { OfficersResolver } from './officers.resolver';
import { OfficersService } from './officers.service';

@Module({
  imports: [BureausModule],
  providers: [
    OfficersResolver,
    BureauOfficersResolver,
    OfficersService,
    OfficersRepository,
    OfficerCache,
  ],
  exports: [OfficersService, OfficersRepository, OfficerCache],
})
export class OfficersModule {}
