import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { MeilisearchSearchEngine } from '../../src/modules/search/engine/meilisearch/meilisearch-search.engine.js';
import { SearchSynonymsRepository } from '../../src/modules/search/search-synonyms.repository.js';
import type { TestApp } from '../support/test-app.js';
import { searchEngineContract } from './engine-contract.js';
import { visibilityAgreement } from './visibility-contract.js';

const url = process.env.MEILI_URL;

/** A Meilisearch engine on a fresh index of the server at MEILI_URL, deleted afterwards. */
async function meiliEngine(t: TestApp) {
  const client = new Meilisearch({ host: url!, apiKey: process.env.MEILI_KEY });
  const index = `lesplein_test_${randomBytes(4).toString('hex')}`;
  return {
    engine: new MeilisearchSearchEngine(client, index, t.app.get(SearchSynonymsRepository)),
    close: async () => void (await client.deleteIndex(index).waitTask()),
  };
}

// Included by vitest.config.ts only when MEILI_URL is set (it says so in the output otherwise).
searchEngineContract(`Meilisearch at ${url}`, meiliEngine);
visibilityAgreement(`Meilisearch at ${url}`, meiliEngine);
