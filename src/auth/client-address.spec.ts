import { normalizeCertificate, throttleKeyOf } from './client-address';

describe('throttleKeyOf', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('keys %s as %s', (address, key) => {
    expect(throttleKeyOf(address)).toBe(key);
  });

  it('keys two addresses of one /64 alike and of two /64s apart', () => {
    expect(throttleKeyOf('2001:db8:a:b::1')).toBe(throttleKeyOf('2001:db8:a:b:ffff:1:2:3'));
    expect(throttleKeyOf('2001:db8:a:b::1')).not.toBe(throttleKeyOf('2001:db8:a:c::1'));
  });
});

describe('normalizeCertificate', () => {
  it('ignores case and surrounding spaces', () => {
    expect(normalizeCertificate('  JX-001 ')).toBe('jx-001');
  });
});
