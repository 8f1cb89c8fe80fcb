import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { importJWK, type JWK } from 'jose';
import { Keys } from '../../../core/crypto/keys.js';
import { SigningKeyRepository } from './signing-key.repository.js';

const PURPOSE = 'oidc-signing-key';

/**
 * The RS256 key that signs ID tokens and revocation notices: generated once, kept in the
 * database encrypted with a key derived from APP_SECRET, so every process signs with the same key.
 */
@Injectable()
export class SigningKeys {
  private jwk?: Promise<JWK>;

  constructor(
    private readonly repository: SigningKeyRepository,
    private readonly keys: Keys,
  ) {}

  privateJwk(): Promise<JWK> {
    this.jwk ??= this.load();
    return this.jwk;
  }

  async signingKey() {
    const jwk = await this.privateJwk();
    return { kid: jwk.kid as string, key: await importJWK(jwk, 'RS256') };
  }

  private async load(): Promise<JWK> {
    const sealed = await this.repository.getOrCreate('primary', () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };
      return this.keys.encrypt(PURPOSE, JSON.stringify(jwk));
    });
    return JSON.parse(this.keys.decrypt(PURPOSE, sealed)) as JWK;
  }
}
