import { describe, expect, it } from 'vitest';
import { SetOptionalFieldRequest, UpdateProfileRequest } from './profile.js';

describe('profile contracts', () => {
  it('requires explicit consent for optional fields', () => {
    expect(SetOptionalFieldRequest.safeParse({ field: 'aboutMe', consent: true, value: 'Hallo' }).success).toBe(true);
    expect(SetOptionalFieldRequest.safeParse({ field: 'aboutMe', value: 'Hallo' }).success).toBe(false);
    expect(SetOptionalFieldRequest.safeParse({ field: 'aboutMe', consent: false, value: 'Hallo' }).success).toBe(false);
  });

  it('accepts only http(s) links', () => {
    expect(SetOptionalFieldRequest.safeParse({ field: 'website', consent: true, value: 'https://juf.be' }).success).toBe(true);
    expect(SetOptionalFieldRequest.safeParse({ field: 'website', consent: true, value: 'javascript:alert(1)' }).success).toBe(false);
    expect(SetOptionalFieldRequest.safeParse({ field: 'socialLinks', consent: true, value: ['ftp://x.be'] }).success).toBe(false);
  });

  it('validates dates, visibility and refuses unknown fields', () => {
    expect(UpdateProfileRequest.safeParse({ dateOfBirth: '1990-02-30' }).success).toBe(false);
    expect(UpdateProfileRequest.safeParse({ visibility: { school: 'public' } }).success).toBe(true);
    expect(UpdateProfileRequest.safeParse({ visibility: { email: 'public' } }).success).toBe(false);
    expect(UpdateProfileRequest.safeParse({ email: 'x@y.be' }).success).toBe(false);
  });
});
