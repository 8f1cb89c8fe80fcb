import { SEARCH_ENGINE, type SearchEngine } from '../../src/modules/search/engine/search-engine.js';
import { searchEngineContract } from './engine-contract.js';

// The default engine, as the application builds it (no MEILI_URL in tests).
searchEngineContract('PostgreSQL', async (t) => {
  const engine = t.app.get<SearchEngine>(SEARCH_ENGINE);
  if (engine.name !== 'postgres') throw new Error(`expected the PostgreSQL engine, got ${engine.name}`);
  return { engine };
});
