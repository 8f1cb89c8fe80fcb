import './administration/administration.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PublishPolicyVersion, type AdminPolicyVersion } from '@lesplein/contracts/privacy-policy';
import { useAdminPolicyVersions } from '../../features/privacy-policy/list-admin-policy-versions';
import { usePublishPolicyVersion } from '../../features/privacy-policy/publish-policy-version';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { CheckboxField, TextAreaField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { formatCount, formatDateTime } from '../../lib/format';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';
import { AdminBackLink, ScrollTable } from './administration/admin-parts';

type Values = { textNl: string; textEn: string; summaryNl: string; summaryEn: string; substantial: boolean };

const startFrom = (latest: AdminPolicyVersion | undefined): Values => ({ textNl: latest?.textNl ?? '', textEn: latest?.textEn ?? '', summaryNl: '', summaryEn: '', substantial: false });

/**
 * /admin/privacy-policy — admins: every published version of the privacy statement (with how many
 * members accepted it) and the form to publish the next one, which starts from the current text.
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  usePageTitle(t('privacyPolicy.admin.title'));
  const versions = useAdminPolicyVersions();
  const captionId = `policy-versions${useId().replace(/:/g, '')}`;
  // Kept here: the form starts afresh (from the new current text) after each publication.
  const [published, setPublished] = useState<number | null>(null);

  return (
    <div className="page">
      <AdminBackLink />
      <h1>{t('privacyPolicy.admin.title')}</h1>
      <p className="lead">{t('privacyPolicy.admin.intro')}</p>
      {versions.isPending ? <Spinner label={t('common.loading')} /> : null}
      {versions.isError ? <Alert tone="error">{describeProblem(versions.error).formError}</Alert> : null}
      {versions.data ? (
        <>
          <section className="section" aria-labelledby={captionId}>
            <h2 id={captionId}>{t('privacyPolicy.admin.versionsTitle')}</h2>
            {versions.data.items.length === 0 ? (
              <p>{t('privacyPolicy.admin.empty')}</p>
            ) : (
              <ScrollTable labelledBy={captionId}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('privacyPolicy.admin.columns.version')}</th>
                      <th scope="col">{t('privacyPolicy.admin.columns.publishedAt')}</th>
                      <th scope="col">{t('privacyPolicy.admin.columns.summary')}</th>
                      <th scope="col">{t('privacyPolicy.admin.columns.substantial')}</th>
                      <th scope="col">{t('privacyPolicy.admin.columns.acceptances')}</th>
                      <th scope="col">{t('privacyPolicy.admin.columns.publishedBy')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {versions.data.items.map((version) => (
                      <tr key={version.version}>
                        <th scope="row">{version.version}</th>
                        <td>{formatDateTime(version.publishedAt, language)}</td>
                        <td className="admin-text">{language === 'en' ? version.summaryEn : version.summaryNl}</td>
                        <td>{version.substantial ? t('privacyPolicy.admin.yes') : t('privacyPolicy.admin.no')}</td>
                        <td>{formatCount(version.acceptances, language)}</td>
                        <td>{version.publishedBy?.displayName ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollTable>
            )}
          </section>
          {published !== null ? (
            <Alert tone="success" focusOnMount>
              {t('privacyPolicy.admin.published', { version: published })}
            </Alert>
          ) : null}
          <PublishForm key={versions.data.items[0]?.version ?? 0} latest={versions.data.items[0]} onPublished={setPublished} />
        </>
      ) : null}
    </div>
  );
}

function PublishForm({ latest, onPublished }: { latest: AdminPolicyVersion | undefined; onPublished: (version: number) => void }) {
  const { t } = useTranslation();
  const [initial] = useState(() => startFrom(latest));
  const form = useForm<Values>(initial);
  const publish = usePublishPolicyVersion();
  const headingId = `publish-policy${useId().replace(/:/g, '')}`;
  const v = form.values;

  const submit = async () => {
    const input = form.check(PublishPolicyVersion, v);
    if (!input) return;
    try {
      const created = await publish.mutateAsync(input);
      onPublished(created.version);
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('privacyPolicy.admin.publishTitle')}</h2>
      <Form labelledBy={headingId} onSubmit={onSubmit(submit)} error={form.formError} formRef={form.formRef}>
        <p className="form__note">{t('privacyPolicy.admin.markdownNote')}</p>
        <TextAreaField label={t('privacyPolicy.admin.fields.textNl')} name="textNl" rows={14} value={v.textNl} onValueChange={(value) => form.setValue('textNl', value)} error={form.fieldErrors.textNl} disabled={publish.isPending} />
        <TextAreaField label={t('privacyPolicy.admin.fields.textEn')} name="textEn" rows={14} value={v.textEn} onValueChange={(value) => form.setValue('textEn', value)} error={form.fieldErrors.textEn} disabled={publish.isPending} />
        <TextAreaField label={t('privacyPolicy.admin.fields.summaryNl')} name="summaryNl" rows={3} maxLength={2000} value={v.summaryNl} onValueChange={(value) => form.setValue('summaryNl', value)} error={form.fieldErrors.summaryNl} disabled={publish.isPending} />
        <TextAreaField label={t('privacyPolicy.admin.fields.summaryEn')} name="summaryEn" rows={3} maxLength={2000} value={v.summaryEn} onValueChange={(value) => form.setValue('summaryEn', value)} error={form.fieldErrors.summaryEn} disabled={publish.isPending} />
        <CheckboxField
          label={t('privacyPolicy.admin.fields.substantial')}
          hint={t('privacyPolicy.admin.substantialHint')}
          checked={v.substantial}
          onCheckedChange={(checked) => form.setValue('substantial', checked)}
          disabled={publish.isPending}
        />
        <div className="actions">
          <Button type="submit" busy={publish.isPending} busyLabel={t('common.saving')}>
            {t('privacyPolicy.admin.publish')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
