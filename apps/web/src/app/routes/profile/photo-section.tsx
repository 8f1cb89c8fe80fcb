import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldVisibility, OwnProfile } from '@lesplein/contracts/profile';
import { checkPhoto, photoTypes, useUploadPhoto } from '../../../features/account/upload-photo';
import { useUpdateProfile } from '../../../features/account/update-profile';
import { useWithdrawOptionalField } from '../../../features/account/withdraw-optional-field';
import { usePublicProfile } from '../../../features/members/get-public-profile';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CheckboxField, FileField } from '../../../components/ui/field';
import { Form } from '../../../components/ui/form';
import { ProblemCode } from '../../../lib/problem-codes';
import { onSubmit, useForm } from '../../../lib/use-form';
import { VisibilitySelect } from './visibility-select';

/** Profile photo: choose, preview, consent, upload (with progress), or withdraw and erase. */
export function PhotoSection({ profile }: { profile: OwnProfile }) {
  const { t } = useTranslation();
  const upload = useUploadPhoto();
  const updateVisibility = useUpdateProfile();
  const withdraw = useWithdrawOptionalField();
  const current = usePublicProfile(profile.handle, profile.hasPhoto);
  const form = useForm({
    consent: profile.consents.photo === true,
    visibility: (profile.visibility.photo ?? 'private') as FieldVisibility,
    file: null as File | null,
  });
  const [preview, setPreview] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const fileId = `photo${useId().replace(/:/g, '')}`;
  const label = t('fields.photo');
  const file = form.values.file;

  // The preview is an object URL; the effect releases each one when it is replaced or the page is left.
  useEffect(() => {
    return () => {
      if (preview) URL.revokeObjectURL(preview);
    };
  }, [preview]);
  const showPreview = (chosen: File | null) => setPreview(chosen ? URL.createObjectURL(chosen) : null);

  const onFile = (chosen: File | null) => {
    setMessage(null);
    form.setValue('file', chosen);
    showPreview(chosen);
    if (!chosen) return;
    const problem = checkPhoto(chosen);
    if (problem) form.invalid({ file: t(problem === 'type' ? 'profile.photo.wrongType' : 'profile.photo.tooLarge') });
  };

  const submit = onSubmit(async () => {
    setMessage(null);
    const errors: Record<string, string> = {};
    if (!file) errors.file = t('profile.photo.chooseFirst');
    else {
      const problem = checkPhoto(file);
      if (problem) errors.file = t(problem === 'type' ? 'profile.photo.wrongType' : 'profile.photo.tooLarge');
    }
    if (!form.values.consent) errors.consent = t('profile.optional.consentRequired');
    if (Object.keys(errors).length || !file) {
      form.invalid(errors);
      return;
    }
    try {
      await upload.mutateAsync(file);
      if (form.values.visibility !== (profile.visibility.photo ?? 'private')) {
        await updateVisibility.mutateAsync({ visibility: { photo: form.values.visibility } });
      }
      form.setValue('file', null);
      showPreview(null);
      setInputKey((key) => key + 1);
      setMessage(t('profile.photo.uploaded'));
    } catch (error) {
      form.fail(error, {
        fields: ['file', 'consent', 'visibility'],
        codeToField: {
          [ProblemCode.payloadTooLarge]: 'file',
          [ProblemCode.fileTooLarge]: 'file',
          [ProblemCode.fileEmpty]: 'file',
          [ProblemCode.fileTypeRefused]: 'file',
          [ProblemCode.fileTypeMismatch]: 'file',
          [ProblemCode.fileCorrupt]: 'file',
        },
      });
    }
  });

  const onWithdraw = () => {
    if (!window.confirm(t('profile.optional.withdrawConfirm', { field: label }))) return;
    setMessage(null);
    withdraw.mutate('photo', {
      onSuccess: () => {
        form.reset({ consent: false, visibility: form.values.visibility, file: null });
        setMessage(t('profile.optional.withdrawn', { field: label }));
      },
      onError: (error) => form.fail(error),
    });
  };

  const fileError = form.fieldErrors.file;
  return (
    <div className="subsection">
      <h3 id="optional-photo">{label}</h3>
      <p className="consent-state">
        {profile.consents.photo ? t('profile.optional.consentGiven') : t('profile.optional.consentNotGiven')}
      </p>
      <div className="photo">
        {preview ? (
          <figure className="photo__figure">
            <img src={preview} alt={t('profile.photo.previewAlt')} className="photo__image" />
            <figcaption>{t('profile.photo.preview')}</figcaption>
          </figure>
        ) : profile.hasPhoto && current.data?.photoUrl ? (
          <figure className="photo__figure">
            <img src={current.data.photoUrl} alt={t('profile.photo.currentAlt')} className="photo__image" />
            <figcaption>{t('profile.photo.current')}</figcaption>
          </figure>
        ) : (
          <p>{profile.hasPhoto ? t('profile.photo.hasPhoto') : t('profile.photo.none')}</p>
        )}
      </div>
      <Form labelledBy="optional-photo" onSubmit={submit} error={form.formError} formRef={form.formRef}>
        <FileField
          key={inputKey}
          id={fileId}
          name="photo"
          label={t('profile.photo.choose')}
          hint={t('profile.photo.hint')}
          error={fileError ?? undefined}
          accept={photoTypes.join(',')}
          onFile={onFile}
        />
        <VisibilitySelect
          fieldLabel={label}
          value={form.values.visibility}
          onChange={(value) => form.setValue('visibility', value)}
          error={form.fieldErrors.visibility}
        />
        <CheckboxField
          name="photo-consent"
          label={t('profile.optional.consent', { field: label })}
          checked={form.values.consent}
          onCheckedChange={(checked) => form.setValue('consent', checked)}
          error={form.fieldErrors.consent}
        />
        {message ? <Alert tone="success">{message}</Alert> : null}
        <div className="actions">
          <Button type="submit" busy={upload.isPending || updateVisibility.isPending} busyLabel={t('profile.photo.uploading')}>
            {t('profile.photo.upload')}
          </Button>
          {profile.consents.photo || profile.hasPhoto ? (
            <Button variant="danger" onClick={onWithdraw} busy={withdraw.isPending} busyLabel={t('profile.optional.withdrawing')}>
              {t('profile.optional.withdraw', { field: label })}
            </Button>
          ) : null}
        </div>
      </Form>
    </div>
  );
}
