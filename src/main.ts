import 'reflect-metadata';
import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { readyLines, startupLogger } from './common/log-format';
import { ConfigError, loadConfig } from './config/config';
import { startEmbeddedPostgres, type EmbeddedServer } from './database/embedded-postgres';

/** In-flight requests get this long to finish on SIGTERM before the process gives up. */
const SHUTDOWN_GRACE_MS = 15_000;

/**
 * Starts the service. Without DATABASE_URL it runs an embedded PostgreSQL whose data stays in
 * EMBEDDED_PG_DIR across restarts, and seeds the 2019 demo on first start.
 */
async function main(): Promise<void> {
  let config = loadConfig();
  // Before the application exists, lines go through the same pino output as the rest.
  const early = startupLogger(config);
  const logger = {
    log: (message: string) => early.info(message),
    warn: (message: string) => early.warn(message),
    error: (message: string) => early.error(message),
  };
  let embedded: EmbeddedServer | undefined;
  if (!config.databaseUrl) {
    logger.log(`No DATABASE_URL: starting the embedded PostgreSQL in ${config.embeddedPgDir}`);
    embedded = await startEmbeddedPostgres(
      config.embeddedPgDir,
      config.embeddedPgPort,
      (message) => {
        if (/error|fatal|Opened/i.test(message)) logger.warn(message);
      },
    );
    config = loadConfig({
      ...process.env,
      DATABASE_URL: embedded.url,
      SEED_DEMO: process.env.SEED_DEMO ?? (config.isProduction ? 'false' : 'true'),
    });
  }
  if (config.isProduction && config.jwtSecret === undefined) {
    logger.warn(
      'JWT_SECRET is not set: signing tokens with the secret kept in the database (server_secrets), generated once and shared by every instance.',
    );
  }
  const app = await createApp(config);
  // From here on through the application's logger (pino, as configured by LoggingModule).
  const appLogger = new Logger('Main');
  Object.assign(logger, {
    log: (message: string) => appLogger.log(message),
    warn: (message: string) => appLogger.warn(message),
    error: (message: string) => appLogger.error(message),
  });
  const server = app.getHttpServer() as Server;
  server.requestTimeout = 30_000;
  server.headersTimeout = 20_000;
  server.keepAliveTimeout = 5_000;

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: no new requests; finishing those in flight`);
    setTimeout(() => {
      logger.error(`In-flight requests did not finish within ${SHUTDOWN_GRACE_MS} ms; exiting`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    await app.close();
    if (embedded) await embedded.stop();
    logger.log('Stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen(config.port);
  logger.log('sweep-tracker is ready');
  // The last lines: where the API and the explorer are, and which demo login to try.
  for (const line of readyLines(config)) logger.log(line);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
