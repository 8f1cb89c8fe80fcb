import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordRequest } from '@lesplein/contracts/auth';
import { ProblemCode } from '../../../lib/problem-codes';
import { useChangePassword } from '../../../features/account/change-password';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { Form } from '../../../components/ui/form';
import { onSubmit, useForm } from '../../../lib/use-form';

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm({ currentPassword: '', newPassword: '' });
  const [done, setDone] = useState(false);

  const submit = onSubmit(async () => {
    setDone(false);
    const input = form.check(ChangePasswordRequest);
    if (!input) return;
    try {
      await change.mutateAsync(input);
      setDone(true);
      form.reset({ currentPassword: '', newPassword: '' });
    } catch (error) {
      form.fail(error, {
        codeToField: { [ProblemCode.invalidCredentials]: 'currentPassword', [ProblemCode.weakPassword]: 'newPassword' },
        messages: { [ProblemCode.invalidCredentials]: t('validation.wrongPassword') },
      });
    }
  });

  return (
    <section className="section" aria-labelledby="profile-password">
      <h2 id="profile-password">{t('profile.password.title')}</h2>
      <Form labelledBy="profile-password" onSubmit={submit} error={form.formError} formRef={form.formRef}>
        <TextField
          label={t('fields.currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          value={form.values.currentPassword}
          onValueChange={(v) => form.setValue('currentPassword', v)}
          error={form.fieldErrors.currentPassword}
        />
        <TextField
          label={t('fields.newPassword')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          hint={t('fields.passwordHint')}
          value={form.values.newPassword}
          onValueChange={(v) => form.setValue('newPassword', v)}
          error={form.fieldErrors.newPassword}
        />
        {done ? <Alert tone="success">{t('profile.password.done')}</Alert> : null}
        <div className="actions">
          <Button type="submit" busy={change.isPending} busyLabel={t('common.saving')}>
            {t('profile.password.submit')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
