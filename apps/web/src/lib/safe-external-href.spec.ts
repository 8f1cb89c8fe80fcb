import { describe, expect, it } from 'vitest';
import { safeExternalHref, safeMailtoHref } from './safe-external-href';

describe('safeExternalHref', () => {
  it('keeps absolute http and https addresses', () => {
    expect(safeExternalHref('https://uitgeverij.example/privacy')).toBe('https://uitgeverij.example/privacy');
    expect(safeExternalHref('http://localhost:5173/callback?x=1#top')).toBe('http://localhost:5173/callback?x=1#top');
    expect(safeExternalHref('  HTTPS://Uitgeverij.Example  ')).toBe('https://uitgeverij.example/');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://files.example/x',
    'mailto:dpo@uitgeverij.example',
  ])('gives no link for the scheme of %j', (value) => {
    expect(safeExternalHref(value)).toBeNull();
  });

  it.each(['/privacy', 'privacy.html', '//evil.example/x', '?a=1', '#top', 'https//missing-colon.example', 'http://', 'https://[not-an-ip', '', '   '])(
    'gives no link for the relative or malformed %j',
    (value) => {
      expect(safeExternalHref(value)).toBeNull();
    },
  );

  it('gives no link for addresses with credentials', () => {
    expect(safeExternalHref('https://bank.example@evil.example/')).toBeNull();
    expect(safeExternalHref('https://user:secret@uitgeverij.example/')).toBeNull();
  });

  it('gives no link for missing values', () => {
    expect(safeExternalHref(null)).toBeNull();
    expect(safeExternalHref(undefined)).toBeNull();
  });
});

describe('safeMailtoHref', () => {
  it('links one plain address', () => {
    expect(safeMailtoHref('dpo@uitgeverij.example')).toBe('mailto:dpo@uitgeverij.example');
    expect(safeMailtoHref(' privacy+lesplein@uitgeverij.example ')).toBe('mailto:privacy+lesplein@uitgeverij.example');
  });

  it.each(['dpo@uitgeverij.example?subject=x', 'a@b.example,c@d.example', 'a@b.example&body=x', 'javascript:alert(1)//@x.example', 'no-at-sign.example', 'a@localhost', 'a b@c.example', '', null, undefined])(
    'gives no link for %j',
    (value) => {
      expect(safeMailtoHref(value)).toBeNull();
    },
  );
});
