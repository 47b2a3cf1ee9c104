import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/config';
import { startEmbeddedPostgres, type EmbeddedServer } from './database/embedded-postgres';

/**
 * Starts the service. Without DATABASE_URL it runs an embedded PostgreSQL whose data stays in
 * EMBEDDED_PG_DIR across restarts, and seeds the 2019 demo on first start.
 */
async function main(): Promise<void> {
  const logger = new Logger('Main');
  let config = loadConfig();
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
    process.env.DATABASE_URL = embedded.url;
    process.env.SEED_DEMO ??= 'true';
    config = loadConfig();
  }
  const app = await createApp();
  if (embedded) {
    const server = embedded;
    const close = app.close.bind(app);
    app.close = async () => {
      await close();
      await server.stop();
    };
  }
  await app.listen(config.port);
  logger.log(`sweep-tracker listening on http://localhost:${config.port}/graphql`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
