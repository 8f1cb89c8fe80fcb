/** Query keys of the member's search history and saved searches (shared by their operations). */
export const searchKeys = {
  historyList: ['search', 'history', 'list'] as const,
  historySettings: ['search', 'history', 'settings'] as const,
  saved: ['search', 'saved'] as const,
};

export const SEARCH_HISTORY_PATH = '/api/account/search-history';
export const SAVED_SEARCHES_PATH = '/api/account/saved-searches';
