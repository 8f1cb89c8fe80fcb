import type { ProblemCode as ProblemCodeType } from '@lesplein/contracts/common';

/**
 * The contract's problem codes, repeated here so that the start-up bundle does not have to
 * load zod (the contract module defines its schemas at import time). `satisfies` with the
 * contract's own type makes the compiler fail if the two ever differ.
 */
export const ProblemCode = {
  validation: 'validation_failed',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  notFound: 'not_found',
  conflict: 'conflict',
  csrf: 'csrf_invalid',
  rateLimited: 'rate_limited',
  payloadTooLarge: 'payload_too_large',
  invalidCredentials: 'invalid_credentials',
  emailNotVerified: 'email_not_verified',
  secondFactorRequired: 'second_factor_required',
  secondFactorInvalid: 'second_factor_invalid',
  accountDeletionPending: 'account_deletion_pending',
  gone: 'gone',
  memberGone: 'member_gone',
  tokenInvalid: 'token_invalid',
  weakPassword: 'weak_password',
  unavailable: 'service_unavailable',
  fileTooLarge: 'file_too_large',
  quotaExceeded: 'quota_exceeded',
  fileEmpty: 'file_empty',
  fileTypeRefused: 'file_type_refused',
  fileTypeMismatch: 'file_type_mismatch',
  fileCorrupt: 'file_corrupt',
  archiveRefused: 'archive_refused',
  uploadAborted: 'upload_aborted',
  resourceIsLink: 'resource_is_link',
  tooManyFiles: 'too_many_files',
  tooManySavedSearches: 'too_many_saved_searches',
  accountSuspended: 'account_suspended',
  policyAcceptanceRequired: 'policy_acceptance_required',
  internal: 'internal_error',
} as const satisfies typeof import('@lesplein/contracts/common').ProblemCode;

export type ProblemCode = ProblemCodeType;
