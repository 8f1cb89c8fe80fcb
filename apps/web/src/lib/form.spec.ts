import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { z } from 'zod';
import { ChangePasswordRequest, LoginSecondFactorRequest, RegisterRequest } from '@lesplein/contracts/auth';
import { UpdateProfileRequest } from '@lesplein/contracts/profile';
import { ApiError } from './api-client';
import { describeProblem, fieldKey, pickLanguage, problemMessage, validateWith } from './form';
import { initI18n, loadLanguage } from './i18n';

beforeAll(async () => {
  await initI18n();
  await loadLanguage('en');
});

async function inLanguage<T>(language: 'nl' | 'en', run: () => T): Promise<T> {
  await i18next.changeLanguage(language);
  return run();
}

function apiError(status: number, code: string, extra: Record<string, unknown> = {}) {
  return new ApiError({ type: 'about:blank', title: code, status, code, ...extra });
}

describe('pickLanguage', () => {
  it('picks the half of a bilingual contract message', () => {
    expect(pickLanguage('Minstens 10 tekens / At least 10 characters', 'nl')).toBe('Minstens 10 tekens');
    expect(pickLanguage('Minstens 10 tekens / At least 10 characters', 'en')).toBe('At least 10 characters');
    expect(pickLanguage('Plain message', 'en')).toBe('Plain message');
  });
});

describe('fieldKey', () => {
  it('turns issue and API paths into field names', () => {
    expect(fieldKey(['email'])).toBe('email');
    expect(fieldKey(['visibility', 'school'])).toBe('visibility.school');
    expect(fieldKey('socialLinks.2')).toBe('socialLinks.2');
    expect(fieldKey([])).toBe('');
  });

  it('keeps a leading `body`: the API paths have no request-body prefix, so it is a field called body', () => {
    expect(fieldKey('body')).toBe('body');
    expect(fieldKey(['body'])).toBe('body');
    expect(fieldKey('body.email')).toBe('body.email');
  });
});

describe('validateWith', () => {
  it('reports required fields in the interface language', async () => {
    const result = await inLanguage('nl', () => validateWith(RegisterRequest, { email: '', password: '', firstName: ' ', lastName: 'Peeters' }));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.fieldErrors).toEqual({
      email: 'Vul dit veld in.',
      password: 'Vul dit veld in.',
      firstName: 'Vul dit veld in.',
    });
  });

  it('uses the contract message for its language', async () => {
    const input = { email: 'not-an-address', password: 'short', firstName: 'An', lastName: 'Peeters' };
    const nl = await inLanguage('nl', () => validateWith(RegisterRequest, input));
    const en = await inLanguage('en', () => validateWith(RegisterRequest, input));
    expect(nl.success || nl.fieldErrors).toEqual({ email: 'Geef een geldig e-mailadres', password: 'Minstens 10 tekens' });
    expect(en.success || en.fieldErrors).toEqual({ email: 'Enter a valid e-mail address', password: 'At least 10 characters' });
  });

  it('translates zod messages that the contract did not word', async () => {
    const schema = z.object({ name: z.string().max(3), tags: z.array(z.string()).min(2), site: z.url() });
    const result = await inLanguage('en', () => validateWith(schema, { name: 'abcdef', tags: ['a'], site: 'nope' }));
    expect(result.success || result.fieldErrors).toEqual({
      name: 'At most 3 characters.',
      tags: 'Choose at least 2.',
      site: 'Enter a web address starting with http:// or https://.',
    });
  });

  it('returns parsed data (trimmed, lower-cased e-mail) on success', async () => {
    const result = await inLanguage('nl', () =>
      validateWith(RegisterRequest, { email: ' An@School.BE ', password: 'a-long-passphrase', firstName: 'An', lastName: 'Peeters' }),
    );
    expect(result).toEqual({
      success: true,
      data: { email: 'an@school.be', password: 'a-long-passphrase', firstName: 'An', lastName: 'Peeters', locale: 'nl' },
    });
  });

  it('accepts TOTP and recovery codes for the second step and refuses others', async () => {
    const challenge = 'c'.repeat(32);
    expect(validateWith(LoginSecondFactorRequest, { challenge, code: '123456' }).success).toBe(true);
    expect(validateWith(LoginSecondFactorRequest, { challenge, code: 'abcde-12345' }).success).toBe(true);
    const bad = await inLanguage('en', () => validateWith(LoginSecondFactorRequest, { challenge, code: '12345' }));
    expect(bad.success || bad.fieldErrors).toEqual({ code: 'Invalid code' });
  });

  it('keys nested errors by their dotted path', async () => {
    const result = await inLanguage('en', () => validateWith(UpdateProfileRequest, { visibility: { school: 'friends' }, dateOfBirth: '01/02/1990' }));
    expect(result.success || result.fieldErrors).toEqual({
      'visibility.school': 'Choose one of the options.',
      dateOfBirth: 'Date as YYYY-MM-DD',
    });
  });

  it('validates the new password of a password change', async () => {
    const result = await inLanguage('nl', () => validateWith(ChangePasswordRequest, { currentPassword: 'x', newPassword: 'kort' }));
    expect(result.success || result.fieldErrors).toEqual({ newPassword: 'Minstens 10 tekens' });
  });
});

