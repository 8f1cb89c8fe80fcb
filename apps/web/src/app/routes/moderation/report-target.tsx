import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReportTarget } from '@lesplein/contracts/report';
import { targetLink } from './moderation-helpers';

/**
 * What a report or decision is about: a link to a resource's page; for a comment, member or
 * message only its id (the API gives no page or handle for those).
 */
export function TargetReference({ targetType, targetId }: { targetType: ReportTarget; targetId: string }) {
  const { t } = useTranslation();
  const href = targetLink(targetType, targetId);
  if (href) return <Link to={href}>{t('moderation.target.open.resource')}</Link>;
  return (
    <span>
      {t(`moderation.target.id.${targetType}`)} <code className="moderation-id">{targetId}</code>
    </span>
  );
}
