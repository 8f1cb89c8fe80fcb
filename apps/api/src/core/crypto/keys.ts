import crypto from 'node:crypto';

/**
 * Keys derived from APP_SECRET with HKDF, one per purpose, so a leak of one derived key
 * does not expose the others and rotating APP_SECRET rotates them all.
 */
export class Keys {
  private readonly cache = new Map<string, Buffer>();

  constructor(private readonly appSecret: string) {}

  key(purpose: string): Buffer {
    let key = this.cache.get(purpose);
    if (!key) {
      key = Buffer.from(crypto.hkdfSync('sha256', this.appSecret, 'lesplein', purpose, 32));
      this.cache.set(purpose, key);
    }
    return key;
  }

  /** Keyed hash (HMAC-SHA-256, hex) for looking values up without storing them. */
  hmac(purpose: string, value: string): string {
    return crypto.createHmac('sha256', this.key(purpose)).update(value).digest('hex');
  }

  /** AES-256-GCM encryption; output is iv.tag.ciphertext in base64url. */
  encrypt(purpose: string, plaintext: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key(purpose), iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
  }

  decrypt(purpose: string, sealed: string): string {
    const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    if (!iv || !tag || !body) throw new Error('Malformed ciphertext');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.key(purpose), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }
}

/** A random, URL-safe secret token (256 bits). */
export function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** SHA-256 of a high-entropy token: what we store instead of the token itself. */
export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Constant-time comparison of two strings. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
