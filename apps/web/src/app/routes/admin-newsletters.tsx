import './administration/administration.css';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SendNewsletter } from '@lesplein/contracts/newsletter';
import { useNewsletters } from '../../features/newsletter/list-newsletters';
import { useSendNewsletter } from '../../features/newsletter/send-newsletter';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/dialog';
import { TextAreaField, TextField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { formatCount, formatDateTime } from '../../lib/format';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';
import { AdminBackLink, ScrollTable } from './administration/admin-parts';

type Values = { subjectNl: string; subjectEn: string; bodyNl: string; bodyEn: string };
const EMPTY: Values = { subjectNl: '', subjectEn: '', bodyNl: '', bodyEn: '' };

/**
 * /admin/newsletters — "Nieuwsbrieven": send a newsletter or invitation (Dutch and English) to the
 * members who opted in, after a confirmation that says how many; the newsletters sent so far.
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  usePageTitle(t('newsletter.admin.title'));
  const list = useNewsletters();
  const send = useSendNewsletter();
  const form = useForm<Values>(EMPTY);
  const [confirming, setConfirming] = useState<SendNewsletter | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const formId = `newsletter-form${useId().replace(/:/g, '')}`;
  const listId = `newsletter-list${useId().replace(/:/g, '')}`;
  const v = form.values;
  const subscribers = list.data?.subscribers ?? 0;

  const submit = () => {
    const input = form.check(SendNewsletter, v);
    if (input) setConfirming(input);
  };

  const confirm = async () => {
    if (!confirming) return;
    try {
      const created = await send.mutateAsync(confirming);
      setSent(created.recipientCount);
      setConfirming(null);
      form.reset(EMPTY);
    } catch (error) {
      setConfirming(null);
      form.fail(error);
    }
  };

  return (
    <div className="page">
      <AdminBackLink />
      <h1>{t('newsletter.admin.title')}</h1>
      <p className="lead">{t('newsletter.admin.intro')}</p>
      {list.isPending ? <Spinner label={t('common.loading')} /> : null}
      {list.isError ? <Alert tone="error">{describeProblem(list.error).formError}</Alert> : null}
      {list.data ? <p>{t('newsletter.admin.subscribers', { count: subscribers })}</p> : null}
      {sent !== null ? (
        <Alert tone="success" focusOnMount>
          {t('newsletter.admin.sent', { count: sent })}
        </Alert>
      ) : null}
      <section className="section" aria-labelledby={formId}>
        <h2 id={formId}>{t('newsletter.admin.newTitle')}</h2>
        <Form labelledBy={formId} onSubmit={onSubmit(submit)} error={form.formError} formRef={form.formRef}>
          <TextField label={t('newsletter.admin.fields.subjectNl')} name="subjectNl" maxLength={200} value={v.subjectNl} onValueChange={(value) => form.setValue('subjectNl', value)} error={form.fieldErrors.subjectNl} />
          <TextAreaField label={t('newsletter.admin.fields.bodyNl')} hint={t('newsletter.admin.bodyHint')} name="bodyNl" rows={8} value={v.bodyNl} onValueChange={(value) => form.setValue('bodyNl', value)} error={form.fieldErrors.bodyNl} />
          <TextField label={t('newsletter.admin.fields.subjectEn')} name="subjectEn" maxLength={200} value={v.subjectEn} onValueChange={(value) => form.setValue('subjectEn', value)} error={form.fieldErrors.subjectEn} />
          <TextAreaField label={t('newsletter.admin.fields.bodyEn')} hint={t('newsletter.admin.bodyHint')} name="bodyEn" rows={8} value={v.bodyEn} onValueChange={(value) => form.setValue('bodyEn', value)} error={form.fieldErrors.bodyEn} />
          <div className="actions">
            <Button type="submit">{t('newsletter.admin.send')}</Button>
          </div>
        </Form>
      </section>
      <ConfirmDialog
        open={confirming !== null}
        title={t('newsletter.admin.confirmTitle')}
        confirmLabel={t('newsletter.admin.confirm')}
        busyLabel={t('common.sending')}
        busy={send.isPending}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(null)}
      >
        <p>{t('newsletter.admin.confirmBody', { count: subscribers })}</p>
      </ConfirmDialog>
      {list.data && list.data.items.length > 0 ? (
        <section className="section" aria-labelledby={listId}>
          <h2 id={listId}>{t('newsletter.admin.sentTitle')}</h2>
          <ScrollTable labelledBy={listId}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('newsletter.admin.columns.subject')}</th>
                  <th scope="col">{t('newsletter.admin.columns.sentAt')}</th>
                  <th scope="col">{t('newsletter.admin.columns.recipients')}</th>
                  <th scope="col">{t('newsletter.admin.columns.sentBy')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">{language === 'en' ? item.subjectEn : item.subjectNl}</th>
                    <td>{formatDateTime(item.sentAt, language)}</td>
                    <td>{formatCount(item.recipientCount, language)}</td>
                    <td>{item.sentBy?.displayName ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </section>
      ) : null}
    </div>
  );
}
