import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ResourceSummary } from '@lesplein/contracts/resource';
import { useCurrentMember } from '../../../features/auth/get-current-member';
import { ResourceSaveActions } from '../../../components/resource-save-actions';
import { LicenceBadge } from './licence-badge';

/**
 * A resource in a list: thumbnail (decorative: the title says what it is), title, type, author,
 * licence; for signed-in members "Favoriet" and "Toevoegen aan map" on published resources.
 */
export function ResourceCard({ resource, headingLevel = 3 }: { resource: ResourceSummary; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const { data: viewer } = useCurrentMember();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="resource-card">
      {resource.thumbnailUrl ? (
        <img className="resource-card__thumb" src={resource.thumbnailUrl} alt="" loading="lazy" width={400} height={250} />
      ) : (
        <span className={`resource-card__thumb resource-card__thumb--none resource-card__thumb--${resource.type}`} aria-hidden="true">
          {t(`resourceTypes.${resource.type}`).slice(0, 1)}
        </span>
      )}
      <div className="resource-card__body">
        <Heading className="resource-card__title">
          <Link to={`/resources/${resource.id}`}>{resource.title}</Link>
        </Heading>
        <p className="resource-card__meta">
          {t(`resourceTypes.${resource.type}`)} · {resource.author ? resource.author.displayName : t('resources.view.anonymous')}
        </p>
        <p className="resource-card__meta">
          <LicenceBadge licence={resource.licence} />
        </p>
      </div>
      {viewer && resource.state === 'published' ? (
        <div className="resource-card__actions">
          <ResourceSaveActions resourceId={resource.id} title={resource.title} />
        </div>
      ) : null}
    </li>
  );
}
