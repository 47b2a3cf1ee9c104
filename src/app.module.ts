import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BootstrapModule } from './bootstrap/bootstrap.module';
import { BureausModule } from './bureaus/bureaus.module';
import { DomainExceptionFilter } from './common/errors/exception.filter';
import { InputValidationPipe } from './common/validation/validation.pipe';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AppGraphQLModule } from './graphql/graphql.module';
import { HealthModule } from './health/health.module';
import { OfficersModule } from './officers/officers.module';
import { ReferenceModule } from './reference/reference.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    AppGraphQLModule,
    AuditModule,
    AuthModule,
    BureausModule,
    OfficersModule,
    ReferenceModule,
    HealthModule,
    BootstrapModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: DomainExceptionFilter },
    { provide: APP_PIPE, useClass: InputValidationPipe },
  ],
})
export class AppModule {}
