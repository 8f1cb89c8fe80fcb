import { describe, expect, it } from 'vitest';
import { Passwords } from './passwords.js';

describe('Passwords', () => {
  const passwords = new Passwords();

  it('hashes with argon2id and verifies', async () => {
    const hashed = await passwords.hash('correct horse battery staple');
    expect(hashed.startsWith('$argon2id$')).toBe(true);
    expect(await passwords.verify(hashed, 'correct horse battery staple')).toBe(true);
    expect(await passwords.verify(hashed, 'wrong horse battery staple')).toBe(false);
    expect(await passwords.verify('not-a-hash', 'x')).toBe(false);
  });

  it('refuses common and short passwords', () => {
    expect(passwords.isCommon('password123')).toBe(true);
    expect(passwords.isCommon('Wachtwoord123')).toBe(true);
    expect(passwords.isCommon('qwertyuiop')).toBe(true);
    expect(passwords.isCommon('Zonnebloem-Tafel-47')).toBe(false);
    expect(() => passwords.assertAcceptable('1234567890')).toThrow(/too common/);
    expect(() => passwords.assertAcceptable('short')).toThrow();
    expect(() => passwords.assertAcceptable('Zonnebloem-Tafel-47')).not.toThrow();
  });
});
