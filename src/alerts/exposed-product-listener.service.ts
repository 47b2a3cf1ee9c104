import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Client, type Notification } from 'pg';
import { APP_CONFIG, type AppConfig, directDatabaseUrl } from '../config/config';
import { EventStream } from './event-stream';
import {
  EXPOSED_PRODUCT_CHANNEL,
  type ExposedProductEvent,
  parseExposedProductEvent,
} from './exposed-product-events';

/** First retry after a lost connection, doubling up to the maximum. */
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 30_000;

/** Wait before reconnection attempt `attempt` (0-based): 250 ms, 500 ms, 1 s, … at most 30 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.min(attempt, 16), MAX_RETRY_MS);
}

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
  private client?: Client;
  private attempt = 0;
  private retryTimer?: NodeJS.Timeout;
  private stopped = false;
  private connected = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether the listening connection is up (for health checks and tests). */
  get listening(): boolean {
    return this.connected;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    this.connected = false;
    this.events.close();
    if (client) await this.release(client);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: directDatabaseUrl(this.config),
      application_name: LISTENER_APPLICATION_NAME,
      keepAlive: true,
      connectionTimeoutMillis: 5000,
    });
    this.client = client;
    client.on('notification', (message) => this.receive(message));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${EXPOSED_PRODUCT_CHANNEL}`);
      if (this.client !== client) return;
      if (this.attempt > 0) this.logger.log('Listening for exposed-product alerts again');
      this.attempt = 0;
      this.connected = true;
    } catch (error) {
      this.lost(client, error);
    }
  }

  private receive(message: Notification): void {
    if (message.channel !== EXPOSED_PRODUCT_CHANNEL) return;
    const event = parseExposedProductEvent(message.payload);
    if (event) this.events.publish(event);
    else this.logger.warn(`Ignored a malformed ${EXPOSED_PRODUCT_CHANNEL} notification`);
  }

  /** Drops a broken connection (once, whichever of error and end comes first) and retries. */
  private lost(client: Client, error?: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.connected = false;
    void this.release(client);
    if (this.stopped) return;
    const delay = reconnectDelayMs(this.attempt++);
    this.logger.warn(
      `Lost the ${EXPOSED_PRODUCT_CHANNEL} listener connection${
        error instanceof Error ? ` (${error.message})` : ''
      }; retrying in ${delay} ms`,
    );
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private async release(client: Client): Promise<void> {
    client.removeAllListeners();
    // A late socket error on a connection we already gave up must not crash the process.
    client.on('error', () => undefined);
    await client.end().catch(() => undefined);
  }
}
