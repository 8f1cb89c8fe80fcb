import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFollows, type FollowDirection } from '../../../features/follows/list-follows';

/** Followers and following of a member, when the member shows them (the API answers 404 otherwise). */
export function FollowLists({ handle }: { handle: string }) {
  return (
    <>
      <FollowList handle={handle} direction="followers" />
      <FollowList handle={handle} direction="following" />
    </>
  );
}

function FollowList({ handle, direction }: { handle: string; direction: FollowDirection }) {
  const { t } = useTranslation();
  const list = useFollows(handle, direction);
  if (!list.data) return null;
  const headingId = `member-${direction}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{direction === 'followers' ? t('member.community.followersTitle') : t('member.community.followingTitle')}</h2>
      {list.data.items.length === 0 ? (
        <p>{t('member.community.nobody')}</p>
      ) : (
        <ul className="plain-list">
          {list.data.items.map((m) => (
            <li key={m.handle}>
              <Link to={`/members/${encodeURIComponent(m.handle)}`}>{m.displayName}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
