import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useConversations } from '../../features/messages/list-conversations';
import { Alert } from '../../components/ui/alert';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../use-page-title';

/** /messages — my conversations, latest first, with unread counts. */
export function Component() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  usePageTitle(t('messages.title'));
  const list = useConversations();
  const items = list.data?.items ?? [];

  return (
    <div className="page page--narrow">
      <h1>{t('messages.title')}</h1>
      <p className="lead">{t('messages.intro')}</p>
      {list.isPending ? <Spinner label={t('common.loading')} /> : null}
      {list.isError ? <Alert tone="error">{describeProblem(list.error).formError}</Alert> : null}
      {list.isSuccess && items.length === 0 ? <p>{t('messages.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="conversation-list" aria-label={t('messages.listLabel')}>
          {items.map((c) => {
            const name = c.with?.displayName ?? t('messages.deletedMember');
            return (
              <li key={c.id} className={c.unread > 0 ? 'conversation conversation--unread' : 'conversation'}>
                <Link to={`/messages/${c.id}`}>
                  {t('messages.with', { name })}
                  {c.unread > 0 ? <span> ({t('messages.unread', { count: c.unread })})</span> : null}
                </Link>
                <p className="message__meta">
                  <time dateTime={c.lastMessageAt}>{formatDateTime(c.lastMessageAt, language)}</time> · {c.lastMessage}
                </p>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
