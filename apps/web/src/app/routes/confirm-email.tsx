import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemCode } from '../../lib/problem-codes';
import { useConfirmEmail } from '../../features/auth/confirm-email';
import { Alert } from '../../components/ui/alert';
import { Spinner } from '../../components/ui/spinner';
import { hasProblemCode } from '../../lib/api-client';
import { describeProblem } from '../../lib/form';
import { usePageTitle } from '../use-page-title';

export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('confirmEmail.title'));
  const [params] = useSearchParams();
  const token = params.get('token');
  const confirm = useConfirmEmail();
  const started = useRef<string | null>(null);

  useEffect(() => {
    // Single-use token: send it once, also under React's development double effects.
    if (!token || started.current === token) return;
    started.current = token;
    confirm.mutate({ token });
  }, [token, confirm]);

  return (
    <div className="page page--narrow">
      <h1>{t('confirmEmail.title')}</h1>
      {!token ? <Alert tone="error">{t('confirmEmail.noToken')}</Alert> : null}
      {token && (confirm.isPending || confirm.isIdle) ? <Spinner label={t('confirmEmail.confirming')} /> : null}
      {confirm.isSuccess ? (
        <Alert tone="success">
          <p>{t('confirmEmail.done')}</p>
        </Alert>
      ) : null}
      {confirm.isError ? (
        <Alert tone="error">
          {hasProblemCode(confirm.error, ProblemCode.tokenInvalid) ? t('confirmEmail.invalid') : describeProblem(confirm.error).formError}
        </Alert>
      ) : null}
      <p>
        <Link to="/account/profile">{t('confirmEmail.toProfile')}</Link>
      </p>
    </div>
  );
}
