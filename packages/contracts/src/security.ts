import { z } from 'zod';
import { SecondFactorCode } from './auth.js';

export const TwoFactorSetupResponse = z.object({
  /** otpauth:// URI for authenticator apps (shown as a QR code). */
  otpauthUri: z.string(),
  /** Base32 secret for manual entry. */
  secret: z.string(),
});
export type TwoFactorSetupResponse = z.infer<typeof TwoFactorSetupResponse>;

export const TwoFactorEnableRequest = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/, { message: 'Zes cijfers / Six digits' }) });
export type TwoFactorEnableRequest = z.infer<typeof TwoFactorEnableRequest>;

export const RecoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodesResponse = z.infer<typeof RecoveryCodesResponse>;

export const TwoFactorDisableRequest = z.strictObject({
  password: z.string().min(1).max(200),
  code: SecondFactorCode,
});
export type TwoFactorDisableRequest = z.infer<typeof TwoFactorDisableRequest>;

export const SessionInfo = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  ipPrefix: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SessionList = z.object({ items: z.array(SessionInfo) });
export type SessionList = z.infer<typeof SessionList>;

export const LoginHistoryEntry = z.object({
  at: z.iso.datetime(),
  ipPrefix: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type LoginHistoryEntry = z.infer<typeof LoginHistoryEntry>;

export const LoginHistory = z.object({ items: z.array(LoginHistoryEntry), retentionDays: z.number().int() });
export type LoginHistory = z.infer<typeof LoginHistory>;

export const SignOutOthersResponse = z.object({ ended: z.number().int() });
export type SignOutOthersResponse = z.infer<typeof SignOutOthersResponse>;
