import { describe, expect, it } from 'vitest';
import { Keys } from '../../../core/crypto/keys.js';
import { banHashesOf, hashForms } from './ban-hashes.js';
import { canonicalEmail, canonicalLookup, emailForms, exactEmail } from './canonical-email.js';

describe('exact e-mail form', () => {
  it.each([
    ['jan@example.org', 'jan@example.org'],
    ['Jan.Peeters@Example.ORG', 'jan.peeters@example.org'],
    ['  jan@example.org \t\n', 'jan@example.org'],
    // Full-width letters, at sign and full stop (NFKC), and an ideographic space around them.
    ['\u3000ｊａｎ＠ｅｘａｍｐｌｅ．ｏｒｇ\u3000', 'jan@example.org'],
    // Compatibility ligatures and circled letters fold too.
    ['\uFB01ne@example.org', 'fine@example.org'],
    // IDN domains become punycode, whatever the case; punycode input stays as it is.
    ['jan@bücher.example', 'jan@xn--bcher-kva.example'],
    ['JAN@BÜCHER.EXAMPLE', 'jan@xn--bcher-kva.example'],
    ['jan@xn--bcher-kva.example', 'jan@xn--bcher-kva.example'],
    ['jan@例え.テスト', 'jan@xn--r8jz45g.xn--zckzah'],
    // A trailing dot (a fully qualified domain) names the same mailbox.
    ['jan@example.org.', 'jan@example.org'],
    // The exact form keeps tags and Gmail dots.
    ['Jan.Peeters+School@Gmail.com', 'jan.peeters+school@gmail.com'],
    ['jan.peeters@googlemail.com', 'jan.peeters@googlemail.com'],
    // Non-ASCII local parts are kept (lower-cased, NFKC).
    ['Jäñ@example.org', 'jäñ@example.org'],
  ])('%j → %j', (input, expected) => {
    expect(exactEmail(input)).toBe(expected);
  });
});

describe('canonical e-mail form', () => {
  it.each([
    ['jan@example.org', 'jan@example.org'],
    ['Jan@Example.org', 'jan@example.org'],
    ['jan+school@example.org', 'jan@example.org'],
    ['jan+a+b@example.org', 'jan@example.org'],
    ['jan+@example.org', 'jan@example.org'],
    // Dots count outside Gmail.
    ['j.an@example.org', 'j.an@example.org'],
    // Gmail: dots and tag off, googlemail.com is gmail.com.
    ['j.a.n@gmail.com', 'jan@gmail.com'],
    ['J.A.N+news@GMail.com', 'jan@gmail.com'],
    ['jan@googlemail.com', 'jan@gmail.com'],
    ['j.an+x@GoogleMail.COM', 'jan@gmail.com'],
    ['ｊ．ａｎ＋ｘ＠ｇｍａｉｌ．ｃｏｍ', 'jan@gmail.com'],
    // The tag is cut before the dots are removed.
    ['jan+a.b@gmail.com', 'jan@gmail.com'],
    // Only gmail.com and googlemail.com: a look-alike domain keeps its dots.
    ['j.an@gmail.co', 'j.an@gmail.co'],
    ['j.an@mail.gmail.com', 'j.an@mail.gmail.com'],
    // Nothing before the tag: the local part stays whole.
    ['+news@example.org', '+news@example.org'],
    ['jan@bücher.example', 'jan@xn--bcher-kva.example'],
    ['  JAN+x@Bücher.Example.  ', 'jan@xn--bcher-kva.example'],
  ])('%j → %j', (input, expected) => {
    expect(canonicalEmail(input)).toBe(expected);
  });

  it('is idempotent and agrees with the exact form when there is nothing to remove', () => {
    for (const input of ['a.b+c@googlemail.com', 'ｘ＋ｙ@ｅｘａｍｐｌｅ.org', 'jan@bücher.example', 'plain@example.org']) {
      const canonical = canonicalEmail(input)!;
      expect(canonicalEmail(canonical)).toBe(canonical);
      expect(exactEmail(canonical)).toBe(canonical);
      expect(canonicalEmail(exactEmail(input)!)).toBe(canonical);
    }
  });
});

describe('what is not an address', () => {
  it.each(['', '   ', 'jan', 'jan@', '@example.org', 'jan@example', 'jan@@example.org', 'ja n@example.org', 'jan@exa mple.org', 'jan@-example.org', 'jan@example..org', 'jan@[127.0.0.1]', 'jan@xn--zz.org', `${'a'.repeat(65)}@example.org`, 'jan<x>@example.org'])(
    '%j has no forms',
    (input) => {
      expect(emailForms(input)).toBeNull();
      expect(exactEmail(input)).toBeNull();
      expect(canonicalEmail(input)).toBeNull();
    },
  );
});

describe('canonical lookup parts', () => {
  it('names the canonical local part and the domains that can share it', () => {
    expect(canonicalLookup(emailForms('J.An+x@googlemail.com')!)).toEqual({ local: 'jan', domains: ['gmail.com', 'googlemail.com'], gmail: true });
    expect(canonicalLookup(emailForms('j.an+x@example.org')!)).toEqual({ local: 'j.an', domains: ['example.org'], gmail: false });
  });
});

describe('ban-list hashes', () => {
  const keys = new Keys('test-secret-of-at-least-32-characters-long');

  it('keys both forms with one purpose, so an exact hash and a canonical hash of the same text are equal', () => {
    const plain = banHashesOf(keys, 'jan@example.org')!;
    expect(plain.exactHash).toBe(plain.canonicalHash);
    expect(plain.exactHash).toMatch(/^[0-9a-f]{64}$/);
    const tagged = banHashesOf(keys, 'Jan+x@Example.org')!;
    expect(tagged.canonicalHash).toBe(plain.exactHash);
    expect(tagged.exactHash).not.toBe(plain.exactHash);
  });

  it('never contains the address and depends on the key', () => {
    const hashes = hashForms(keys, emailForms('jan@example.org')!);
    expect(JSON.stringify(hashes)).not.toContain('jan');
    expect(banHashesOf(new Keys('another-secret-of-at-least-32-characters'), 'jan@example.org')!.exactHash).not.toBe(hashes.exactHash);
  });

  it('has nothing for what is not an address', () => {
    expect(banHashesOf(keys, 'not an address')).toBeNull();
  });
});