describe('problemMessage', () => {
  it('translates known codes', async () => {
    expect(await inLanguage('nl', () => problemMessage(apiError(401, 'invalid_credentials').problem))).toBe(
      'Dat e-mailadres of wachtwoord klopt niet.',
    );
    expect(await inLanguage('en', () => problemMessage(apiError(403, 'email_not_verified').problem))).toMatch(/not confirmed/);
  });

  it('says how long to wait when rate limited', async () => {
    const one = apiError(429, 'rate_limited', { retryAfterSeconds: 1 }).problem;
    const many = apiError(429, 'rate_limited', { retryAfterSeconds: 30 }).problem;
    expect(await inLanguage('nl', () => problemMessage(many))).toBe('Te veel pogingen. Probeer het opnieuw over 30 seconden.');
    expect(await inLanguage('en', () => problemMessage(one))).toBe('Too many attempts. Try again in 1 second.');
    expect(await inLanguage('en', () => problemMessage(apiError(429, 'rate_limited').problem))).toBe('Too many attempts. Try again later.');
  });

  it('falls back to the API detail for unknown codes', async () => {
    const problem = apiError(422, 'something_new', { detail: 'Iets nieuws / Something new' }).problem;
    expect(await inLanguage('en', () => problemMessage(problem))).toBe('Something new');
  });
});

describe('describeProblem', () => {
  it('puts field errors next to their fields and asks to check them', async () => {
    const error = apiError(400, 'validation_failed', {
      errors: [
        { path: 'email', message: 'Geef een geldig e-mailadres / Enter a valid e-mail address' },
        { path: 'password', message: 'Too short' },
      ],
    });
    const described = await inLanguage('nl', () => describeProblem(error, { fields: ['email', 'password'] }));
    expect(described).toEqual({
      formError: 'Controleer de gemarkeerde velden.',
      fieldErrors: { email: 'Geef een geldig e-mailadres', password: 'Too short' },
    });
  });

  it('puts the API error for a comment or message `body` next to the body field', async () => {
    // What the API answers for POST /api/resources/:id/comments with an overlong body.
    const error = apiError(400, 'validation_failed', { errors: [{ path: 'body', message: 'Hoogstens 5000 tekens / At most 5000 characters' }] });
    const described = await inLanguage('nl', () => describeProblem(error, { fields: ['body'] }));
    expect(described).toEqual({ formError: 'Controleer de gemarkeerde velden.', fieldErrors: { body: 'Hoogstens 5000 tekens' } });
  });

  it('keys client-side issues on a `body` field by that name, like the API does', async () => {
    const result = await inLanguage('en', () => validateWith(z.object({ body: z.string().trim().min(1).max(5) }), { body: 'too long' }));
    expect(result.success || result.fieldErrors).toEqual({ body: 'At most 5 characters.' });
  });

  it('shows errors for fields the form lacks in the alert', async () => {
    const error = apiError(400, 'validation_failed', { errors: [{ path: 'token', message: 'Ongeldig / Invalid' }] });
    const described = await inLanguage('en', () => describeProblem(error, { fields: ['password'] }));
    expect(described.fieldErrors).toEqual({});
    expect(described.formError).toBe('Not everything is filled in correctly. Invalid');
  });

  it('maps a code to a field when the form says so', async () => {
    const described = await inLanguage('nl', () =>
      describeProblem(apiError(400, 'weak_password'), { fields: ['password'], codeToField: { weak_password: 'password' } }),
    );
    expect(described.formError).toBeNull();
    expect(described.fieldErrors.password).toMatch(/te makkelijk te raden/);
  });

  it('puts a field-specific code next to its field, with the form\'s own wording', async () => {
    // The API names the field differently ("password") from the form ("currentPassword").
    const error = apiError(400, 'invalid_credentials', { errors: [{ path: 'password', message: 'Onjuist wachtwoord / Wrong password' }] });
    const described = await inLanguage('en', () =>
      describeProblem(error, {
        fields: ['currentPassword', 'newPassword'],
        codeToField: { invalid_credentials: 'currentPassword' },
        messages: { invalid_credentials: 'Your current password is not right.' },
      }),
    );
    expect(described).toEqual({ formError: null, fieldErrors: { currentPassword: 'Your current password is not right.' } });
  });

  it('prefers the translated code message over the API\'s field message for a mapped code', async () => {
    const error = apiError(400, 'second_factor_invalid', { errors: [{ path: 'code', message: 'Ongeldige code / Invalid code' }] });
    const described = await inLanguage('nl', () => describeProblem(error, { fields: ['code'], codeToField: { second_factor_invalid: 'code' } }));
    expect(described.formError).toBeNull();
    expect(described.fieldErrors.code).toMatch(/^Deze code klopt niet/);
  });

  it('keeps the alert for codes without a field', async () => {
    const described = await inLanguage('en', () => describeProblem(apiError(403, 'csrf_invalid'), { fields: ['email'] }));
    expect(described).toEqual({ formError: expect.stringMatching(/Reload the page/), fieldErrors: {} });
  });

  it('has a message for errors that are not API errors', async () => {
    expect((await inLanguage('nl', () => describeProblem(new Error('boom')))).formError).toBe('Er ging iets mis. Probeer het opnieuw.');
  });
});
