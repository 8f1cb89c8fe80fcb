import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SendMessageRequest } from '@lesplein/contracts/message';
import { useConversations } from '../../features/messages/list-conversations';
import { useMarkConversationRead } from '../../features/messages/mark-conversation-read';
import { useMessages } from '../../features/messages/list-messages';
import { useSendMessage } from '../../features/messages/send-message';
import { ReportButton } from '../../components/report-button';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { TextAreaField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { Spinner } from '../../components/ui/spinner';
import { hasProblemCode } from '../../lib/api-client';
import { describeProblem } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { ProblemCode } from '../../lib/problem-codes';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';

/** The form's field is `body`, as in the request, so the API's errors at path `body` land next to it. */
const BodyForm = z.object({ body: SendMessageRequest.shape.body });

/** /messages/:id — one conversation, oldest at the top; marked read when opened; a reply form. */
export function Component() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const { id = '' } = useParams();
  const conversations = useConversations();
  const messages = useMessages(id);
  const markRead = useMarkConversationRead();
  const send = useSendMessage();
  const form = useForm({ body: '' });
  const [status, setStatus] = useState('');
  const other = conversations.data?.items.find((c) => c.id === id)?.with;
  const title = other ? t('messages.with', { name: other.displayName }) : t('messages.conversation');
  usePageTitle(title);

  const { mutate: mark } = markRead;
  const loaded = messages.isSuccess;
  useEffect(() => {
    if (loaded) mark(id);
  }, [loaded, id, mark]);

  // Pages come newest first; show the oldest at the top, as a conversation reads.
  const items = (messages.data?.pages.flatMap((page) => page.items) ?? []).slice().reverse();

  const submit = onSubmit(async () => {
    const checked = form.check(BodyForm);
    if (!checked) return;
    const input = { body: checked.body };
    try {
      await send.mutateAsync({ id, input });
      form.reset({ body: '' });
      setStatus(t('messages.sent'));
    } catch (error) {
      form.fail(error);
    }
  });

  if (messages.isError && hasProblemCode(messages.error, ProblemCode.notFound)) {
    return (
      <div className="page page--narrow">
        <h1>{t('messages.conversation')}</h1>
        <Alert tone="info">{t('messages.notFound')}</Alert>
        <p>
          <Link to="/messages">{t('messages.back')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="page page--narrow">
      <p>
        <Link to="/messages">{t('messages.back')}</Link>
      </p>
      <h1>{title}</h1>
      {messages.isPending ? <Spinner label={t('common.loading')} /> : null}
      {messages.isError ? <Alert tone="error">{describeProblem(messages.error).formError}</Alert> : null}
      {messages.hasNextPage ? (
        <p className="actions">
          <Button variant="secondary" onClick={() => void messages.fetchNextPage()} busy={messages.isFetchingNextPage} busyLabel={t('common.loadingMore')}>
            {t('messages.older')}
          </Button>
        </p>
      ) : null}
      {items.length > 0 ? (
        <ol className="message-list" aria-label={t('messages.listOfMessages')}>
          {items.map((m) => (
            <li key={m.id} className={m.mine ? 'message message--mine' : 'message'}>
              <p className="message__meta">
                {m.mine ? t('messages.you') : (m.sender?.displayName ?? t('messages.deletedMember'))} · <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, language)}</time>
              </p>
              <p className="message__body">{m.body}</p>
              {m.mine ? null : (
                <div className="actions message__actions">
                  <ReportButton targetType="message" target={m.id} subject={t('report.subject.message', { name: m.sender?.displayName ?? t('messages.deletedMember'), time: formatDateTime(m.createdAt, language) })} />
                </div>
              )}
            </li>
          ))}
        </ol>
      ) : null}
      <Form label={t('messages.replyForm')} onSubmit={submit} error={form.formError} formRef={form.formRef}>
        <TextAreaField label={t('messages.body')} name="body" rows={3} value={form.values.body} onValueChange={(v) => form.setValue('body', v)} error={form.fieldErrors.body} />
        <Button type="submit" busy={send.isPending} busyLabel={t('common.sending')}>
          {t('messages.send')}
        </Button>
      </Form>
      <p role="status" className="visually-hidden">
        {status}
      </p>
    </div>
  );
}
