import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ResetPasswordRequest } from '@lesplein/contracts/auth';
import { ProblemCode } from '../../lib/problem-codes';
import { useResetPassword } from '../../features/auth/reset-password';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { hasProblemCode } from '../../lib/api-client';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';

export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('reset.title'));
  const [params] = useSearchParams();
  const token = params.get('token');
  const reset = useResetPassword();
  const form = useForm({ password: '', repeat: '' });

  const submit = onSubmit(async () => {
    const input = form.check(ResetPasswordRequest, { token, password: form.values.password });
    if (!input) return;
    if (form.values.repeat !== form.values.password) {
      form.invalid({ repeat: t('validation.passwordsDiffer') });
      return;
    }
    try {
      await reset.mutateAsync(input);
    } catch (error) {
      form.fail(error, { codeToField: { [ProblemCode.weakPassword]: 'password' } });
    }
  });

  if (!token || token.length < 20) {
    return (
      <div className="page page--narrow">
        <h1>{t('reset.title')}</h1>
        <Alert tone="error">{t('reset.noToken')}</Alert>
        <p>
          <Link to="/forgot-password">{t('reset.requestNew')}</Link>
        </p>
      </div>
    );
  }

  if (reset.isSuccess) {
    return (
      <div className="page page--narrow">
        <h1>{t('reset.title')}</h1>
        <Alert tone="success" focusOnMount>
          <p>{t('reset.done')}</p>
          <p>
            <Link to="/login" className="button button--primary">
              {t('verify.loginLink')}
            </Link>
          </p>
        </Alert>
      </div>
    );
  }

  const tokenInvalid = hasProblemCode(reset.error, ProblemCode.tokenInvalid);
  return (
    <div className="page page--narrow">
      <h1 id="reset-title">{t('reset.title')}</h1>
      <Form labelledBy="reset-title" onSubmit={submit} error={form.formError} formRef={form.formRef}>
        {tokenInvalid ? (
          <p>
            <Link to="/forgot-password">{t('reset.requestNew')}</Link>
          </p>
        ) : null}
        <TextField
          label={t('fields.newPassword')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t('fields.passwordHint')}
          value={form.values.password}
          onValueChange={(v) => form.setValue('password', v)}
          error={form.fieldErrors.password}
        />
        <TextField
          label={t('fields.repeatPassword')}
          name="repeat"
          type="password"
          autoComplete="new-password"
          required
          value={form.values.repeat}
          onValueChange={(v) => form.setValue('repeat', v)}
          error={form.fieldErrors.repeat}
        />
        <div className="actions">
          <Button type="submit" busy={reset.isPending} busyLabel={t('common.saving')}>
            {t('reset.submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
