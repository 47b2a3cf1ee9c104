import { LoggingModule } from './common/logging.module';
import { CommonModule } from './common/common.module';
import { PremisesModule } from './premises/premises.module';
import { ExposuresModule } from './exposures/exposures.module';
import { SweepsModule } from './sweeps/sweeps.module';
import { InspectionsModule } from './inspections/inspections.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { CasesModule } from './cases/cases.module';
import { CompulsoryMeasuresModule } from './compulsory-measures/compulsory-measures.module';
import { CluesModule } from './clues/clues.module';
import { ProgressModule } from './progress/progress.module';
import { EvidenceModule } from './evidence/evidence.module';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AlertsModule } from './alerts/alerts.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BootstrapModule } from './bootstrap/bootstrap.module';
import { BureausModule } from './bureaus/bureaus.module';
import { ExplorerModule } from './explorer/explorer.module';
import { DomainExceptionFilter } from './common/errors/exception.filter';
import { InputValidationPipe } from './common/validation/validation.pipe';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AppGraphQLModule } from './graphql/graphql.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { NodeModule } from './node/node.module';
import { OfficersModule } from './officers/officers.module';
import { ReferenceModule } from './reference/reference.module';
import { SamplesModule } from './samples/samples.module';
import { SelectionModule } from './selection/selection.module';

@Module({
  imports: [
    LoggingModule,
    DatabaseModule,
    AppGraphQLModule,
    AuditModule,
    AuthModule,
    BureausModule,
    OfficersModule,
    NodeModule,
    ReferenceModule,
    CommonModule,
    PremisesModule,
    ExposuresModule,
    SweepsModule,
    InspectionsModule,
    FollowUpsModule,
    CasesModule,
    CompulsoryMeasuresModule,
    CluesModule,
    ProgressModule,
    AlertsModule,
    SamplesModule,
    SelectionModule,
    EvidenceModule,
    HealthModule,
    MetricsModule,
    ExplorerModule,
    BootstrapModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: DomainExceptionFilter },
    { provide: APP_PIPE, useClass: InputValidationPipe },
  ],
})
export class AppModule {
  /** The application on this configuration (see createApp). */
  static forRoot(config: AppConfig): DynamicModule {
    return { module: AppModule, imports: [ConfigModule.forRoot(config)] };
  }
}
