import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminPartnerView } from '@lesplein/contracts/partner';
import { useRemovePartnerLogo } from '../../../features/partners/remove-partner-logo';
import { checkPartnerLogo, partnerLogoTypes, useUploadPartnerLogo } from '../../../features/partners/upload-partner-logo';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FileField } from '../../../components/ui/field';
import { Form } from '../../../components/ui/form';
import { ProblemCode } from '../../../lib/problem-codes';
import { onSubmit, useForm } from '../../../lib/use-form';

/**
 * Admins: the partner's logo. Choose a file (preview), upload it (with progress) or remove the
 * current one. The platform re-encodes and serves it, so members' browsers never contact the partner.
 */
export function PartnerLogoSection({ partner }: { partner: AdminPartnerView }) {
  const { t } = useTranslation();
  const upload = useUploadPartnerLogo();
  const remove = useRemovePartnerLogo();
  const form = useForm({ file: null as File | null });
  const [preview, setPreview] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const fileId = `logo${useId().replace(/:/g, '')}`;
  const file = form.values.file;

  // The preview is an object URL; the effect releases each one when it is replaced or the page is left.
  useEffect(() => {
    return () => {
      if (preview) URL.revokeObjectURL(preview);
    };
  }, [preview]);

  const problemText = (problem: 'type' | 'size') => t(problem === 'type' ? 'adminPartners.logo.wrongType' : 'adminPartners.logo.tooLarge');

  const onFile = (chosen: File | null) => {
    setMessage(null);
    form.setValue('file', chosen);
    setPreview(chosen ? URL.createObjectURL(chosen) : null);
    const problem = chosen ? checkPartnerLogo(chosen) : null;
    if (problem) form.invalid({ file: problemText(problem) });
  };

  const submit = onSubmit(async () => {
    setMessage(null);
    const problem = file ? checkPartnerLogo(file) : null;
    if (!file || problem) {
      form.invalid({ file: problem ? problemText(problem) : t('adminPartners.logo.chooseFirst') });
      return;
    }
    form.clearErrors();
    setProgress(0);
    try {
      await upload.mutateAsync({ id: partner.id, file, onProgress: (loaded, total) => setProgress(total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0) });
      form.setValue('file', null);
      setPreview(null);
      setInputKey((key) => key + 1);
      setMessage(t('adminPartners.logo.uploaded'));
    } catch (error) {
      form.fail(error, {
        fields: ['file'],
        codeToField: { [ProblemCode.payloadTooLarge]: 'file', [ProblemCode.validation]: 'file', unsupported_media_type: 'file' },
        messages: {
          [ProblemCode.payloadTooLarge]: t('adminPartners.logo.tooLarge'),
          [ProblemCode.validation]: t('adminPartners.logo.notImage'),
          unsupported_media_type: t('adminPartners.logo.wrongType'),
        },
      });
    } finally {
      setProgress(null);
    }
  });

  const onRemove = () => {
    setMessage(null);
    form.clearErrors();
    remove.mutate(partner.id, {
      onSuccess: () => setMessage(t('adminPartners.logo.removed')),
      onError: (error) => form.fail(error),
    });
  };

  const fileError = form.fieldErrors.file;
  const busy = upload.isPending || remove.isPending;
  return (
    <section className="section" aria-labelledby="partner-logo">
      <h2 id="partner-logo">{t('adminPartners.logo.title')}</h2>
      <p>{t('adminPartners.logo.intro')}</p>
      <div className="partner-logo-preview">
        {preview ? (
          <figure className="partner-logo-preview__figure">
            <img src={preview} alt={t('adminPartners.logo.previewAlt')} className="partner-logo-preview__image" />
            <figcaption>{t('adminPartners.logo.preview')}</figcaption>
          </figure>
        ) : partner.logoUrl && partner.status === 'active' ? (
          <figure className="partner-logo-preview__figure">
            <img src={partner.logoUrl} alt={t('adminPartners.logo.currentAlt', { name: partner.name })} className="partner-logo-preview__image" />
            <figcaption>{t('adminPartners.logo.current')}</figcaption>
          </figure>
        ) : (
          <p>{partner.logoUrl ? t('adminPartners.logo.hiddenWhileSuspended') : t('adminPartners.logo.none')}</p>
        )}
      </div>
      <Form labelledBy="partner-logo" onSubmit={submit} error={form.formError} formRef={form.formRef}>
        <FileField
          key={inputKey}
          id={fileId}
          name="logo"
          label={t('adminPartners.logo.choose')}
          hint={t('adminPartners.logo.hint')}
          error={fileError ?? undefined}
          accept={partnerLogoTypes.join(',')}
          disabled={busy}
          onFile={onFile}
        />
        {progress !== null ? (
          <div className="progress" role="progressbar" aria-label={t('adminPartners.logo.progressLabel')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress}>
            <span className="progress__bar" style={{ width: `${progress}%` }} />
          </div>
        ) : null}
        {message ? <Alert tone="success">{message}</Alert> : null}
        <div className="actions">
          <Button type="submit" busy={upload.isPending} busyLabel={t('adminPartners.logo.uploading')} disabled={remove.isPending}>
            {t('adminPartners.logo.upload')}
          </Button>
          {partner.logoUrl ? (
            <Button variant="danger" onClick={onRemove} busy={remove.isPending} busyLabel={t('adminPartners.logo.removing')} disabled={upload.isPending}>
              {t('adminPartners.logo.remove')}
            </Button>
          ) : null}
        </div>
      </Form>
    </section>
  );
}
