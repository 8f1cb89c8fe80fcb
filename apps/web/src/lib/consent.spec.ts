import { beforeEach, describe, expect, it } from 'vitest';
import { chooseConsent, consentStorageKey, reopenConsent, resetConsentForTests } from './consent';

class MemoryStorage {
  private readonly values = new Map<string, string>();
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
}

describe('consent choice', () => {
  beforeEach(() => {
    Object.defineProperty(globalThis, 'localStorage', { value: new MemoryStorage(), configurable: true });
    resetConsentForTests();
  });

  it('stores the choice with its time, and reads it back', () => {
    chooseConsent(true, new Date('2026-11-23T10:00:00.000Z'));
    expect(JSON.parse(globalThis.localStorage.getItem(consentStorageKey) ?? '')).toEqual({ analytics: true, at: '2026-11-23T10:00:00.000Z' });
    resetConsentForTests();
    chooseConsent(false);
    expect(JSON.parse(globalThis.localStorage.getItem(consentStorageKey) ?? '').analytics).toBe(false);
  });

  it('treats a broken stored value as no choice', () => {
    globalThis.localStorage.setItem(consentStorageKey, '{"analytics":"ja"}');
    resetConsentForTests();
    reopenConsent();
    chooseConsent(false);
    expect(JSON.parse(globalThis.localStorage.getItem(consentStorageKey) ?? '').analytics).toBe(false);
  });
});
