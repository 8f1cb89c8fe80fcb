import './administration/administration.css';
import { useId } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AnswerPrivacyRequest } from '@lesplein/contracts/privacy-request';
import { useCurrentMember } from '../../features/auth/get-current-member';
import { useAnswerPrivacyRequest } from '../../features/privacy-requests/answer-privacy-request';
import { useAssignPrivacyRequest } from '../../features/privacy-requests/assign-privacy-request';
import { useAdminPrivacyRequest } from '../../features/privacy-requests/get-admin-privacy-request';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { SelectField, TextAreaField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { formatDate, formatDateTime } from '../../lib/format';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';
import { refusalMessage } from './administration/admin-parts';

type Values = { outcome: 'answered' | 'rejected'; answer: string };

/**
 * /admin/privacy-requests/:id — one request: who sent it and what, the deadline, assignment (to me,
 * or released), and the answer or refusal that is e-mailed to the requester.
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const id = useParams().id ?? '';
  usePageTitle(t('requests.admin.detailTitle'));
  const { data: me } = useCurrentMember();
  const request = useAdminPrivacyRequest(id);
  const assign = useAssignPrivacyRequest();
  const answer = useAnswerPrivacyRequest();
  const form = useForm<Values>({ outcome: 'answered', answer: '' });
  const answerHeading = `answer${useId().replace(/:/g, '')}`;
  const data = request.data;
  const closed = data ? data.status === 'answered' || data.status === 'rejected' : false;

  const submit = async () => {
    const input = form.check(AnswerPrivacyRequest, form.values);
    if (!input) return;
    try {
      await answer.mutateAsync({ id, input });
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <div className="page page--narrow">
      <p>
        <Link to="/admin/privacy-requests">{t('requests.admin.back')}</Link>
      </p>
      <h1>{t('requests.admin.detailTitle')}</h1>
      {request.isPending ? <Spinner label={t('common.loading')} /> : null}
      {request.isError ? <Alert tone="error">{describeProblem(request.error).formError}</Alert> : null}
      {data ? (
        <>
          {data.overdue ? <Alert tone="warning">{t('requests.admin.overdueNotice', { date: formatDate(data.dueAt, language) })}</Alert> : null}
          <dl className="details">
            {[
              [t('requests.admin.columns.request'), t(`contact.kinds.${data.kind}`)],
              [t('requests.admin.columns.status'), t(`contact.status.${data.status}`)],
              [t('requests.admin.columns.from'), `${data.name ? `${data.name} · ` : ''}${data.email}${data.member ? ` (@${data.member.handle})` : ''}`],
              [t('requests.admin.columns.received'), formatDateTime(data.receivedAt, language)],
              [t('requests.admin.columns.due'), formatDate(data.dueAt, language)],
              [t('requests.admin.columns.assignee'), data.assignee?.displayName ?? '—'],
            ].map(([term, value]) => (
              <div className="details__row" key={term}>
                <dt>{term}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <section className="section" aria-labelledby="request-message">
            <h2 id="request-message">{t('requests.admin.message')}</h2>
            <p className="admin-text">{data.message}</p>
          </section>
          {closed ? (
            <section className="section" aria-labelledby="request-answer">
              <h2 id="request-answer">{t(`contact.status.${data.status}`)}</h2>
              <p className="admin-text">{data.answer}</p>
              <p className="admin-muted">
                {data.closedBy?.displayName ?? '—'}
                {data.closedAt ? `, ${formatDateTime(data.closedAt, language)}` : null}
              </p>
            </section>
          ) : (
            <>
              {assign.isError ? <Alert tone="error">{refusalMessage(assign.error)}</Alert> : null}
              <div className="actions">
                {me && data.assignee?.id !== me.id ? (
                  <Button variant="secondary" busy={assign.isPending} onClick={() => assign.mutate({ id, assigneeId: me.id })}>
                    {t('requests.admin.assignToMe')}
                  </Button>
                ) : null}
                {data.assignee ? (
                  <Button variant="secondary" busy={assign.isPending} onClick={() => assign.mutate({ id, assigneeId: null })}>
                    {t('requests.admin.unassign')}
                  </Button>
                ) : null}
              </div>
              <section className="section" aria-labelledby={answerHeading}>
                <h2 id={answerHeading}>{t('requests.admin.answerTitle')}</h2>
                <Form labelledBy={answerHeading} onSubmit={onSubmit(submit)} error={form.formError} formRef={form.formRef}>
                  <SelectField
                    label={t('requests.admin.fields.outcome')}
                    name="outcome"
                    value={form.values.outcome}
                    options={[
                      { value: 'answered', label: t('requests.admin.outcomes.answered') },
                      { value: 'rejected', label: t('requests.admin.outcomes.rejected') },
                    ]}
                    onValueChange={(value) => form.setValue('outcome', value as Values['outcome'])}
                    disabled={answer.isPending}
                  />
                  <TextAreaField label={t('requests.admin.fields.answer')} hint={t('requests.admin.answerHint')} name="answer" rows={8} maxLength={10000} value={form.values.answer} onValueChange={(value) => form.setValue('answer', value)} error={form.fieldErrors.answer} disabled={answer.isPending} />
                  <div className="actions">
                    <Button type="submit" busy={answer.isPending} busyLabel={t('common.sending')}>
                      {t('requests.admin.send')}
                    </Button>
                  </div>
                </Form>
              </section>
            </>
          )}
        </>
      ) : null}
    </div>
  );
}
