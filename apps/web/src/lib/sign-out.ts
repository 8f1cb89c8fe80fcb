/**
 * Remembers that the member signed out on purpose, for a few seconds. The route guard of
 * member-only pages may still render once with "no member" before the navigation home has
 * been rendered (react-router renders navigations in a transition, the member query updates
 * at once); it then goes home too instead of asking to log in again.
 */
let signedOutAt = Number.NEGATIVE_INFINITY;
const WINDOW_MS = 10_000;

export function noteSignedOut(now: number = Date.now()): void {
  signedOutAt = now;
}

export function signedOutRecently(now: number = Date.now()): boolean {
  return now - signedOutAt < WINDOW_MS;
}
