import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { OfficersModule } from '../officers/officers.module';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService, JWT_ALGORITHM } from './auth.service';
import { LoginFailuresRepository } from './login-failures.repository';
import { LoginThrottleService } from './login-throttle.service';
import { ServerSecretsRepository } from './server-secrets.repository';
import { signingKeysProvider } from './signing-keys';

@Global()
@Module({
  imports: [
    OfficersModule,
    // The secret is given per call, from SigningKeys (JWT_SECRET, or the one kept in the database).
    JwtModule.register({
      signOptions: { algorithm: JWT_ALGORITHM },
      verifyOptions: { algorithms: [JWT_ALGORITHM] },
    }),
  ],
  providers: [
    AuthService,
    LoginThrottleService,
    LoginFailuresRepository,
    ServerSecretsRepository,
    signingKeysProvider,
    AuthResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
