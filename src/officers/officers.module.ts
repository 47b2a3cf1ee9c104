import { Module } from '@nestjs/common';
import { OfficersResolver } from './officers.resolver';
import { OfficersService } from './officers.service';

@Module({ providers: [OfficersResolver, OfficersService], exports: [OfficersService] })
export class OfficersModule {}
