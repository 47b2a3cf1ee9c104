import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestApp } from './test-app';

/** Something a subscription received: a result, an error, or its end. */
export type Received =
  | { kind: 'next'; result: FormattedExecutionResult<Record<string, any>, unknown> }
  | { kind: 'error'; error: unknown }
  | { kind: 'complete' };

export interface CloseInfo {
  code: number;
  reason: string;
}

/** A graphql-ws client (graphql-transport-ws over `ws`) on one running test app. */
export class SubscriptionClient {
  readonly received: Received[] = [];
  readonly closed: Promise<CloseInfo>;
  private readonly client: Client;
  private seen = 0;
  private wake?: () => void;

  constructor(app: TestApp, connectionParams: Record<string, unknown>) {
    let onClosed!: (info: CloseInfo) => void;
    this.closed = new Promise((resolve) => (onClosed = resolve));
    this.client = createClient({
      url: `${app.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams,
      lazy: false,
      retryAttempts: 0,
      on: {
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: unknown };
          onClosed({ code, reason: String(reason) });
        },
      },
      onNonLazyError: () => undefined,
    });
  }

  /** Subscribes with `query`; whatever arrives is appended to `received`. */
  subscribe(query: string, variables: Record<string, unknown> = {}): void {
    this.client.subscribe(
      { query, variables },
      {
        next: (result) => this.push({ kind: 'next', result }),
        error: (error) => this.push({ kind: 'error', error }),
        complete: () => this.push({ kind: 'complete' }),
      },
    );
  }

  /** The next thing received that was not returned before; fails after `timeoutMs`. */
  async next(timeoutMs = 5000): Promise<Received> {
    const deadline = Date.now() + timeoutMs;
    while (this.seen >= this.received.length) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`nothing received within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.received[this.seen++];
  }

  async dispose(): Promise<void> {
    await this.client.dispose();
  }

  private push(item: Received): void {
    this.received.push(item);
    this.wake?.();
  }
}

/** Waits until `condition` holds, checking every 20 ms; fails after `timeoutMs`. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
