import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ResendVerificationRequest } from '@lesplein/contracts/auth';
import { ProblemCode } from '../../lib/problem-codes';
import { useVerifyEmail } from '../../features/auth/verify-email';
import { useResendVerification } from '../../features/auth/resend-verification';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { Spinner } from '../../components/ui/spinner';
import { hasProblemCode } from '../../lib/api-client';
import { describeProblem } from '../../lib/form';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';

export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('verify.title'));
  const [params] = useSearchParams();
  const token = params.get('token');
  const verify = useVerifyEmail();
  const started = useRef<string | null>(null);

  useEffect(() => {
    // The token works once: never send it twice (React's development mode runs effects twice).
    if (!token || started.current === token) return;
    started.current = token;
    verify.mutate({ token });
  }, [token, verify]);

  const failed = verify.isError;
  return (
    <div className="page page--narrow">
      <h1>{t('verify.title')}</h1>
      {token && (verify.isPending || verify.isIdle) ? <Spinner label={t('verify.verifying')} /> : null}
      {verify.isSuccess ? (
        <Alert tone="success" title={t('verify.successTitle')}>
          <p>{t('verify.success')}</p>
          <p>
            <Link to="/login" className="button button--primary">
              {t('verify.loginLink')}
            </Link>
          </p>
        </Alert>
      ) : null}
      {failed ? (
        <Alert tone="error">
          {hasProblemCode(verify.error, ProblemCode.tokenInvalid) ? t('verify.invalid') : describeProblem(verify.error).formError}
        </Alert>
      ) : null}
      {!token ? <p className="lead">{t('verify.noToken')}</p> : null}
      {!token || failed ? <ResendForm /> : null}
    </div>
  );
}

function ResendForm() {
  const { t } = useTranslation();
  const resend = useResendVerification();
  const form = useForm({ email: '' });

  const submit = onSubmit(async () => {
    const input = form.check(ResendVerificationRequest);
    if (!input) return;
    try {
      await resend.mutateAsync(input);
    } catch (error) {
      form.fail(error);
    }
  });

  return (
    <section aria-labelledby="resend-title" className="section">
      <h2 id="resend-title">{t('verify.resendTitle')}</h2>
      {resend.isSuccess ? (
        <Alert tone="success" focusOnMount>
          {t('verify.resendDone')}
        </Alert>
      ) : (
        <Form labelledBy="resend-title" onSubmit={submit} error={form.formError} formRef={form.formRef}>
          <TextField
            label={t('fields.email')}
            name="email"
            type="email"
            autoComplete="email"
            required
            value={form.values.email}
            onValueChange={(v) => form.setValue('email', v)}
            error={form.fieldErrors.email}
          />
          <div className="actions">
            <Button type="submit" busy={resend.isPending} busyLabel={t('common.sending')}>
              {t('verify.resendSubmit')}
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}
