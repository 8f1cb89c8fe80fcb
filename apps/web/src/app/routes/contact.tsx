import './administration/administration.css';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NewPrivacyRequest, PrivacyRequestKind, type PrivacyRequestReceipt } from '@lesplein/contracts/privacy-request';
import { useCurrentMember } from '../../features/auth/get-current-member';
import { useFilePrivacyRequest } from '../../features/privacy-requests/file-privacy-request';
import { useMyPrivacyRequests } from '../../features/privacy-requests/list-my-privacy-requests';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { SelectField, TextAreaField, TextField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { Spinner } from '../../components/ui/spinner';
import { formatDate } from '../../lib/format';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';

type Values = { kind: PrivacyRequestKind | ''; message: string; email: string; name: string };
const EMPTY: Values = { kind: '', message: '', email: '', name: '' };

/**
 * /contact — "Contact en privacyverzoeken": anyone files a request about their data (restriction,
 * objection, rectification), a question to the data protection officer, or feedback. Signed in,
 * the member's own address is used and their earlier requests with the answers are listed.
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'nl';
  usePageTitle(t('contact.title'));
  const { data: member, isPending } = useCurrentMember();
  const form = useForm<Values>(EMPTY);
  const file = useFilePrivacyRequest();
  const mine = useMyPrivacyRequests(Boolean(member));
  const [receipt, setReceipt] = useState<PrivacyRequestReceipt | null>(null);
  const v = form.values;

  const submit = async () => {
    const request = { kind: v.kind, message: v.message, locale: language, ...(member ? {} : { email: v.email, ...(v.name.trim() ? { name: v.name } : {}) }) };
    const input = form.check(NewPrivacyRequest, request);
    if (!input) return;
    try {
      setReceipt(await file.mutateAsync(input));
      form.reset(EMPTY);
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <div className="page page--narrow">
      <h1>{t('contact.title')}</h1>
      <p className="lead">{t('contact.intro')}</p>
      <p>
        <Link to="/privacy">{t('contact.privacyLink')}</Link>
      </p>
      {receipt ? (
        <Alert tone="success" focusOnMount title={t('contact.sent')}>
          <p>{t('contact.sentBody', { date: formatDate(receipt.dueAt, language) })}</p>
        </Alert>
      ) : null}
      {isPending ? (
        <Spinner label={t('common.loading')} />
      ) : (
        <Form label={t('contact.formLabel')} onSubmit={onSubmit(submit)} error={form.formError} formRef={form.formRef}>
          <SelectField
            label={t('contact.fields.kind')}
            name="kind"
            value={v.kind}
            options={[{ value: '', label: t('contact.chooseKind') }, ...PrivacyRequestKind.options.map((kind) => ({ value: kind, label: t(`contact.kinds.${kind}`) }))]}
            onValueChange={(value) => form.setValue('kind', value as Values['kind'])}
            error={form.fieldErrors.kind}
            disabled={file.isPending}
          />
          <TextAreaField label={t('contact.fields.message')} hint={t('contact.messageHint')} name="message" rows={6} maxLength={5000} value={v.message} onValueChange={(value) => form.setValue('message', value)} error={form.fieldErrors.message} disabled={file.isPending} />
          {member ? (
            <p className="form__note">{t('contact.signedInNote', { email: member.email })}</p>
          ) : (
            <>
              <TextField label={t('contact.fields.email')} hint={t('contact.emailHint')} type="email" name="email" autoComplete="email" value={v.email} onValueChange={(value) => form.setValue('email', value)} error={form.fieldErrors.email} disabled={file.isPending} />
              <TextField label={t('contact.fields.name')} name="name" autoComplete="name" value={v.name} onValueChange={(value) => form.setValue('name', value)} error={form.fieldErrors.name} disabled={file.isPending} />
            </>
          )}
          <p className="form__note">{t('contact.retentionNote')}</p>
          <div className="actions">
            <Button type="submit" busy={file.isPending} busyLabel={t('common.sending')}>
              {t('contact.send')}
            </Button>
          </div>
        </Form>
      )}
      {member && mine.data && mine.data.items.length > 0 ? (
        <section className="section" aria-labelledby="my-requests">
          <h2 id="my-requests">{t('contact.mineTitle')}</h2>
          <ul className="admin-list" aria-labelledby="my-requests">
            {mine.data.items.map((request) => (
              <li key={request.id}>
                <strong>
                  {t(`contact.kinds.${request.kind}`)} — {formatDate(request.receivedAt, language)}
                </strong>{' '}
                <span className={`badge admin-status admin-status--${request.status === 'answered' || request.status === 'rejected' ? 'closed' : 'open'}`}>{t(`contact.status.${request.status}`)}</span>
                <p className="admin-text">{request.message}</p>
                {request.answer ? (
                  <p className="admin-text">
                    <strong>{t('contact.answer')}</strong> {request.answer}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
