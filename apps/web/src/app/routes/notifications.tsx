import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NotificationView } from '@lesplein/contracts/notification';
import { useMarkAllNotificationsRead } from '../../features/notifications/mark-all-notifications-read';
import { useMarkNotificationRead } from '../../features/notifications/mark-notification-read';
import { useNotifications } from '../../features/notifications/list-notifications';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../use-page-title';

/** What a notification says: "An Peeters reageerde op ‘Breuken…’". */
export function useNotificationText() {
  const { t } = useTranslation();
  return (n: NotificationView): string =>
    t(`notifications.types.${n.type}`, {
      name: n.actor?.displayName ?? t('notifications.someone'),
      title: n.resource?.title ?? '',
      folder: n.folder?.name ?? '',
      search: n.savedSearch?.name ?? '',
      matches: n.savedSearch?.matches ?? 0,
    });
}

/** /notifications — newest first; opening one marks it read; "mark all read"; link to the settings. */
export function Component() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  usePageTitle(t('notifications.title'));
  const navigate = useNavigate();
  const list = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const textOf = useNotificationText();
  const [status, setStatus] = useState('');
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;

  const open = async (n: NotificationView) => {
    if (!n.read) await markRead.mutateAsync(n.id).catch(() => undefined);
    void navigate(n.path);
  };

  return (
    <div className="page page--narrow">
      <h1>{t('notifications.title')}</h1>
      <p className="actions">
        <Button
          variant="secondary"
          disabled={unread === 0}
          busy={markAll.isPending}
          busyLabel={t('common.saving')}
          onClick={() => markAll.mutate(undefined, { onSuccess: () => setStatus(t('notifications.allRead')) })}
        >
          {t('notifications.markAll')}
        </Button>
        <Link to="/account/notifications">{t('notifications.settings')}</Link>
      </p>
      {markAll.isError ? <Alert tone="error">{describeProblem(markAll.error).formError}</Alert> : null}
      {list.isPending ? <Spinner label={t('common.loading')} /> : null}
      {list.isError ? <Alert tone="error">{describeProblem(list.error).formError}</Alert> : null}
      {list.isSuccess && items.length === 0 ? <p>{t('notifications.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="notification-list" aria-label={t('notifications.listLabel', { count: unread })}>
          {items.map((n) => (
            <li key={n.id} className={n.read ? 'notification' : 'notification notification--unread'}>
              <a
                href={n.path}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                  event.preventDefault();
                  void open(n);
                }}
              >
                {textOf(n)}
              </a>
              {n.read ? null : <span className="visually-hidden"> ({t('notifications.unread')})</span>}
              <p className="notification__meta">
                <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, language)}</time>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {list.hasNextPage ? (
        <p className="actions">
          <Button variant="secondary" onClick={() => void list.fetchNextPage()} busy={list.isFetchingNextPage} busyLabel={t('common.loadingMore')}>
            {t('common.loadMore')}
          </Button>
        </p>
      ) : null}
      <p role="status" className="visually-hidden">
        {status}
      </p>
    </div>
  );
}
