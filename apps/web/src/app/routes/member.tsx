import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PublicProfile } from '@lesplein/contracts/profile';
import { ProblemCode } from '../../lib/problem-codes';
import { useCurrentMember } from '../../features/auth/get-current-member';
import { usePublicProfile } from '../../features/members/get-public-profile';
import { taxonomyName, useTaxonomy } from '../../features/taxonomy/get-taxonomy';
import { Alert } from '../../components/ui/alert';
import { PageSpinner } from '../../components/ui/spinner';
import { hasProblemCode } from '../../lib/api-client';
import { describeProblem } from '../../lib/form';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../use-page-title';
import { MemberCommunity } from './members/member-community';
import { FollowLists } from './members/follow-lists';
import { MemberActivity } from './members/member-activity';

export function Component() {
  const { t, i18n } = useTranslation();
  const { handle = '' } = useParams();
  const profile = usePublicProfile(handle);
  const taxonomy = useTaxonomy();
  const { data: viewer } = useCurrentMember();
  usePageTitle(profile.data?.displayName ?? t('member.title'));

  if (profile.isPending) return <PageSpinner label={t('common.loading')} />;
  if (profile.isError) {
    const notFound = hasProblemCode(profile.error, ProblemCode.notFound);
    return (
      <div className="page page--narrow">
        <h1>{notFound ? t('member.notFoundTitle') : t('member.title')}</h1>
        <Alert tone={notFound ? 'info' : 'error'}>
          {notFound ? t('member.notFound') : describeProblem(profile.error).formError}
        </Alert>
      </div>
    );
  }

  const member: PublicProfile = profile.data;
  const language = i18n.resolvedLanguage ?? 'nl';
  const nameOf = (key: string, list: 'levels' | 'subjects') => {
    const item = taxonomy.data?.[list].find((entry) => entry.key === key);
    return item ? taxonomyName(item, language) : key;
  };

  const rows: { label: string; value: ReactNode }[] = [];
  if (member.professionalRole) rows.push({ label: t('fields.professionalRole'), value: t(`roles.${member.professionalRole}`) });
  if (member.school) rows.push({ label: t('fields.school'), value: member.school });
  if (member.placeOfResidence) rows.push({ label: t('fields.placeOfResidence'), value: member.placeOfResidence });
  if (member.subjects?.length) rows.push({ label: t('fields.subjects'), value: member.subjects.map((key) => nameOf(key, 'subjects')).join(', ') });
  if (member.levels?.length) rows.push({ label: t('fields.levels'), value: member.levels.map((key) => nameOf(key, 'levels')).join(', ') });
  if (member.gender) rows.push({ label: t('fields.gender'), value: t(`genders.${member.gender}`) });
  if (member.dateOfBirth) rows.push({ label: t('fields.dateOfBirth'), value: formatDate(member.dateOfBirth, language) });
  if (member.website) {
    rows.push({
      label: t('fields.website'),
      value: (
        <a href={member.website} rel="nofollow ugc noopener noreferrer">
          {member.website}
        </a>
      ),
    });
  }
  if (member.socialLinks?.length) {
    rows.push({
      label: t('fields.socialLinks'),
      value: (
        <ul className="plain-list">
          {member.socialLinks.map((link) => (
            <li key={link}>
              <a href={link} rel="nofollow ugc noopener noreferrer">
                {link}
              </a>
            </li>
          ))}
        </ul>
      ),
    });
  }
  rows.push({ label: t('member.memberSince'), value: formatDate(member.memberSince, language) });

  return (
    <div className="page">
      {viewer?.handle === member.handle ? (
        <Alert tone="info">
          <p>
            {t('member.ownProfile')} <Link to="/account/profile">{t('member.editOwn')}</Link>
          </p>
        </Alert>
      ) : null}
      <div className="profile-card">
        {member.photoUrl ? (
          <img className="profile-card__photo" src={member.photoUrl} alt={t('member.photoAlt', { name: member.displayName })} width={160} height={160} />
        ) : (
          <span className="profile-card__initials" aria-hidden="true">
            {initials(member.displayName)}
          </span>
        )}
        <div>
          <h1>{member.displayName}</h1>
          {member.aboutMe ? <p className="profile-card__about">{member.aboutMe}</p> : null}
        </div>
      </div>
      {viewer?.handle !== member.handle ? <MemberCommunity handle={member.handle} name={member.displayName} signedIn={Boolean(viewer)} /> : null}
      <dl className="details">
        {rows.map((row) => (
          <div key={row.label} className="details__row">
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      <MemberActivity handle={member.handle} name={member.displayName} />
      <FollowLists handle={member.handle} />
    </div>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}
