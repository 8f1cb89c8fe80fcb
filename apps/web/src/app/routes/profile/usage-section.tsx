import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ProfileUsageSettings } from '@lesplein/contracts/profile';
import { useProfileUsage } from '../../../features/account/get-profile-usage';
import { useUpdateProfileUsage } from '../../../features/account/update-profile-usage';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/field';
import { Form } from '../../../components/ui/form';
import { Spinner } from '../../../components/ui/spinner';
import { describeProblem } from '../../../lib/form';
import { onSubmit } from '../../../lib/use-form';

const CHOICES = ['showResources', 'showPublicFolders', 'showFavouritesCount', 'showComments', 'showFollows'] as const satisfies readonly (keyof ProfileUsageSettings)[];

/** "Wat je profiel toont": which usage data others see on my public profile (`GET/PATCH /api/account/profile-usage`). */
export function UsageSection() {
  const { t } = useTranslation();
  const usage = useProfileUsage();
  return (
    <section className="section" aria-labelledby="profile-usage">
      <h2 id="profile-usage">{t('profile.usage.title')}</h2>
      <p>{t('profile.usage.intro')}</p>
      {usage.isPending ? <Spinner label={t('common.loading')} /> : null}
      {usage.isError ? <Alert tone="error">{describeProblem(usage.error).formError}</Alert> : null}
      {usage.data ? <UsageForm initial={usage.data} /> : null}
      <p>
        <Link to="/account/blocks">{t('profile.usage.blocksLink')}</Link>
      </p>
    </section>
  );
}

function UsageForm({ initial }: { initial: ProfileUsageSettings }) {
  const { t } = useTranslation();
  const update = useUpdateProfileUsage();
  const [values, setValues] = useState<ProfileUsageSettings>(initial);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const submit = onSubmit(async () => {
    setMessage(null);
    try {
      const saved = await update.mutateAsync(values);
      setValues(saved);
      setMessage({ tone: 'success', text: t('profile.usage.saved') });
    } catch (error) {
      setMessage({ tone: 'error', text: describeProblem(error).formError ?? t('problem.unknown') });
    }
  });

  return (
    <Form labelledBy="profile-usage" onSubmit={submit}>
      <fieldset className="checklist">
        <legend>{t('profile.usage.legend')}</legend>
        {CHOICES.map((key) => (
          <CheckboxField
            key={key}
            label={t(`profile.usage.choices.${key}`)}
            checked={values[key]}
            onCheckedChange={(checked) => {
              setMessage(null);
              setValues((current) => ({ ...current, [key]: checked }));
            }}
          />
        ))}
      </fieldset>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="actions">
        <Button type="submit" busy={update.isPending} busyLabel={t('common.saving')}>
          {t('profile.usage.save')}
        </Button>
      </div>
    </Form>
  );
}
