import { z } from 'zod';

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Geef een geldig e-mailadres / Enter a valid e-mail address' }))
  .transform((value) => value.toLowerCase());

/** Length rules only; the common-password list is checked by the API. */
export const Password = z
  .string()
  .min(10, { message: 'Minstens 10 tekens / At least 10 characters' })
  .max(200, { message: 'Hoogstens 200 tekens / At most 200 characters' });

export const PersonName = z.string().trim().min(1).max(100);

export const RegisterRequest = z.strictObject({
  email: Email,
  password: Password,
  firstName: PersonName,
  lastName: PersonName,
  locale: z.enum(['nl', 'en']).default('nl'),
});
export type RegisterRequest = z.input<typeof RegisterRequest>;

export const VerifyEmailRequest = z.strictObject({ token: z.string().min(20).max(200) });
export type VerifyEmailRequest = z.infer<typeof VerifyEmailRequest>;

export const ResendVerificationRequest = z.strictObject({ email: Email });
export type ResendVerificationRequest = z.input<typeof ResendVerificationRequest>;

export const LoginRequest = z.strictObject({
  email: Email,
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.input<typeof LoginRequest>;

/** A six-digit TOTP code or a recovery code (xxxxx-xxxxx). */
export const SecondFactorCode = z
  .string()
  .trim()
  .regex(/^(\d{6}|[a-z0-9]{5}-[a-z0-9]{5})$/i, { message: 'Ongeldige code / Invalid code' });

export const LoginSecondFactorRequest = z.strictObject({
  challenge: z.string().min(20).max(200),
  code: SecondFactorCode,
});
export type LoginSecondFactorRequest = z.infer<typeof LoginSecondFactorRequest>;

export const Role = z.enum(['member', 'moderator', 'admin']);
export type Role = z.infer<typeof Role>;

export const CurrentMember = z.object({
  id: z.uuid(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  handle: z.string(),
  role: Role,
  twoFactorEnabled: z.boolean(),
  /** True when the member's role requires 2FA and it is not yet enabled. */
  twoFactorSetupRequired: z.boolean(),
  /** May see and edit the ban list: admins, and moderators holding the ban-list right. */
  banListRight: z.boolean(),
  locale: z.enum(['nl', 'en']),
});
export type CurrentMember = z.infer<typeof CurrentMember>;

export const LoginResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in'), member: CurrentMember }),
  z.object({ status: z.literal('second_factor_required'), challenge: z.string() }),
]);
export type LoginResponse = z.infer<typeof LoginResponse>;

export const CsrfResponse = z.object({ token: z.string() });
export type CsrfResponse = z.infer<typeof CsrfResponse>;

export const ForgotPasswordRequest = z.strictObject({ email: Email });
export type ForgotPasswordRequest = z.input<typeof ForgotPasswordRequest>;

export const ResetPasswordRequest = z.strictObject({
  token: z.string().min(20).max(200),
  password: Password,
});
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const ChangeEmailRequest = z.strictObject({
  newEmail: Email,
  password: z.string().min(1).max(200),
});
export type ChangeEmailRequest = z.input<typeof ChangeEmailRequest>;

/** Answer to requests whose outcome must not reveal whether an address exists. */
export const AcceptedResponse = z.object({ accepted: z.literal(true) });
export type AcceptedResponse = z.infer<typeof AcceptedResponse>;
