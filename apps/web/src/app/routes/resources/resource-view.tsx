import { useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ResourceDetail, ResourceFile } from '@lesplein/contracts/resource';
import { taxonomyName, useTaxonomy } from '../../../features/taxonomy/get-taxonomy';
import { Button } from '../../../components/ui/button';
import { formatCount, formatDate, formatFileSize, languageName } from '../../../lib/format';
import { licenceDeedUrl, licences } from '../../../lib/licences';
import { EmbedPlayer } from './embed-player';
import { LicenceBadge } from './licence-badge';

/** The age range as words: "6 tot 8 jaar", "vanaf 12 jaar", "tot 6 jaar", or null. */
export function useAgeRange() {
  const { t } = useTranslation();
  return (min: number | null, max: number | null): string | null => {
    if (min !== null && max !== null) return min === max ? t('resources.view.ageExact', { count: min }) : t('resources.view.ageRange', { min, max });
    if (min !== null) return t('resources.view.ageFrom', { count: min });
    if (max !== null) return t('resources.view.ageTo', { count: max });
    return null;
  };
}

/** The first file that can be shown on the page itself. */
function previewFile(files: readonly ResourceFile[]): ResourceFile | undefined {
  return files.find((file) => file.previewKind !== 'none' && file.previewUrl !== null);
}

function Preview({ resource }: { resource: ResourceDetail }) {
  const { t } = useTranslation();
  if (resource.embed) return <EmbedPlayer embed={resource.embed} link={resource.link} title={resource.title} />;
  const file = previewFile(resource.files);
  if (!file?.previewUrl) return null;
  switch (file.previewKind) {
    case 'image':
      return (
        <figure className="resource-preview">
          <img src={file.previewUrl} alt={t('resources.view.imageAlt', { name: file.name })} className="resource-preview__image" />
        </figure>
      );
    case 'video':
      return (
        <figure className="resource-preview">
          <video controls preload="metadata" src={file.previewUrl} className="resource-preview__media" aria-label={file.name}>
            <a href={file.downloadUrl}>{t('resources.view.download')}</a>
          </video>
        </figure>
      );
    case 'audio':
      return (
        <figure className="resource-preview">
          <audio controls preload="metadata" src={file.previewUrl} aria-label={file.name}>
            <a href={file.downloadUrl}>{t('resources.view.download')}</a>
          </audio>
          <figcaption>{file.name}</figcaption>
        </figure>
      );
    case 'pdf':
      // Never in an iframe: previews come with a sandboxing CSP. The first page as an image, and a link.
      return (
        <figure className="resource-preview resource-preview--pdf">
          {file.thumbnailUrl ? (
            <img src={file.thumbnailUrl} alt={t('resources.view.pdfAlt', { name: file.name })} className="resource-preview__thumb" />
          ) : (
            <p className="resource-preview__pending">{t('resources.view.thumbnailPending')}</p>
          )}
          <figcaption>
            <a href={file.previewUrl} target="_blank" rel="noopener">
              {t('resources.view.openPdf', { name: file.name })}
              <span className="visually-hidden"> {t('common.newWindow')}</span>
            </a>
          </figcaption>
        </figure>
      );
    default:
      return null;
  }
}

function CopyAttribution({ text, describedBy }: { text: string; describedBy: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  };
  return (
    <div className="actions">
      <Button variant="secondary" onClick={() => void copy()} aria-describedby={describedBy}>
        {t('resources.view.copyAttribution')}
      </Button>
      <span role="status" className={status === 'failed' ? 'copy-status copy-status--failed' : 'copy-status'}>
        {status === 'copied' ? t('resources.view.attributionCopied') : status === 'failed' ? t('resources.view.attributionCopyFailed') : ''}
      </span>
    </div>
  );
}

/**
 * How a resource looks: on its own page (`headingLevel` 1) and as the preview before
 * publishing (2, inside the edit page). Actions are not part of it.
 */
