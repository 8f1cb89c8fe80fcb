import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangeEmailRequest } from '@lesplein/contracts/auth';
import { ProblemCode } from '../../../lib/problem-codes';
import { useChangeEmail } from '../../../features/account/change-email';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { Form } from '../../../components/ui/form';
import { onSubmit, useForm } from '../../../lib/use-form';

export function ChangeEmailForm({ currentEmail }: { currentEmail: string }) {
  const { t } = useTranslation();
  const change = useChangeEmail();
  const form = useForm({ newEmail: '', password: '' });
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = onSubmit(async () => {
    setSentTo(null);
    const input = form.check(ChangeEmailRequest);
    if (!input) return;
    try {
      await change.mutateAsync(input);
      setSentTo(input.newEmail);
      form.reset({ newEmail: '', password: '' });
    } catch (error) {
      form.fail(error, {
        codeToField: { [ProblemCode.invalidCredentials]: 'password', [ProblemCode.conflict]: 'newEmail' },
        messages: { [ProblemCode.invalidCredentials]: t('validation.wrongPassword'), [ProblemCode.conflict]: t('validation.emailTaken') },
      });
    }
  });

  return (
    <section className="section" aria-labelledby="profile-email">
      <h2 id="profile-email">{t('profile.email.title')}</h2>
      <p>{t('profile.email.current', { email: currentEmail })}</p>
      <Form labelledBy="profile-email" onSubmit={submit} error={form.formError} formRef={form.formRef}>
        <TextField
          label={t('fields.newEmail')}
          name="newEmail"
          type="email"
          autoComplete="email"
          required
          value={form.values.newEmail}
          onValueChange={(v) => form.setValue('newEmail', v)}
          error={form.fieldErrors.newEmail}
        />
        <TextField
          label={t('fields.currentPassword')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={form.values.password}
          onValueChange={(v) => form.setValue('password', v)}
          error={form.fieldErrors.password}
        />
        {sentTo ? <Alert tone="success">{t('profile.email.sent', { email: sentTo })}</Alert> : null}
        <div className="actions">
          <Button type="submit" busy={change.isPending} busyLabel={t('common.sending')}>
            {t('profile.email.submit')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
