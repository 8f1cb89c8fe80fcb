import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUnsubscribeNewsletter } from '../../features/newsletter/unsubscribe-newsletter';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { describeProblem } from '../../lib/form';
import { usePageTitle } from '../use-page-title';

/**
 * /newsletter/unsubscribe?token= — the link in every newsletter: one click (no log-in) and no
 * more newsletters or invitations. A button rather than on opening, so link checkers in mail
 * filters do not unsubscribe anyone; mail clients use the one-click header instead.
 */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('newsletter.unsubscribeTitle'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unsubscribe = useUnsubscribeNewsletter();

  return (
    <div className="page page--narrow">
      <h1>{t('newsletter.unsubscribeTitle')}</h1>
      {!token ? <Alert tone="error">{t('newsletter.noToken')}</Alert> : null}
      {token && !unsubscribe.isSuccess ? (
        <>
          <p>{t('newsletter.unsubscribeIntro')}</p>
          <p className="actions">
            <Button onClick={() => unsubscribe.mutate(token)} busy={unsubscribe.isPending} busyLabel={t('common.saving')}>
              {t('newsletter.unsubscribeConfirm')}
            </Button>
          </p>
        </>
      ) : null}
      {unsubscribe.isError ? <Alert tone="error">{describeProblem(unsubscribe.error).formError}</Alert> : null}
      {unsubscribe.isSuccess ? (
        <Alert tone="success" focusOnMount>
          <p>
            {t('newsletter.unsubscribed')} <Link to="/account/notifications">{t('newsletter.settingsLink')}</Link>
          </p>
        </Alert>
      ) : null}
    </div>
  );
}
