import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AccountDeletionRequest, type ContributionsChoice } from '@lesplein/contracts/account-deletion';
import type { CurrentMember } from '@lesplein/contracts/auth';
import { useRequestAccountDeletion } from '../../../features/account-deletion/request-account-deletion';
import { Button } from '../../../components/ui/button';
import { CheckboxField, TextField } from '../../../components/ui/field';
import { Form } from '../../../components/ui/form';
import { ProblemCode } from '../../../lib/problem-codes';
import { onSubmit, useForm } from '../../../lib/use-form';

const CHOICES: ContributionsChoice[] = ['keep_anonymous', 'remove'];

/**
 * The last section of the security page: deleting the account. The member chooses what happens
 * to their resources and comments, confirms with the password (and a 2FA code), and is then
 * signed out and shown when the deletion will happen.
 */
export function DeleteAccountSection({ member }: { member: CurrentMember }) {
  const { t } = useTranslation();
  const ids = useId();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const form = useForm({ password: '', code: '', contributions: 'keep_anonymous' as ContributionsChoice, understood: false });
  const request = useRequestAccountDeletion({
    leave: (view) => navigate('/account-deletion/requested', { state: { deletion: view }, replace: true, flushSync: true }),
  });

  const submit = onSubmit(async () => {
    if (!form.values.understood) {
      form.invalid({ understood: t('deletion.mustConfirm') });
      return;
    }
    const input = form.check(AccountDeletionRequest, {
      password: form.values.password,
      contributions: form.values.contributions,
      ...(member.twoFactorEnabled ? { code: form.values.code } : {}),
    });
    if (!input) return;
    try {
      await request.mutateAsync(input);
    } catch (error) {
      form.fail(error, {
        codeToField: { [ProblemCode.invalidCredentials]: 'password', [ProblemCode.secondFactorInvalid]: 'code', [ProblemCode.secondFactorRequired]: 'code' },
        messages: { [ProblemCode.invalidCredentials]: t('validation.wrongPassword'), [ProblemCode.secondFactorRequired]: t('deletion.codeRequired') },
      });
    }
  });

  return (
    <section className="section" aria-labelledby="delete-account-title">
      <h2 id="delete-account-title">{t('deletion.title')}</h2>
      <p>{t('deletion.intro')}</p>
      <ul>
        <li>{t('deletion.whatHappens.grace')}</li>
        <li>{t('deletion.whatHappens.partners')}</li>
        <li>{t('deletion.whatHappens.usage')}</li>
        <li>{t('deletion.whatHappens.messages')}</li>
      </ul>
      {!open ? (
        <Button variant="danger" onClick={() => setOpen(true)}>
          {t('deletion.start')}
        </Button>
      ) : (
        <Form labelledBy="delete-account-title" onSubmit={submit} error={form.formError} formRef={form.formRef}>
          <fieldset className="choice-list">
            <legend>{t('deletion.contributionsLegend')}</legend>
            {CHOICES.map((choice) => (
              <div className="choice" key={choice}>
                <input
                  id={`${ids}-${choice}`}
                  type="radio"
                  name={`${ids}-contributions`}
                  value={choice}
                  checked={form.values.contributions === choice}
                  onChange={() => form.setValue('contributions', choice)}
                  aria-describedby={`${ids}-${choice}-hint`}
                />
                <label htmlFor={`${ids}-${choice}`}>{t(`deletion.contributions.${choice}`)}</label>
                <p className="field__hint choice__hint" id={`${ids}-${choice}-hint`}>
                  {t(`deletion.contributionsHint.${choice}`)}
                </p>
              </div>
            ))}
          </fieldset>
          <TextField
            label={t('fields.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={form.values.password}
            onValueChange={(v) => form.setValue('password', v)}
            error={form.fieldErrors.password}
          />
          {member.twoFactorEnabled ? (
            <TextField
              label={t('fields.code')}
              name="code"
              autoComplete="one-time-code"
              required
              hint={t('login.codeHint')}
              value={form.values.code}
              onValueChange={(v) => form.setValue('code', v)}
              error={form.fieldErrors.code}
            />
          ) : null}
          <CheckboxField
            label={t('deletion.understood')}
            checked={form.values.understood}
            onCheckedChange={(checked) => form.setValue('understood', checked)}
            error={form.fieldErrors.understood}
          />
          <div className="actions">
            <Button type="submit" variant="danger" busy={request.isPending} busyLabel={t('deletion.deleting')}>
              {t('deletion.confirm')}
            </Button>
            <Button variant="link" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}
