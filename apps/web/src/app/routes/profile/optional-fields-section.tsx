import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SetOptionalFieldRequest, type FieldVisibility, type OwnProfile } from '@lesplein/contracts/profile';
import { useSetOptionalField } from '../../../features/account/set-optional-field';
import { useUpdateProfile } from '../../../features/account/update-profile';
import { useWithdrawOptionalField } from '../../../features/account/withdraw-optional-field';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CheckboxField, TextAreaField, TextField } from '../../../components/ui/field';
import { Form } from '../../../components/ui/form';
import { onSubmit, useForm } from '../../../lib/use-form';
import { VisibilitySelect } from './visibility-select';

type TextOptionalField = 'aboutMe' | 'website' | 'socialLinks';

function currentValue(profile: OwnProfile, field: TextOptionalField): string {
  if (field === 'socialLinks') return profile.socialLinks.join('\n');
  return profile[field] ?? '';
}

export function OptionalFieldsSection({ profile }: { profile: OwnProfile }) {
  return (
    <>
      <OptionalFieldForm profile={profile} field="aboutMe" />
      <OptionalFieldForm profile={profile} field="website" />
      <OptionalFieldForm profile={profile} field="socialLinks" />
    </>
  );
}

/**
 * One optional field: value, visibility and an explicit consent checkbox. Saving records the
 * consent with the value; "withdraw" removes the consent and the API erases the value.
 */
function OptionalFieldForm({ profile, field }: { profile: OwnProfile; field: TextOptionalField }) {
  const { t } = useTranslation();
  const save = useSetOptionalField();
  const updateVisibility = useUpdateProfile();
  const withdraw = useWithdrawOptionalField();
  const consented = profile.consents[field] === true;
  const form = useForm({
    value: currentValue(profile, field),
    consent: consented,
    visibility: (profile.visibility[field] ?? 'private') as FieldVisibility,
  });
  const [message, setMessage] = useState<string | null>(null);
  const label = t(`fields.${field}`);
  const headingId = `optional-${field}`;

  const submit = onSubmit(async () => {
    setMessage(null);
    if (!form.values.consent) {
      form.invalid({ consent: t('profile.optional.consentRequired') });
      return;
    }
    const value =
      field === 'socialLinks'
        ? form.values.value.split('\n').map((line) => line.trim()).filter(Boolean)
        : form.values.value;
    const input = form.check(SetOptionalFieldRequest, { field, consent: true, value });
    if (!input) return;
    try {
      await save.mutateAsync(input);
      if (form.values.visibility !== (profile.visibility[field] ?? 'private')) {
        await updateVisibility.mutateAsync({ visibility: { [field]: form.values.visibility } });
      }
      setMessage(t('profile.optional.saved', { field: label }));
    } catch (error) {
      form.fail(error, { fields: ['value', 'consent', 'visibility'], codeToField: {} });
    }
  });

  const onWithdraw = () => {
    if (!window.confirm(t('profile.optional.withdrawConfirm', { field: label }))) return;
    setMessage(null);
    withdraw.mutate(field, {
      onSuccess: () => {
        form.reset({ value: '', consent: false, visibility: form.values.visibility });
        setMessage(t('profile.optional.withdrawn', { field: label }));
      },
      onError: (error) => form.fail(error),
    });
  };

  const common = {
    label,
    name: field,
    value: form.values.value,
    onValueChange: (v: string) => form.setValue('value', v),
    error: form.fieldErrors.value,
  };

  return (
    <div className="subsection">
      <h3 id={headingId}>{label}</h3>
      <p className="consent-state">
        {consented ? t('profile.optional.consentGiven') : t('profile.optional.consentNotGiven')}
      </p>
      <Form labelledBy={headingId} onSubmit={submit} error={form.formError} formRef={form.formRef}>
        {field === 'aboutMe' ? (
          <TextAreaField {...common} rows={5} maxLength={2000} hint={t('profile.optional.aboutMeHint')} />
        ) : field === 'website' ? (
          <TextField {...common} type="url" inputMode="url" autoComplete="url" hint={t('profile.optional.websiteHint')} />
        ) : (
          <TextAreaField {...common} rows={3} hint={t('profile.optional.socialLinksHint')} />
        )}
        <VisibilitySelect
          fieldLabel={label}
          value={form.values.visibility}
          onChange={(value) => form.setValue('visibility', value)}
          error={form.fieldErrors.visibility}
        />
        <CheckboxField
          name={`${field}-consent`}
          label={t('profile.optional.consent', { field: label })}
          checked={form.values.consent}
          onCheckedChange={(checked) => form.setValue('consent', checked)}
          error={form.fieldErrors.consent}
        />
        {message ? <Alert tone="success">{message}</Alert> : null}
        <div className="actions">
          <Button type="submit" busy={save.isPending || updateVisibility.isPending} busyLabel={t('common.saving')}>
            {t('profile.optional.save', { field: label })}
          </Button>
          {consented ? (
            <Button variant="danger" onClick={onWithdraw} busy={withdraw.isPending} busyLabel={t('profile.optional.withdrawing')}>
              {t('profile.optional.withdraw', { field: label })}
            </Button>
          ) : null}
        </div>
      </Form>
    </div>
  );
}
