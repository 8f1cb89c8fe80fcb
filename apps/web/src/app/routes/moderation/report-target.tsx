import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReportTarget } from '@lesplein/contracts/report';
import { targetLink } from './moderation-helpers';

/**
 * What a report or decision is about: a link to where a moderator can look at it (a resource, a
 * comment's resource, a reported member's or a message sender's profile) when the report says
 * where; otherwise its id.
 */
export function TargetReference({ targetType, targetId, context }: { targetType: ReportTarget; targetId: string; context?: { resourceId: string | null; memberHandle: string | null } }) {
  const { t } = useTranslation();
  const href = targetLink(targetType, targetId, context);
  const id = (
    <span>
      {t(`moderation.target.id.${targetType}`)} <code className="moderation-id">{targetId}</code>
    </span>
  );
  if (!href) return id;
  if (targetType === 'resource') return <Link to={href}>{t('moderation.target.open.resource')}</Link>;
  return (
    <span>
      {id} · <Link to={href}>{t(`moderation.target.open.${targetType}`)}</Link>
    </span>
  );
}
