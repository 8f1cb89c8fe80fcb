import { useSyncExternalStore } from 'react';

/**
 * The visitor's choice about non-necessary cookies and storage, kept in this browser only
 * (localStorage, itself necessary to remember the choice). Until a choice is made only what is
 * necessary is used; "analytics" allows the aggregate page-view counter (which sets no cookie).
 * The footer's "Cookie-instellingen" reopens the banner to change the choice.
 */
export const consentStorageKey = 'lesplein.consent';

export interface ConsentChoice {
  analytics: boolean;
  /** When the choice was made (ISO). */
  at: string;
}

interface ConsentState {
  choice: ConsentChoice | null;
  /** The banner is open to change an earlier choice. */
  reopened: boolean;
}

function read(): ConsentChoice | null {
  try {
    const raw = globalThis.localStorage?.getItem(consentStorageKey);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as ConsentChoice).analytics === 'boolean' && typeof (parsed as ConsentChoice).at === 'string') {
      return { analytics: (parsed as ConsentChoice).analytics, at: (parsed as ConsentChoice).at };
    }
  } catch {
    // Storage unavailable or a broken value: as if no choice was made.
  }
  return null;
}

let state: ConsentState = { choice: read(), reopened: false };
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Records the choice (and closes the banner). */
export function chooseConsent(analytics: boolean, now = new Date()): void {
  const choice: ConsentChoice = { analytics, at: now.toISOString() };
  try {
    globalThis.localStorage?.setItem(consentStorageKey, JSON.stringify(choice));
  } catch {
    // Not stored: the choice holds for this page view only.
  }
  state = { choice, reopened: false };
  emit();
}

/** Opens the banner again to change the choice. */
export function reopenConsent(): void {
  state = { ...state, reopened: true };
  emit();
}

/** The current choice, and whether the banner should show (no choice yet, or reopened). */
export function useConsent(): ConsentState & { bannerOpen: boolean } {
  const current = useSyncExternalStore(subscribe, () => state, () => state);
  return { ...current, bannerOpen: current.choice === null || current.reopened };
}

/** For tests: forget the in-memory state and read storage again. */
export function resetConsentForTests(): void {
  state = { choice: read(), reopened: false };
  emit();
}
