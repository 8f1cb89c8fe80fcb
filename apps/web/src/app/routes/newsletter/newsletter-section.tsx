import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNewsletterSettings } from '../../../features/newsletter/get-newsletter-settings';
import { useUpdateNewsletterSettings } from '../../../features/newsletter/update-newsletter-settings';
import { Alert } from '../../../components/ui/alert';
import { CheckboxField } from '../../../components/ui/field';
import { Spinner } from '../../../components/ui/spinner';
import { describeProblem } from '../../../lib/form';
import { formatDateTime } from '../../../lib/format';

/**
 * On /account/notifications: the opt-in for newsletters and invitations (off until the member
 * ticks it), saved on change, with the record of earlier choices.
 */
export function NewsletterSection() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const settings = useNewsletterSettings();
  const update = useUpdateNewsletterSettings();
  // The choice being saved, set in the click's own render so the box changes at once (the answer then confirms it).
  const [saving, setSaving] = useState<boolean | null>(null);
  const latest = settings.data?.history[0];

  return (
    <section className="section" aria-labelledby="newsletter-title">
      <h2 id="newsletter-title">{t('newsletter.title')}</h2>
      <p>{t('newsletter.intro')}</p>
      {settings.isPending ? <Spinner label={t('common.loading')} /> : null}
      {settings.isError ? <Alert tone="error">{describeProblem(settings.error).formError}</Alert> : null}
      {settings.data ? (
        <CheckboxField
          label={t('newsletter.optIn')}
          hint={latest ? t(latest.granted ? 'newsletter.since' : 'newsletter.offSince', { date: formatDateTime(latest.at, language) }) : t('newsletter.neverChosen')}
          checked={saving ?? settings.data.subscribed}
          disabled={saving !== null}
          onCheckedChange={(checked) => {
            setSaving(checked);
            update.mutate(checked, { onSettled: () => setSaving(null) });
          }}
        />
      ) : null}
      {update.isError ? <Alert tone="error">{describeProblem(update.error).formError}</Alert> : null}
    </section>
  );
}
