import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { OidcStoreRepository } from './oidc-store.repository.js';

/** Builds clients from registered partners; undefined when unknown or suspended. */
export type ClientLookup = (clientId: string) => Promise<AdapterPayload | undefined>;

/**
 * The provider's storage adapter: every model in PostgreSQL through OidcStoreRepository,
 * except clients, which are the registered partners.
 */
export function adapterClass(store: OidcStoreRepository, clients: ClientLookup) {
  return class PostgresAdapter implements Adapter {
    constructor(readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      await store.upsert(this.model, id, payload as Record<string, unknown>, expiresIn);
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === 'Client') return clients(id);
      return payloadOf(await store.find(this.model, id));
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return payloadOf(await store.findByUid(this.model, uid));
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return payloadOf(await store.findByUserCode(this.model, userCode));
    }

    async consume(id: string): Promise<void> {
      await store.consume(this.model, id);
    }

    async destroy(id: string): Promise<void> {
      await store.destroy(this.model, id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await store.revokeByGrantId(grantId);
    }
  };
}

function payloadOf(stored: Awaited<ReturnType<OidcStoreRepository['find']>>): AdapterPayload | undefined {
  if (!stored) return undefined;
  if (stored.expiresAt && stored.expiresAt.getTime() <= Date.now()) return undefined;
  return { ...stored.payload, ...(stored.consumedAt ? { consumed: Math.floor(stored.consumedAt.getTime() / 1000) } : {}) } as AdapterPayload;
}
