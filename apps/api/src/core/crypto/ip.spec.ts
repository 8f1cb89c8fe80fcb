import { describe, expect, it } from 'vitest';
import { truncateIp } from './ip.js';

describe('truncateIp', () => {
  it('keeps the /24 of an IPv4 address', () => {
    expect(truncateIp('192.168.17.42')).toBe('192.168.17.0/24');
    expect(truncateIp('::ffff:10.1.2.3')).toBe('10.1.2.0/24');
  });
  it('keeps the /48 of an IPv6 address', () => {
    expect(truncateIp('2001:db8:abcd:12:1:2:3:4')).toBe('2001:db8:abcd::/48');
    expect(truncateIp('2001:db8::1')).toBe('2001:db8:0::/48');
  });
  it('says unknown for anything else', () => {
    expect(truncateIp(undefined)).toBe('unknown');
    expect(truncateIp('not-an-ip')).toBe('unknown');
  });
});
