import { EventStream } from './event-stream';

describe('EventStream', () => {
  it('delivers each event to every subscriber, in order', async () => {
    const stream = new EventStream<number>();
    const first = stream.subscribe();
    const second = stream.subscribe();
    stream.publish(1);
    stream.publish(2);
    expect(await first.next()).toEqual({ value: 1, done: false });
    expect(await first.next()).toEqual({ value: 2, done: false });
    expect(await second.next()).toEqual({ value: 1, done: false });
  });

  it('resolves a waiting next() when an event arrives later', async () => {
    const stream = new EventStream<string>();
    const iterator = stream.subscribe();
    const pending = iterator.next();
    stream.publish('a');
    expect(await pending).toEqual({ value: 'a', done: false });
  });

  it('does not deliver events published before subscribing', async () => {
    const stream = new EventStream<number>();
    stream.publish(1);
    const iterator = stream.subscribe();
    stream.publish(2);
    expect(await iterator.next()).toEqual({ value: 2, done: false });
  });

  it('forgets a subscriber on return(), ending its pending next()', async () => {
    const stream = new EventStream<number>();
    const iterator = stream.subscribe();
    const pending = iterator.next();
    expect(stream.subscriberCount).toBe(1);
    await iterator.return!();
    expect(stream.subscriberCount).toBe(0);
    expect(await pending).toEqual({ value: undefined, done: true });
    stream.publish(1);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('keeps only the newest events for a subscriber that stops reading', async () => {
    const stream = new EventStream<number>(2);
    const iterator = stream.subscribe();
    [1, 2, 3].forEach((event) => stream.publish(event));
    expect((await iterator.next()).value).toBe(2);
    expect((await iterator.next()).value).toBe(3);
  });

  it('ends every subscriber on close()', async () => {
    const stream = new EventStream<number>();
    const iterators = [stream.subscribe(), stream.subscribe()];
    stream.close();
    expect(stream.subscriberCount).toBe(0);
    for (const iterator of iterators) expect((await iterator.next()).done).toBe(true);
  });
});