export function ResourceView({ resource, headingLevel = 1, children }: { resource: ResourceDetail; headingLevel?: 1 | 2; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const taxonomy = useTaxonomy();
  const ageRange = useAgeRange();
  const ids = useId().replace(/:/g, '');
  const Title = headingLevel === 1 ? 'h1' : 'h2';
  const Heading = headingLevel === 1 ? 'h2' : 'h3';

  const nameOf = (key: string, list: 'levels' | 'subjects') => {
    const item = taxonomy.data?.[list].find((entry) => entry.key === key);
    return item ? taxonomyName(item, language) : key;
  };
  const deed = licenceDeedUrl(resource.licence, language);
  const date = resource.publishedAt ?? resource.createdAt;
  const ages = ageRange(resource.ageMin, resource.ageMax);

  const details: { label: string; value: ReactNode }[] = [{ label: t('resources.view.type'), value: t(`resourceTypes.${resource.type}`) }];
  if (resource.levels.length) details.push({ label: t('fields.levels'), value: resource.levels.map((key) => nameOf(key, 'levels')).join(', ') });
  if (resource.subjects.length) details.push({ label: t('fields.subjects'), value: resource.subjects.map((key) => nameOf(key, 'subjects')).join(', ') });
  if (ages) details.push({ label: t('resources.view.age'), value: ages });
  details.push({ label: t('resources.view.language'), value: languageName(resource.language, language) });
  if (resource.keywords.length) {
    details.push({
      label: t('resources.view.keywords'),
      value: (
        <ul className="chips chips--static">
          {resource.keywords.map((keyword) => (
            <li key={keyword} className="chip">
              {keyword}
            </li>
          ))}
        </ul>
      ),
    });
  }
  details.push({ label: t('resources.view.views'), value: formatCount(resource.counts.views, language) });
  details.push({ label: t('resources.view.downloads'), value: formatCount(resource.counts.downloads, language) });

  return (
    <article className="resource" aria-labelledby={`${ids}-title`}>
      <header className="resource__header">
        <p className="resource__kicker">
          <span>{t(`resourceTypes.${resource.type}`)}</span>
          {resource.state !== 'published' ? <span className={`state-badge state-badge--${resource.state}`}>{t(`resourceStates.${resource.state}`)}</span> : null}
        </p>
        <Title id={`${ids}-title`} className="resource__title">
          {resource.title}
        </Title>
        <p className="resource__byline">
          {resource.author ? (
            <>
              {t('resources.view.by')} <Link to={`/members/${encodeURIComponent(resource.author.handle)}`}>{resource.author.displayName}</Link>
            </>
          ) : (
            t('resources.view.byAnonymous')
          )}
          {' · '}
          {resource.publishedAt ? t('resources.view.publishedOn', { date: formatDate(date, language) }) : t('resources.view.createdOn', { date: formatDate(date, language) })}
          {' · '}
          <LicenceBadge licence={resource.licence} />
        </p>
      </header>

      {children}

      <Preview resource={resource} />

      {resource.descriptionHtml ? (
        // The one place that renders HTML: `descriptionHtml` is the Markdown description rendered
        // and sanitised by the API (allow-listed tags and attributes, safe link protocols), so it
        // is inserted as is. The only other use is a comment's `bodyHtml` (comment-thread.tsx), sanitised the same way.
        <div className="prose" dangerouslySetInnerHTML={{ __html: resource.descriptionHtml }} />
      ) : null}

      {resource.link && !resource.embed ? (
        <section className="resource__section" aria-labelledby={`${ids}-link`}>
          <Heading id={`${ids}-link`}>{t('resources.view.linkTitle')}</Heading>
          <p>
            <a href={resource.link} rel="noopener noreferrer nofollow ugc" className="button button--primary">
              {t('resources.view.openLink')}
            </a>
          </p>
          <p className="resource__url">{resource.link}</p>
        </section>
      ) : null}

      {resource.files.length > 0 ? (
        <section className="resource__section" aria-labelledby={`${ids}-files`}>
          <Heading id={`${ids}-files`}>{t('resources.view.filesTitle')}</Heading>
          <ul className="file-list">
            {resource.files.map((file) => (
              <li key={file.id} className="file-list__item">
                {file.thumbnailUrl ? <img src={file.thumbnailUrl} alt="" className="file-list__thumb" width={64} height={64} loading="lazy" /> : <span className="file-list__thumb file-list__thumb--none" aria-hidden="true" />}
                <div className="file-list__info">
                  <span className="file-list__name">{file.name}</span>
                  <span className="file-list__meta">{formatFileSize(file.size, language)}</span>
                </div>
                <div className="file-list__actions">
                  {file.previewUrl && file.previewKind !== 'image' ? (
                    <a href={file.previewUrl} target="_blank" rel="noopener" className="button button--link">
                      {t('resources.view.open')}
                      <span className="visually-hidden">
                        {' '}
                        {file.name} {t('common.newWindow')}
                      </span>
                    </a>
                  ) : null}
                  <a href={file.downloadUrl} className="button button--secondary">
                    {t('resources.view.download')}
                    <span className="visually-hidden"> {file.name}</span>
                  </a>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="resource__section" aria-labelledby={`${ids}-licence`}>
        <Heading id={`${ids}-licence`}>{t('resources.view.licenceTitle')}</Heading>
        <p>
          <strong>
            {t(`licences.${resource.licence}.name`)}
            {deed ? ` (${licences[resource.licence].shortName})` : ''}
          </strong>
          {' — '}
          {t(`licences.${resource.licence}.summary`)}
          {deed ? (
            <>
              {' '}
              <a href={deed} rel="noopener noreferrer">
                {t('resources.view.readLicence')}
              </a>
            </>
          ) : null}
        </p>
        <p>{t('resources.view.attributionIntro')}</p>
        <p className="attribution" id={`${ids}-attribution`}>
          {resource.attribution}
        </p>
        <CopyAttribution text={resource.attribution} describedBy={`${ids}-attribution`} />
      </section>

      <section className="resource__section" aria-labelledby={`${ids}-details`}>
        <Heading id={`${ids}-details`}>{t('resources.view.detailsTitle')}</Heading>
        <dl className="details">
          {details.map((row) => (
            <div key={row.label} className="details__row">
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </article>
  );
}
