import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMemberActivity } from '../../../features/members/get-member-activity';
import { useMemberResources } from '../../../features/members/list-member-resources';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { formatCount, formatDate } from '../../../lib/format';
import { ResourceCard } from '../resources/resource-card';

/**
 * The usage data a member's profile shows, each part only when the member chooses to show it
 * (the API answers 404 or null otherwise, and then the part is left out): their published
 * resources, how many resources they favourited, and their recent comments.
 */
export function MemberActivity({ handle, name }: { handle: string; name: string }) {
  return (
    <>
      <MemberResources handle={handle} name={name} />
      <ActivityOverview handle={handle} />
    </>
  );
}

function MemberResources({ handle, name }: { handle: string; name: string }) {
  const { t } = useTranslation();
  const list = useMemberResources(handle);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  if (list.isPending) return <Spinner label={t('common.loading')} />;
  if (!list.data) return null;
  return (
    <section className="section" aria-labelledby="member-resources">
      <h2 id="member-resources">{t('member.activity.resources', { name })}</h2>
      {items.length === 0 ? (
        <p>{t('member.activity.noResources')}</p>
      ) : (
        <ul className="resource-cards">
          {items.map((resource) => (
            <ResourceCard key={resource.id} resource={resource} />
          ))}
        </ul>
      )}
      {list.hasNextPage ? (
        <p className="actions">
          <Button variant="secondary" onClick={() => void list.fetchNextPage()} busy={list.isFetchingNextPage} busyLabel={t('common.loadingMore')}>
            {t('common.loadMore')}
          </Button>
        </p>
      ) : null}
    </section>
  );
}

function ActivityOverview({ handle }: { handle: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const activity = useMemberActivity(handle);
  const data = activity.data;
  if (!data || (data.favouritesCount === null && data.comments === null)) return null;
  return (
    <>
      {data.favouritesCount !== null ? (
        <p className="member-favourites">{t('member.activity.favourites', { count: data.favouritesCount, formatted: formatCount(data.favouritesCount, language) })}</p>
      ) : null}
      {data.comments !== null ? (
        <section className="section" aria-labelledby="member-comments">
          <h2 id="member-comments">{t('member.activity.comments')}</h2>
          {data.comments.length === 0 ? (
            <p>{t('member.activity.noComments')}</p>
          ) : (
            <ul className="item-list">
              {data.comments.map((comment) => (
                <li key={comment.id} className="item-list__item">
                  <div className="item-list__main">
                    <p className="item-list__meta">
                      {t('member.activity.commentOn')} <Link to={`/resources/${comment.resource.id}#comment-${comment.id}`}>{comment.resource.title}</Link> · {formatDate(comment.createdAt, language)}
                    </p>
                    {/* The Markdown source as plain text: React escapes it, nothing in it runs. */}
                    <p className="member-comment__excerpt">{comment.excerpt}</p>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}
