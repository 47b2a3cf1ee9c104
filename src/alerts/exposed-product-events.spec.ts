import { parseExposedProductEvent } from './exposed-product-events';
import { reconnectDelayMs } from './exposed-product-listener.service';

const FINDING = '0b3f6c1e-6a1d-4d8e-9a57-3f0f8f6f2d11';
const BUREAU = '5d2b8a40-1c9e-4f3a-8e0b-7a6c5d4e3f21';

describe('parseExposedProductEvent', () => {
  it('reads the ids of a well-formed notification', () => {
    expect(
      parseExposedProductEvent(JSON.stringify({ findingId: FINDING, bureauId: BUREAU })),
    ).toEqual({ findingId: FINDING, bureauId: BUREAU });
  });

  it.each([
    ['no payload', undefined],
    ['an empty payload', ''],
    ['text that is not JSON', 'finding found'],
    ['JSON that is not an object', '"x"'],
    ['null', 'null'],
    ['a missing bureau id', JSON.stringify({ findingId: FINDING })],
    ['a finding id that is not a UUID', JSON.stringify({ findingId: '1; DROP', bureauId: BUREAU })],
    ['a numeric bureau id', JSON.stringify({ findingId: FINDING, bureauId: 7 })],
  ])('ignores %s', (_case, payload) => {
    expect(parseExposedProductEvent(payload)).toBeUndefined();
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from 250 ms and stays at 30 s', () => {
    expect([0, 1, 2, 3, 6, 7, 50].map(reconnectDelayMs)).toEqual([
      250, 500, 1000, 2000, 16000, 30000, 30000,
    ]);
  });
});
