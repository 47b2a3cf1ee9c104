import { Module } from '@nestjs/common';
import { ExposuresResolver } from './exposures.resolver';
import { ExposuresService } from './exposures.service';

@Module({ providers: [ExposuresResolver, ExposuresService], exports: [ExposuresService] })
export class ExposuresModule {}
