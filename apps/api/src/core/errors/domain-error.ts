import { ProblemCode } from '@lesplein/contracts/common';

export interface FieldError {
  path: string;
  message: string;
}

/**
 * The errors services throw. One global filter maps them to application/problem+json,
 * so controllers never build HTTP errors by hand.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

export const ValidationFailed = (errors: FieldError[], message = 'The request is not valid.') =>
  new DomainError(400, ProblemCode.validation, message, { errors });
export const Unauthenticated = (message = 'Log in to continue.') => new DomainError(401, ProblemCode.unauthenticated, message);
export const Forbidden = (message = 'You may not do this.', code: string = ProblemCode.forbidden) => new DomainError(403, code, message);
export const NotFound = (what = 'Resource') => new DomainError(404, ProblemCode.notFound, `${what} not found.`);
/** 410: it existed and is gone for good (e.g. a deleted member's profile). */
export const Gone = (message: string) => new DomainError(410, ProblemCode.gone, message);
export const Conflict = (message: string, code: string = ProblemCode.conflict) => new DomainError(409, code, message);
export const RateLimited = (retryAfterSeconds: number) =>
  new DomainError(429, ProblemCode.rateLimited, 'Too many attempts; try again later.', { retryAfterSeconds });
