import { Module } from '@nestjs/common';
import { BureausResolver } from './bureaus.resolver';
import { BureausService } from './bureaus.service';

@Module({ providers: [BureausResolver, BureausService], exports: [BureausService] })
export class BureausModule {}
