import { describe, expect, it } from 'vitest';
import { noteSignedOut, signedOutRecently } from './sign-out';

describe('signedOutRecently', () => {
  it('is true for a few seconds after signing out, and not before', () => {
    expect(signedOutRecently(0)).toBe(false);
    noteSignedOut(1_000);
    expect(signedOutRecently(1_500)).toBe(true);
    expect(signedOutRecently(20_000)).toBe(false);
  });
});
