import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { BureausModule } from '../bureaus/bureaus.module';
import { CasesModule } from '../cases/cases.module';
import { ExposuresModule } from '../exposures/exposures.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { InspectionsModule } from '../inspections/inspections.module';
import { OfficersModule } from '../officers/officers.module';
import { PremisesModule } from '../premises/premises.module';
import { ReferenceModule } from '../reference/reference.module';
import { SweepsModule } from '../sweeps/sweeps.module';
import { BootstrapRepository } from './bootstrap.repository';
import { BootstrapService } from './bootstrap.service';
import { DemoSeed } from './demo-seed';

/** The bootstrap administrator and the demo seed, which drives the services of these modules. */
@Module({
  imports: [
    AuditModule,
    AuthModule,
    BureausModule,
    CasesModule,
    OfficersModule,
    PremisesModule,
    ExposuresModule,
    SweepsModule,
    InspectionsModule,
    FollowUpsModule,
    ReferenceModule,
  ],
  providers: [BootstrapService, BootstrapRepository, DemoSeed],
  exports: [BootstrapService],
})
export class BootstrapModule {}
