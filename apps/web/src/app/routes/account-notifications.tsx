import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationChannel, NotificationType } from '@lesplein/contracts/notification';
import { useNotificationPreferences } from '../../features/notifications/get-notification-preferences';
import { useSetNotificationPreferences } from '../../features/notifications/set-notification-preferences';
import { Alert } from '../../components/ui/alert';
import { SelectField } from '../../components/ui/field';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { usePageTitle } from '../use-page-title';
import { NewsletterSection } from './newsletter/newsletter-section';

/**
 * /account/notifications — per type: off, in the app, e-mail at once or a daily digest; saved on
 * change. Below: the opt-in for newsletters and invitations.
 */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('notificationSettings.title'));
  const preferences = useNotificationPreferences();
  const save = useSetNotificationPreferences();
  const [status, setStatus] = useState('');
  const options = NotificationChannel.options.map((value) => ({ value, label: t(`notificationSettings.channels.${value}`) }));

  return (
    <div className="page page--narrow">
      <h1>{t('notificationSettings.title')}</h1>
      <p className="lead">{t('notificationSettings.intro')}</p>
      {preferences.isPending ? <Spinner label={t('common.loading')} /> : null}
      {preferences.isError ? <Alert tone="error">{describeProblem(preferences.error).formError}</Alert> : null}
      {preferences.data ? (
        <div className="form" aria-busy={save.isPending || undefined}>
          {NotificationType.options.map((type) => (
            <SelectField
              key={type}
              label={t(`notificationSettings.types.${type}`)}
              value={preferences.data.preferences[type]}
              options={options}
              onValueChange={(value) => {
                setStatus(t('common.saving'));
                save.mutate(
                  { preferences: { [type]: NotificationChannel.parse(value) } },
                  { onSuccess: () => setStatus(t('notificationSettings.saved')), onError: () => setStatus('') },
                );
              }}
            />
          ))}
        </div>
      ) : null}
      {save.isError ? <Alert tone="error">{describeProblem(save.error).formError}</Alert> : null}
      <p role="status" className="status-line">
        {status}
      </p>
      <NewsletterSection />
    </div>
  );
}
