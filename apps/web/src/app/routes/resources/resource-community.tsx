import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceDetail } from '@lesplein/contracts/resource';
import { useRating } from '../../../features/ratings/get-rating';
import { useRateResource } from '../../../features/ratings/rate-resource';
import { useRemoveRating } from '../../../features/ratings/remove-rating';
import { ReportButton } from '../../../components/report-button';
import { ResourceSaveActions } from '../../../components/resource-save-actions';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { describeProblem } from '../../../lib/form';
import { formatAverage } from '../../../lib/rating';

/** Favourite, "add to folder", the rating and "Melden" of a published resource. */
export function ResourceCommunity({ resource, signedIn, own }: { resource: ResourceDetail; signedIn: boolean; own: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="resource-community" aria-label={t('community.actionsLabel')}>
      {signedIn ? (
        <div className="actions">
          <ResourceSaveActions resourceId={resource.id} />
        </div>
      ) : null}
      <Rating resourceId={resource.id} signedIn={signedIn} own={own} />
      {signedIn && !own ? (
        <p className="actions">
          <ReportButton targetType="resource" target={resource.id} subject={t('report.subject.resource')} />
        </p>
      ) : null}
    </section>
  );
}

function Rating({ resourceId, signedIn, own }: { resourceId: string; signedIn: boolean; own: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const rating = useRating(resourceId);
  const rate = useRateResource();
  const remove = useRemoveRating();
  const ids = useId().replace(/:/g, '');
  const [status, setStatus] = useState('');
  // The score just chosen, shown at once while it is being saved.
  const [chosen, setChosen] = useState<number | null>(null);
  const summary = rating.data;
  const shown = chosen ?? summary?.mine ?? null;
  const error = rate.error ?? remove.error;

  const summaryText = summary
    ? summary.average === null
      ? t('community.rating.none')
      : t('community.rating.average', { average: formatAverage(summary.average, language), count: summary.count })
    : '';

  return (
    <div className="rating">
      <p className="rating__summary" id={`${ids}-summary`}>
        {rating.isPending ? <Spinner inline label={t('common.loading')} /> : summaryText}
      </p>
      {signedIn && !own && summary ? (
        <fieldset className="rating__stars" aria-describedby={`${ids}-summary`}>
          <legend>{t('community.rating.legend')}</legend>
          {[1, 2, 3, 4, 5].map((score) => (
            <label key={score} className={shown !== null && score <= shown ? 'rating__star rating__star--on' : 'rating__star'}>
              <input
                type="radio"
                name={`${ids}-score`}
                value={score}
                className="visually-hidden-input"
                checked={shown === score}
                onChange={() => {
                  setChosen(score);
                  rate.mutate(
                    { resourceId, score },
                    {
                      onSuccess: () => setStatus(t('community.rating.saved', { count: score })),
                      onSettled: () => setChosen(null),
                    },
                  );
                }}
              />
              <span aria-hidden="true">★</span>
              <span className="visually-hidden">{t('community.rating.stars', { count: score })}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {signedIn && !own && summary?.mine != null ? (
        <Button variant="link" onClick={() => remove.mutate(resourceId, { onSuccess: () => setStatus(t('community.rating.removed')) })} busy={remove.isPending} busyLabel={t('common.removing')}>
          {t('community.rating.remove')}
        </Button>
      ) : null}
      {error ? <Alert tone="error">{describeProblem(error).formError}</Alert> : null}
      <p role="status" className="visually-hidden">
        {status}
      </p>
    </div>
  );
}
