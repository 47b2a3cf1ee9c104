import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key a client address is throttled under. An IPv6 client usually holds a whole /64 (one
 * customer's prefix), so counting each address apart would hand an attacker 2^64 fresh budgets:
 * IPv6 addresses count by their /64, IPv4-mapped IPv6 addresses as the IPv4 address they carry.
 */
export function throttleKeyOf(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(trimmed);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  const withoutZone = trimmed.split('%')[0];
  if (!isIPv6(withoutZone)) return trimmed.slice(0, 64);
  return `${expandIPv6(withoutZone).slice(0, 4).join(':')}::/64`;
}

/** The eight hextets of an IPv6 address, without leading zeros (an IPv4 tail becomes two). */
function expandIPv6(address: string): string[] {
  let text = address;
  const v4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4Tail) {
    const [a, b, c, d] = v4Tail[1].split('.').map(Number);
    text = `${text.slice(0, -v4Tail[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - headParts.length - tailParts.length;
  const parts = [...headParts, ...Array<string>(missing).fill('0'), ...tailParts];
  return parts.map((part) => parseInt(part || '0', 16).toString(16));
}

/** Certificate numbers compare without case and surrounding spaces (`JX-001 ` is `jx-001`). */
export function normalizeCertificate(certificateNumber: string): string {
  return certificateNumber.trim().toLowerCase();
}
