/**
 * Growing delays after failed log-ins: the first `free` failures in the window cost nothing,
 * then each further failure doubles the wait (2 s, 4 s, 8 s … capped at 15 minutes).
 * Returns the seconds still to wait, or 0.
 */
export function remainingDelaySeconds(failures: number, lastFailure: Date | null, free: number, now = new Date()): number {
  if (failures < free || !lastFailure) return 0;
  const delay = Math.min(900, 2 ** (failures - free + 1));
  const waited = (now.getTime() - lastFailure.getTime()) / 1000;
  return waited >= delay ? 0 : Math.ceil(delay - waited);
}

/** Failures counted per account address and per IP prefix (schools share addresses, so more). */
export const FREE_FAILURES_PER_ACCOUNT = 5;
export const FREE_FAILURES_PER_IP = 20;
export const FAILURE_WINDOW_MS = 60 * 60 * 1000;
