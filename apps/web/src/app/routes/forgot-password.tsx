import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ForgotPasswordRequest } from '@lesplein/contracts/auth';
import { useForgotPassword } from '../../features/auth/forgot-password';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';

export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('forgot.title'));
  const forgot = useForgotPassword();
  const form = useForm({ email: '' });

  const submit = onSubmit(async () => {
    const input = form.check(ForgotPasswordRequest);
    if (!input) return;
    try {
      await forgot.mutateAsync(input);
    } catch (error) {
      form.fail(error);
    }
  });

  return (
    <div className="page page--narrow">
      <h1 id="forgot-title">{t('forgot.title')}</h1>
      {forgot.isSuccess ? (
        <Alert tone="success" focusOnMount>
          <p>{t('forgot.done')}</p>
        </Alert>
      ) : (
        <>
          <p className="lead">{t('forgot.intro')}</p>
          <Form labelledBy="forgot-title" onSubmit={submit} error={form.formError} formRef={form.formRef}>
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
              <Button type="submit" busy={forgot.isPending} busyLabel={t('common.sending')}>
                {t('forgot.submit')}
              </Button>
            </div>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">{t('forgot.backToLogin')}</Link>
      </p>
    </div>
  );
}
