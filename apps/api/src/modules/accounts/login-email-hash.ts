import type { Keys } from '../../core/crypto/keys.js';

/** The keyed hash under which log-in attempts record the address that was typed (never the address). */
export const loginEmailHash = (keys: Keys, email: string) => keys.hmac('login-email', email.trim().toLowerCase());
