import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '@lesplein/contracts/search';
import { useCurrentMember } from '../../../features/auth/get-current-member';
import { ResourceSaveActions } from '../../../components/resource-save-actions';
import { LicenceBadge } from '../resources/licence-badge';
import { HighlightedText } from './highlighted-text';

/** One search result: title and a snippet with the matching words marked, type, author, rating, licence; for members, favourite and add to folder. */
export function SearchHitCard({ hit }: { hit: SearchHit }) {
  const { t, i18n } = useTranslation();
  const { data: viewer } = useCurrentMember();
  const language = i18n.resolvedLanguage ?? 'nl';
  const average = hit.rating.average;
  return (
    <li className="search-hit">
      {hit.thumbnailUrl ? (
        <img className="search-hit__thumb" src={hit.thumbnailUrl} alt="" loading="lazy" width={160} height={100} />
      ) : (
        <span className={`search-hit__thumb resource-card__thumb--none resource-card__thumb--${hit.type}`} aria-hidden="true">
          {t(`resourceTypes.${hit.type}`).slice(0, 1)}
        </span>
      )}
      <div className="search-hit__body">
        <h2 className="search-hit__title">
          <Link to={`/resources/${hit.id}`}>
            <HighlightedText segments={hit.highlight.title} />
          </Link>
        </h2>
        {hit.highlight.description.length > 0 ? (
          <p className="search-hit__snippet">
            <HighlightedText segments={hit.highlight.description} />
          </p>
        ) : null}
        <p className="search-hit__meta">
          {t(`resourceTypes.${hit.type}`)} · {hit.author ? hit.author.displayName : t('resources.view.anonymous')}
          {average !== null ? <> · {t('search.hit.rating', { average: average.toLocaleString(language, { maximumFractionDigits: 1 }), count: hit.rating.count })}</> : null}
          {hit.favouriteCount > 0 ? <> · {t('search.hit.favourites', { count: hit.favouriteCount })}</> : null}
        </p>
        <p className="search-hit__meta">
          <LicenceBadge licence={hit.licence} />
        </p>
        {viewer ? (
          <div className="resource-card__actions">
            <ResourceSaveActions resourceId={hit.id} title={hit.title} />
          </div>
        ) : null}
      </div>
    </li>
  );
}
