import { describe, expect, it } from 'vitest';
import { checkPartnerLogo, maxPartnerLogoBytes } from './upload-partner-logo';

describe('checkPartnerLogo', () => {
  it('accepts PNG, JPEG and WebP up to the size the API takes', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/webp']) expect(checkPartnerLogo({ type, size: 1_000 }), type).toBeNull();
    expect(checkPartnerLogo({ type: 'image/png', size: maxPartnerLogoBytes })).toBeNull();
  });

  it('refuses other types (SVG above all: it can carry script) and larger files', () => {
    expect(checkPartnerLogo({ type: 'image/svg+xml', size: 100 })).toBe('type');
    expect(checkPartnerLogo({ type: 'image/gif', size: 100 })).toBe('type');
    expect(checkPartnerLogo({ type: '', size: 100 })).toBe('type');
    expect(checkPartnerLogo({ type: 'image/jpeg', size: maxPartnerLogoBytes + 1 })).toBe('size');
  });
});
