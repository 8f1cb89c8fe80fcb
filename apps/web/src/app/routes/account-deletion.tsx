import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAccountDeletion } from '../../features/account-deletion/get-account-deletion';
import { useCancelAccountDeletion } from '../../features/account-deletion/cancel-account-deletion';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { PageSpinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../use-page-title';

/** The e-mailed link of an account deletion: its state during the grace period, and cancelling it. Works signed out. */
export function Component() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('deletion.linkTitle'));
  const { token = '' } = useParams();
  const deletion = useAccountDeletion(token);
  const cancel = useCancelAccountDeletion(token);

  if (deletion.isPending) return <PageSpinner label={t('common.loading')} />;
  return (
    <div className="page page--narrow">
      <h1>{t('deletion.linkTitle')}</h1>
      {deletion.isError ? (
        <Alert tone="error" title={t('deletion.linkInvalidTitle')}>
          <p>{t('deletion.linkInvalid')}</p>
        </Alert>
      ) : deletion.data.status === 'cancelled' ? (
        <Alert tone="success" focusOnMount title={t('deletion.cancelledTitle')}>
          <p>{t('deletion.cancelled')}</p>
          <p>
            <Link to="/login">{t('deletion.toLogin')}</Link>
          </p>
        </Alert>
      ) : deletion.data.cancellable ? (
        <>
          <p className="lead">{t('deletion.scheduled', { date: formatDate(deletion.data.executeAfter, i18n.language) })}</p>
          <p>{t(`deletion.contributionsChosen.${deletion.data.contributions}`)}</p>
          {cancel.isError ? (
            <Alert tone="error" focusOnMount>
              {describeProblem(cancel.error).formError}
            </Alert>
          ) : null}
          <Button onClick={() => cancel.mutate()} busy={cancel.isPending} busyLabel={t('deletion.cancelling')}>
            {t('deletion.cancel')}
          </Button>
        </>
      ) : (
        <Alert tone="info" title={t('deletion.tooLateTitle')}>
          <p>{t('deletion.tooLate')}</p>
        </Alert>
      )}
    </div>
  );
}
