import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Database } from './database';
import { dataSourceOptions } from './data-source-options';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.databaseUrl)
          throw new Error('DATABASE_URL is not set and no embedded database was started');
        return {
          ...dataSourceOptions(
            config.databaseUrl,
            {
              max: config.databasePoolMax,
              statementTimeoutMs: config.databaseStatementTimeoutMs,
              connectTimeoutMs: config.databaseConnectTimeoutMs,
            },
            config.databaseReadUrl,
          ),
          migrationsRun: true,
          retryAttempts: 3,
          retryDelay: 1000,
        };
      },
    }),
  ],
  providers: [Database],
  exports: [Database],
})
export class DatabaseModule {}
