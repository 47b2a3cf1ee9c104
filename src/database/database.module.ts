import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Database } from './database';
import { dataSourceOptions } from './data-source-options';
import { runMigrationsOn } from './migrate';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        if (!config.databaseUrl)
          throw new Error('DATABASE_URL is not set and no embedded database was started');
        const pool = {
          max: config.databasePoolMax,
          statementTimeoutMs: config.databaseStatementTimeoutMs,
          connectTimeoutMs: config.databaseConnectTimeoutMs,
        };
        // Behind a pooler (DATABASE_URL on PgBouncer) the migrations take the direct connection;
        // without one, TypeORM runs them on the pool as it connects.
        if (config.databaseDirectUrl) await runMigrationsOn(config.databaseDirectUrl, pool);
        return {
          ...dataSourceOptions(config.databaseUrl, pool, config.databaseReadUrl),
          migrationsRun: config.databaseDirectUrl === undefined,
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
