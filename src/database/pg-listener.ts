import type { Logger } from '@nestjs/common';
import { Client } from 'pg';

/** First retry after a lost connection, doubling up to the maximum. */
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 30_000;

/** Wait before reconnection attempt `attempt` (0-based): 250 ms, 500 ms, 1 s, … at most 30 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.min(attempt, 16), MAX_RETRY_MS);
}

export interface PgListenerOptions {
  /** The server itself (DATABASE_DIRECT_URL, else DATABASE_URL): LISTEN is session state. */
  connectionString: string | undefined;
  /** application_name of the connection, so operators can find it in pg_stat_activity. */
  applicationName: string;
  channel: string;
  logger: Logger;
  /** Said in the warning when the connection is lost, after "retrying in N ms". */
  whileLost?: string;
  onNotification(payload: string | undefined): void;
  /** After LISTEN took effect; `again` after a reconnect. */
  onListening?(again: boolean): void;
  /** When the connection is lost, before the retry is scheduled. */
  onLost?(): void;
}

/**
 * One dedicated PostgreSQL connection that LISTENs on a channel. The pool cannot serve: LISTEN
 * belongs to a session, and a pooled connection is handed to other queries; behind PgBouncer in
 * transaction mode a LISTEN is lost as soon as its server connection is handed on, hence the
 * direct URL. When the connection drops it reconnects with exponential backoff; notifications
 * sent meanwhile are lost (NOTIFY is not stored), which each user of this class must allow for.
 */
export class PgListener {
  private client?: Client;
  private attempt = 0;
  private retryTimer?: NodeJS.Timeout;
  private stopped = false;
  private connected = false;

  constructor(private readonly options: PgListenerOptions) {}

  /** Whether the listening connection is up. */
  get listening(): boolean {
    return this.connected;
  }

  start(): Promise<void> {
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    this.connected = false;
    if (client) await this.release(client);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const { channel } = this.options;
    const client = new Client({
      connectionString: this.options.connectionString,
      application_name: this.options.applicationName,
      keepAlive: true,
      connectionTimeoutMillis: 5000,
    });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel === channel) this.options.onNotification(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      if (this.client !== client) return;
      const again = this.attempt > 0;
      this.attempt = 0;
      this.connected = true;
      this.options.onListening?.(again);
    } catch (error) {
      this.lost(client, error);
    }
  }

  /** Drops a broken connection (once, whichever of error and end comes first) and retries. */
  private lost(client: Client, error?: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.connected = false;
    this.options.onLost?.();
    void this.release(client);
    if (this.stopped) return;
    const delay = reconnectDelayMs(this.attempt++);
    this.options.logger.warn(
      `Lost the ${this.options.channel} listener connection${
        error instanceof Error ? ` (${error.message})` : ''
      }; ${this.options.whileLost ? `${this.options.whileLost}; ` : ''}retrying in ${delay} ms`,
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
