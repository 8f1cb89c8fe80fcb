import { describe, expect, it } from 'vitest';
import { Email, LoginResponse, RegisterRequest, SecondFactorCode } from './auth.js';

describe('auth contracts', () => {
  it('normalises e-mail addresses and refuses malformed ones', () => {
    expect(Email.parse('  An.Peeters@School.BE ')).toBe('an.peeters@school.be');
    expect(Email.safeParse('an.peeters').success).toBe(false);
    expect(Email.safeParse(`${'a'.repeat(250)}@x.be`).success).toBe(false);
  });

  it('refuses unknown fields and short passwords at registration', () => {
    const valid = { email: 'a@b.be', password: 'Tien-Tekens-Lang', firstName: 'A', lastName: 'B' };
    expect(RegisterRequest.parse(valid).locale).toBe('nl');
    expect(RegisterRequest.safeParse({ ...valid, role: 'admin' }).success).toBe(false);
    expect(RegisterRequest.safeParse({ ...valid, password: 'kort' }).success).toBe(false);
    expect(RegisterRequest.safeParse({ ...valid, firstName: '   ' }).success).toBe(false);
  });

  it('accepts six-digit codes and recovery codes as second factor', () => {
    expect(SecondFactorCode.safeParse('123456').success).toBe(true);
    expect(SecondFactorCode.safeParse('abcde-23456').success).toBe(true);
    expect(SecondFactorCode.safeParse('12345').success).toBe(false);
  });

  it('discriminates log-in responses', () => {
    expect(LoginResponse.parse({ status: 'second_factor_required', challenge: 'c' }).status).toBe('second_factor_required');
    expect(LoginResponse.safeParse({ status: 'signed_in' }).success).toBe(false);
  });
});
