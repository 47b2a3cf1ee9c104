import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig, directDatabaseUrl } from '../config/config';
import { PgListener } from '../database/pg-listener';
import { EventStream } from './event-stream';
import {
  EXPOSED_PRODUCT_CHANNEL,
  type ExposedProductEvent,
  parseExposedProductEvent,
} from './exposed-product-events';

export { reconnectDelayMs } from '../database/pg-listener';

/** application_name of the listening connection, so operators can find it in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'sweep-tracker-alerts';

/**
 * One dedicated PostgreSQL connection per instance LISTENs on the exposed-product channel and
 * feeds `events`, the local stream that GraphQL subscriptions read. The pool cannot be used:
 * LISTEN belongs to a session, and a pooled connection is handed to other queries. For the same
 * reason it connects to DATABASE_DIRECT_URL when one is set: behind PgBouncer in transaction mode
 * (DATABASE_URL on the pooler) a LISTEN is lost as soon as its server connection is handed on.
 * When the connection drops it reconnects with exponential backoff; notifications sent while it
 * is down are lost (NOTIFY is not stored), so a dashboard reloads its lists after a reconnect of
 * its own.
 */
@Injectable()
export class ExposedProductListener implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly events = new EventStream<ExposedProductEvent>();
  private readonly logger = new Logger(ExposedProductListener.name);
  private readonly listener: PgListener;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.listener = new PgListener({
      connectionString: directDatabaseUrl(config),
      applicationName: LISTENER_APPLICATION_NAME,
      channel: EXPOSED_PRODUCT_CHANNEL,
      logger: this.logger,
      onNotification: (payload) => this.receive(payload),
      onListening: (again) => {
        if (again) this.logger.log('Listening for exposed-product alerts again');
      },
    });
  }

  /** Whether the listening connection is up (for health checks and tests). */
  get listening(): boolean {
    return this.listener.listening;
  }

  onApplicationBootstrap(): Promise<void> {
    return this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
    this.events.close();
  }

  private receive(payload: string | undefined): void {
    const event = parseExposedProductEvent(payload);
    if (event) this.events.publish(event);
    else this.logger.warn(`Ignored a malformed ${EXPOSED_PRODUCT_CHANNEL} notification`);
  }
}
