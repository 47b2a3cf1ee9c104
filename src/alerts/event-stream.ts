/**
 * A local fan-out of events to any number of async iterators, one per GraphQL subscription. Each
 * subscriber has its own bounded queue: a consumer that stops reading loses its oldest events
 * rather than growing memory without limit.
 */
export class EventStream<T> {
  private readonly subscribers = new Set<Subscriber<T>>();

  constructor(private readonly maxQueued = 1000) {}

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  publish(event: T): void {
    for (const subscriber of this.subscribers) subscriber.push(event);
  }

  /** A new iterator that receives every event published from now on until `return()` is called. */
  subscribe(): AsyncIterableIterator<T> {
    const subscriber = new Subscriber<T>(this.maxQueued, () => this.subscribers.delete(subscriber));
    this.subscribers.add(subscriber);
    return subscriber.iterator;
  }

  /** Ends every iterator (on shutdown): pending `next()` calls resolve as done. */
  close(): void {
    for (const subscriber of [...this.subscribers]) subscriber.finish();
  }
}

class Subscriber<T> {
  private readonly queue: T[] = [];
  /** Callers of `next()` waiting for an event, oldest first. */
  private readonly waiting: ((result: IteratorResult<T>) => void)[] = [];
  private done = false;

  readonly iterator: AsyncIterableIterator<T>;

  constructor(
    private readonly maxQueued: number,
    private readonly onFinish: () => void,
  ) {
    const next = (): Promise<IteratorResult<T>> => this.next();
    const finish = (): Promise<IteratorResult<T>> => {
      this.finish();
      return Promise.resolve({ value: undefined, done: true });
    };
    this.iterator = {
      next,
      return: finish,
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  push(event: T): void {
    if (this.done) return;
    const waiting = this.waiting.shift();
    if (waiting) {
      waiting({ value: event, done: false });
      return;
    }
    this.queue.push(event);
    if (this.queue.length > this.maxQueued) this.queue.shift();
  }

  finish(): void {
    if (this.done) return;
    this.done = true;
    this.queue.length = 0;
    this.onFinish();
    for (const waiting of this.waiting.splice(0)) waiting({ value: undefined, done: true });
  }

  private next(): Promise<IteratorResult<T>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
