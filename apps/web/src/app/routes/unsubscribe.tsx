import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUnsubscribe } from '../../features/notifications/unsubscribe';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { describeProblem } from '../../lib/form';
import { usePageTitle } from '../use-page-title';

/** /unsubscribe?token= — from an e-mail: confirm, then no more e-mail of that type. */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('unsubscribe.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unsubscribe = useUnsubscribe();

  return (
    <div className="page page--narrow">
      <h1>{t('unsubscribe.title')}</h1>
      {!token ? <Alert tone="error">{t('unsubscribe.noToken')}</Alert> : null}
      {token && !unsubscribe.isSuccess ? (
        <>
          <p>{t('unsubscribe.intro')}</p>
          <p className="actions">
            <Button onClick={() => unsubscribe.mutate(token)} busy={unsubscribe.isPending} busyLabel={t('common.saving')}>
              {t('unsubscribe.confirm')}
            </Button>
          </p>
        </>
      ) : null}
      {unsubscribe.isError ? <Alert tone="error">{describeProblem(unsubscribe.error).formError}</Alert> : null}
      {unsubscribe.data ? (
        <Alert tone="success" focusOnMount>
          <p>
            {t('unsubscribe.done', { type: t(`notificationSettings.types.${unsubscribe.data.type}`) })}{' '}
            <Link to="/account/notifications">{t('unsubscribe.settings')}</Link>
          </p>
        </Alert>
      ) : null}
    </div>
  );
}
