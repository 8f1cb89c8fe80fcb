import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { AccountDeletionView } from '@lesplein/contracts/account-deletion';
import { useForgetDeletedMember } from '../../features/account-deletion/request-account-deletion';
import { Alert } from '../../components/ui/alert';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../use-page-title';

/** Shown after asking to delete one's account (signed out by then): when it happens, and how to cancel. */
export function Component() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('deletion.requestedTitle'));
  useForgetDeletedMember();
  const deletion = (useLocation().state as { deletion?: AccountDeletionView } | null)?.deletion;
  return (
    <div className="page page--narrow">
      <h1>{t('deletion.requestedTitle')}</h1>
      {deletion?.status === 'scheduled' ? (
        <Alert tone="success" focusOnMount title={t('deletion.scheduledTitle')}>
          <p>{t('deletion.scheduled', { date: formatDate(deletion.executeAfter, i18n.language) })}</p>
          <p>{t('deletion.scheduledCancel')}</p>
        </Alert>
      ) : (
        <Alert tone="success" focusOnMount title={t('deletion.runningTitle')}>
          <p>{t('deletion.running')}</p>
        </Alert>
      )}
      <p>
        <Link to="/">{t('deletion.toHome')}</Link>
      </p>
    </div>
  );
}
