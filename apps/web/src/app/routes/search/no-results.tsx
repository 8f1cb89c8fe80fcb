import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { searchPath, type SearchState } from '../../../features/search/search-url';

/** Nothing found: the corrected query when there is one, and what else to try. */
export function NoResults({ state, didYouMean, onClear }: { state: SearchState; didYouMean: string | null; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="search-empty">
      <h2>{t('search.empty.title')}</h2>
      {didYouMean ? (
        <p>
          {t('search.empty.didYouMean')}{' '}
          <Link to={searchPath({ ...state, q: didYouMean })}>
            <strong>{didYouMean}</strong>
          </Link>
          ?
        </p>
      ) : null}
      <ul>
        <li>{t('search.empty.checkSpelling')}</li>
        <li>{t('search.empty.fewerWords')}</li>
        <li>
          {t('search.empty.fewerFilters')}{' '}
          <button type="button" className="button button--link" onClick={onClear}>
            {t('search.chips.clear')}
          </button>
        </li>
      </ul>
    </div>
  );
}
