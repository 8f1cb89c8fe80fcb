import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RegisterRequest } from '@lesplein/contracts/auth';
import { useRegister } from '../../features/auth/register';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { currentLanguage } from '../../lib/i18n';
import { ProblemCode } from '../../lib/problem-codes';
import { useAutoFocus } from '../../lib/use-auto-focus';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';

export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('register.title'));
  const register = useRegister();
  const form = useForm({ firstName: '', lastName: '', email: '', password: '' });
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = onSubmit(async () => {
    const input = form.check(RegisterRequest, { ...form.values, locale: currentLanguage() });
    if (!input) return;
    try {
      await register.mutateAsync(input);
      setSentTo(input.email);
    } catch (error) {
      form.fail(error, { codeToField: { [ProblemCode.weakPassword]: 'password' } });
    }
  });

  if (sentTo) return <Registered email={sentTo} />;

  const { values, setValue, fieldErrors } = form;
  return (
    <div className="page page--narrow">
      <h1 id="register-title">{t('register.title')}</h1>
      <p className="lead">{t('register.intro')}</p>
      <Form labelledBy="register-title" onSubmit={submit} error={form.formError} formRef={form.formRef}>
        <div className="field-row">
          <TextField
            label={t('fields.firstName')}
            name="firstName"
            autoComplete="given-name"
            required
            value={values.firstName}
            onValueChange={(v) => setValue('firstName', v)}
            error={fieldErrors.firstName}
          />
          <TextField
            label={t('fields.lastName')}
            name="lastName"
            autoComplete="family-name"
            required
            value={values.lastName}
            onValueChange={(v) => setValue('lastName', v)}
            error={fieldErrors.lastName}
          />
        </div>
        <TextField
          label={t('fields.email')}
          name="email"
          type="email"
          autoComplete="email"
          required
          value={values.email}
          onValueChange={(v) => setValue('email', v)}
          error={fieldErrors.email}
        />
        <TextField
          label={t('fields.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t('fields.passwordHint')}
          value={values.password}
          onValueChange={(v) => setValue('password', v)}
          error={fieldErrors.password}
        />
        <p className="form__note">{t('register.privacyNote')}</p>
        <div className="actions">
          <Button type="submit" busy={register.isPending} busyLabel={t('register.submitting')}>
            {t('register.submit')}
          </Button>
        </div>
      </Form>
      <p>
        {t('register.haveAccount')} <Link to="/login">{t('register.loginLink')}</Link>
      </p>
    </div>
  );
}

function Registered({ email }: { email: string }) {
  const { t } = useTranslation();
  const heading = useAutoFocus<HTMLHeadingElement>();
  return (
    <div className="page page--narrow">
      <h1 ref={heading} tabIndex={-1}>
        {t('register.doneTitle')}
      </h1>
      <Alert tone="success">
        <p>{t('register.done', { email })}</p>
      </Alert>
      <p>
        {t('register.noMail')} <Link to="/verify-email">{t('register.resendLink')}</Link>
      </p>
    </div>
  );
}
