import { describe, expect, it } from 'vitest';
import { Keys, randomToken, safeEqual, tokenHash } from './keys.js';

describe('Keys', () => {
  const keys = new Keys('a-test-secret-that-is-long-enough-for-hkdf');

  it('derives different keys per purpose and the same key twice', () => {
    expect(keys.key('a').equals(keys.key('a'))).toBe(true);
    expect(keys.key('a').equals(keys.key('b'))).toBe(false);
    expect(keys.hmac('a', 'x')).not.toBe(keys.hmac('b', 'x'));
  });

  it('round-trips encryption and rejects tampering', () => {
    const sealed = keys.encrypt('totp', 'JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(keys.decrypt('totp', sealed)).toBe('JBSWY3DPEHPK3PXP');
    const [iv, tag, body] = sealed.split('.');
    const flipped = `${iv}.${tag}.${body!.slice(0, -2)}AA`;
    expect(() => keys.decrypt('totp', flipped)).toThrow();
    expect(() => keys.decrypt('other', sealed)).toThrow();
  });

  it('makes unguessable tokens and stores only their hash', () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(token);
    expect(tokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
  });
});
