import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoginRequest, LoginSecondFactorRequest } from '@lesplein/contracts/auth';
import { ProblemCode } from '../../lib/problem-codes';
import { useCurrentMember } from '../../features/auth/get-current-member';
import { useLogin } from '../../features/auth/login';
import { useLoginSecondFactor } from '../../features/auth/login-second-factor';
import { useResendVerification } from '../../features/auth/resend-verification';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { hasProblemCode } from '../../lib/api-client';
import { describeProblem } from '../../lib/form';
import { safeNextPath } from '../../lib/redirect';
import { onSubmit, useForm } from '../../lib/use-form';
import { secondFactorSetupPath } from '../paths';
import { usePageTitle } from '../use-page-title';

export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const { data: member } = useCurrentMember();
  const [challenge, setChallenge] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // Moderators and admins without 2FA can do nothing else until it is on.
  if (member) return <Navigate to={member.twoFactorSetupRequired ? secondFactorSetupPath : next} replace />;

  return (
    <div className="page page--narrow">
      <h1>{t('login.title')}</h1>
      {params.get('next') ? <Alert tone="info">{t('login.needed')}</Alert> : null}
      {notice ? <Alert tone="warning">{notice}</Alert> : null}
      {challenge ? (
        <SecondFactorStep
          challenge={challenge}
          onRestart={(message) => {
            setNotice(message);
            setChallenge(null);
          }}
        />
      ) : (
        <CredentialsStep
          onSecondFactor={(value) => {
            setNotice(null);
            setChallenge(value);
          }}
        />
      )}
    </div>
  );
}

function CredentialsStep({ onSecondFactor }: { onSecondFactor: (challenge: string) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const resend = useResendVerification();
  const form = useForm({ email: '', password: '' });
  const [unverified, setUnverified] = useState<string | null>(null);

  const submit = onSubmit(async () => {
    setUnverified(null);
    resend.reset();
    const input = form.check(LoginRequest);
    if (!input) return;
    try {
      const result = await login.mutateAsync(input);
      if (result.status === 'second_factor_required') onSecondFactor(result.challenge);
    } catch (error) {
      if (hasProblemCode(error, ProblemCode.emailNotVerified)) setUnverified(input.email);
      form.fail(error);
    }
  });

  const { values, setValue, fieldErrors } = form;
  return (
    <>
      <Form label={t('login.title')} onSubmit={submit} error={form.formError} formRef={form.formRef}>
        {unverified ? (
          <div className="inline-action">
            {resend.isSuccess ? (
              <Alert tone="success">{t('login.verificationResent')}</Alert>
            ) : (
              <Button
                variant="secondary"
                busy={resend.isPending}
                busyLabel={t('common.sending')}
                onClick={() => resend.mutate({ email: unverified })}
              >
                {t('verify.resendSubmit')}
              </Button>
            )}
            {resend.isError ? <Alert tone="error">{describeProblem(resend.error).formError}</Alert> : null}
          </div>
        ) : null}
        <TextField
          label={t('fields.email')}
          name="email"
          type="email"
          autoComplete="username"
          required
          value={values.email}
          onValueChange={(v) => setValue('email', v)}
          error={fieldErrors.email}
        />
        <TextField
          label={t('fields.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={values.password}
          onValueChange={(v) => setValue('password', v)}
          error={fieldErrors.password}
        />
        <div className="actions">
          <Button type="submit" busy={login.isPending} busyLabel={t('login.submitting')}>
            {t('login.submit')}
          </Button>
          <Link to="/forgot-password">{t('login.forgot')}</Link>
        </div>
      </Form>
      <p>
        {t('login.noAccount')} <Link to="/register">{t('login.registerLink')}</Link>
      </p>
    </>
  );
}

function SecondFactorStep({ challenge, onRestart }: { challenge: string; onRestart: (message: string | null) => void }) {
  const { t } = useTranslation();
  const verify = useLoginSecondFactor();
  const form = useForm({ code: '' });

  const submit = onSubmit(async () => {
    const input = form.check(LoginSecondFactorRequest, { challenge, code: form.values.code });
    if (!input) return;
    try {
      await verify.mutateAsync(input);
      // Signed in: the page re-renders with the member and moves on.
    } catch (error) {
      if (hasProblemCode(error, ProblemCode.tokenInvalid)) {
        onRestart(t('login.challengeExpired'));
        return;
      }
      form.fail(error, { codeToField: { [ProblemCode.secondFactorInvalid]: 'code' } });
    }
  });

  return (
    <section aria-labelledby="second-factor-title">
      <h2 id="second-factor-title">{t('login.secondFactorTitle')}</h2>
      <p>{t('login.secondFactorIntro')}</p>
      <Form labelledBy="second-factor-title" onSubmit={submit} error={form.formError} formRef={form.formRef}>
        <TextField
          label={t('fields.code')}
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
          autoFocus
          hint={t('login.codeHint')}
          value={form.values.code}
          onValueChange={(v) => form.setValue('code', v)}
          error={form.fieldErrors.code}
        />
        <div className="actions">
          <Button type="submit" busy={verify.isPending} busyLabel={t('login.verifying')}>
            {t('login.confirm')}
          </Button>
          <Button variant="link" onClick={() => onRestart(null)}>
            {t('login.back')}
          </Button>
        </div>
      </Form>
    </section>
  );
}

