import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ViewedResource } from '@lesplein/contracts/resource';
import { useClearViewedResources } from '../../features/resources/clear-viewed-resources';
import { useViewHistorySettings } from '../../features/resources/get-view-history-settings';
import { useViewedResources } from '../../features/resources/list-viewed-resources';
import { useRemoveViewedResource } from '../../features/resources/remove-viewed-resource';
import { useSetViewHistorySettings } from '../../features/resources/set-view-history-settings';
import { ResourceSaveActions } from '../../components/resource-save-actions';
import { HistoryPauseSection } from '../../components/history-pause-section';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/dialog';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../use-page-title';

/** /account/viewed — "Bekeken leermiddelen": the member's own viewing history, to delete or pause. */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('viewed.title'));
  return (
    <div className="page">
      <h1>{t('viewed.title')}</h1>
      <p className="lead">{t('viewed.intro')}</p>
      <HistorySettings />
      <HistoryList />
    </div>
  );
}

function HistorySettings() {
  const { t } = useTranslation();
  const texts = {
    title: t('viewed.settingsTitle'),
    intro: t('viewed.settingsIntro'),
    statePaused: t('viewed.statePaused'),
    stateOn: t('viewed.stateOn'),
    pause: t('viewed.pause'),
    resume: t('viewed.resume'),
    pausedDone: t('viewed.pausedDone'),
    resumedDone: t('viewed.resumedDone'),
  };
  return <HistoryPauseSection id="viewed-settings" settings={useViewHistorySettings()} change={useSetViewHistorySettings()} texts={texts} />;
}

function HistoryList() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const history = useViewedResources();
  const removeEntry = useRemoveViewedResource();
  const clear = useClearViewedResources();
  const [confirmClear, setConfirmClear] = useState(false);
  const [clearError, setClearError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];

  const titleOf = (entry: ViewedResource) => entry.resource?.title ?? t('viewed.unavailable');

  const onRemove = (entry: ViewedResource) => {
    setMessage(null);
    removeEntry.mutate(entry.id, {
      onSuccess: () => setMessage({ tone: 'success', text: t('viewed.entryRemoved', { title: titleOf(entry) }) }),
      onError: (error) => setMessage({ tone: 'error', text: describeProblem(error).formError ?? '' }),
    });
  };

  const onClear = () => {
    setClearError(null);
    clear.mutate(undefined, {
      onSuccess: (result) => {
        setConfirmClear(false);
        setMessage({ tone: 'success', text: t('viewed.cleared', { count: result.deleted }) });
      },
      onError: (error) => setClearError(describeProblem(error).formError),
    });
  };

  return (
    <section className="section" aria-labelledby="viewed-list">
      <h2 id="viewed-list">{t('viewed.listTitle')}</h2>
      {message ? (
        <Alert tone={message.tone} focusOnMount={message.tone === 'success'}>
          {message.text}
        </Alert>
      ) : null}
      {history.isPending ? <Spinner label={t('common.loading')} /> : null}
      {history.isError ? <Alert tone="error">{describeProblem(history.error).formError}</Alert> : null}
      {history.isSuccess && entries.length === 0 ? <p>{t('viewed.empty')}</p> : null}
      {entries.length > 0 ? (
        <>
          <ul className="item-list" aria-label={t('viewed.listTitle')}>
            {entries.map((entry) => {
              const pending = removeEntry.isPending && removeEntry.variables === entry.id;
              return (
                <li key={entry.id} className="item-list__item">
                  <div className="item-list__main">
                    <h3 className="item-list__title">
                      {entry.resource ? <Link to={`/resources/${entry.resource.id}`}>{entry.resource.title}</Link> : <span className="muted">{t('viewed.unavailable')}</span>}
                    </h3>
                    <p className="item-list__meta">
                      {entry.resource ? `${t(`resourceTypes.${entry.resource.type}`)} · ` : ''}
                      {t('viewed.viewedAt', { time: formatDateTime(entry.viewedAt, language) })}
                    </p>
                  </div>
                  <div className="item-list__actions">
                    {entry.resource?.state === 'published' ? <ResourceSaveActions resourceId={entry.resource.id} title={entry.resource.title} /> : null}
                    <Button variant="secondary" onClick={() => onRemove(entry)} busy={pending} busyLabel={t('common.removing')}>
                      {t('viewed.removeEntry')}
                      <span className="visually-hidden"> {titleOf(entry)}</span>
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
          {history.hasNextPage ? (
            <p className="actions">
              <Button variant="secondary" onClick={() => void history.fetchNextPage()} busy={history.isFetchingNextPage} busyLabel={t('common.loadingMore')}>
                {t('common.loadMore')}
              </Button>
            </p>
          ) : null}
          <div className="actions">
            <Button variant="danger" onClick={() => setConfirmClear(true)}>
              {t('viewed.clear')}
            </Button>
          </div>
        </>
      ) : null}
      <ConfirmDialog
        open={confirmClear}
        title={t('viewed.clearTitle')}
        confirmLabel={t('viewed.clearConfirm')}
        busyLabel={t('common.removing')}
        busy={clear.isPending}
        error={clearError}
        onConfirm={onClear}
        onCancel={() => {
          setConfirmClear(false);
          setClearError(null);
        }}
      >
        <p>{t('viewed.clearBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
