import './moderation/moderation.css';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ReviewDecisionRequest, type ReviewQueueItem } from '@lesplein/contracts/moderation';
import { useReviewQueue } from '../../features/moderation/list-review-queue';
import { useReviewResource } from '../../features/moderation/review-resource';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { TextAreaField, TextField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { ProblemCode } from '../../lib/problem-codes';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';
import { ModerationTabs } from './moderation/moderation-tabs';

type Message = { tone: 'success' | 'error'; text: string } | null;

/**
 * /moderation/review — moderators: resources waiting for review (pre-moderation), oldest first.
 * Approve publishes at once; reject asks for the statement of reasons and the rule, which the
 * author receives (with the right to appeal).
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  usePageTitle(`${t('moderation.review.title')} · ${t('moderation.title')}`);
  const queue = useReviewQueue();
  const review = useReviewResource();
  const [message, setMessage] = useState<Message>(null);
  const [rejecting, setRejecting] = useState<ReviewQueueItem | null>(null);
  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  const conflict = { [ProblemCode.conflict]: t('moderation.review.conflict'), [ProblemCode.notFound]: t('moderation.review.notFound') };

  const approve = (item: ReviewQueueItem) => {
    setMessage(null);
    review.mutate(
      { resourceId: item.resourceId, input: { decision: 'approve' } },
      {
        onSuccess: () => setMessage({ tone: 'success', text: t('moderation.review.approved', { title: item.title }) }),
        onError: (error) => setMessage({ tone: 'error', text: describeProblem(error, { messages: conflict }).formError ?? t('problem.unknown') }),
      },
    );
  };

  return (
    <div className="page">
      <h1>{t('moderation.review.title')}</h1>
      <ModerationTabs />
      <p className="lead">{t('moderation.review.intro')}</p>
      {message ? (
        <Alert tone={message.tone} focusOnMount>
          {message.text}
        </Alert>
      ) : null}
      {queue.isPending ? <Spinner label={t('common.loading')} /> : null}
      {queue.isError ? <Alert tone="error">{describeProblem(queue.error).formError}</Alert> : null}
      {queue.isSuccess && items.length === 0 ? <p>{t('moderation.review.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-label={t('moderation.review.listLabel')}>
          {items.map((item) => (
            <li key={item.resourceId} className="item-list__item">
              <div className="item-list__main">
                <h2 className="item-list__title">
                  <Link to={`/resources/${encodeURIComponent(item.resourceId)}`}>{item.title}</Link>
                </h2>
                <p className="item-list__meta">
                  {item.author ? (
                    <Link to={`/members/${encodeURIComponent(item.author.handle)}`}>{item.author.displayName}</Link>
                  ) : (
                    t('moderation.formerMember')
                  )}{' '}
                  · {t('moderation.review.submitted', { time: formatDateTime(item.submittedAt, language) })}
                </p>
              </div>
              <div className="item-list__actions">
                <Button onClick={() => approve(item)} busy={review.isPending && review.variables?.resourceId === item.resourceId && review.variables.input.decision === 'approve'} busyLabel={t('common.saving')} disabled={review.isPending}>
                  {t('moderation.review.approve')}
                  <span className="visually-hidden"> {item.title}</span>
                </Button>
                <Button
                  variant="danger"
                  aria-haspopup="dialog"
                  disabled={review.isPending}
                  onClick={() => {
                    setMessage(null);
                    setRejecting(item);
                  }}
                >
                  {t('moderation.review.reject')}
                  <span className="visually-hidden"> {item.title}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {queue.hasNextPage ? (
        <p className="actions">
          <Button variant="secondary" onClick={() => void queue.fetchNextPage()} busy={queue.isFetchingNextPage} busyLabel={t('common.loadingMore')}>
            {t('common.loadMore')}
          </Button>
        </p>
      ) : null}
      {queue.isFetchNextPageError ? <Alert tone="error">{describeProblem(queue.error).formError}</Alert> : null}

      <Dialog open={rejecting !== null} title={t('moderation.review.rejectTitle', { title: rejecting?.title ?? '' })} onClose={() => setRejecting(null)} busy={review.isPending}>
        {rejecting ? (
          <RejectForm
            item={rejecting}
            review={review}
            messages={conflict}
            onCancel={() => setRejecting(null)}
            onDone={() => {
              setMessage({ tone: 'success', text: t('moderation.review.rejected', { title: rejecting.title }) });
              setRejecting(null);
            }}
          />
        ) : null}
      </Dialog>
    </div>
  );
}

function RejectForm({ item, review, messages, onCancel, onDone }: { item: ReviewQueueItem; review: ReturnType<typeof useReviewResource>; messages: Record<string, string>; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ ground: '', reasons: '' });
  const submit = onSubmit(async () => {
    const input = form.check(ReviewDecisionRequest, { decision: 'reject', reasons: form.values.reasons, ground: form.values.ground });
    if (!input) return;
    try {
      await review.mutateAsync({ resourceId: item.resourceId, input });
      onDone();
    } catch (error) {
      form.fail(error, { messages });
    }
  });
  return (
    <Form label={t('moderation.review.rejectTitle', { title: item.title })} onSubmit={submit} error={form.formError} formRef={form.formRef}>
      <p>{t('moderation.review.rejectIntro')}</p>
      <TextField label={t('moderation.decide.ground')} hint={t('moderation.decide.groundHint')} value={form.values.ground} onValueChange={(v) => form.setValue('ground', v)} error={form.fieldErrors.ground} maxLength={300} required data-autofocus />
      <TextAreaField
        label={t('moderation.decide.reasons')}
        hint={t('moderation.decide.reasonsHint')}
        rows={5}
        maxLength={4000}
        value={form.values.reasons}
        onValueChange={(v) => form.setValue('reasons', v)}
        error={form.fieldErrors.reasons}
        required
      />
      <div className="actions dialog__actions">
        <Button variant="secondary" onClick={onCancel} disabled={review.isPending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="danger" busy={review.isPending} busyLabel={t('common.sending')}>
          {t('moderation.review.rejectConfirm')}
        </Button>
      </div>
    </Form>
  );
}
