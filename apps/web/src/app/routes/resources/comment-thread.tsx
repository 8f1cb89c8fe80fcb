import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CommentBody, HideCommentRequest, type CommentView } from '@lesplein/contracts/comment';
import { z } from 'zod';
import { useDeleteComment } from '../../../features/comments/delete-comment';
import { useHideComment } from '../../../features/comments/hide-comment';
import { useComments } from '../../../features/comments/list-comments';
import { usePostComment } from '../../../features/comments/post-comment';
import { useUnhideComment } from '../../../features/comments/unhide-comment';
import { useUpdateComment } from '../../../features/comments/update-comment';
import { useCurrentMember } from '../../../features/auth/get-current-member';
import { ReportButton } from '../../../components/report-button';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog, Dialog } from '../../../components/ui/dialog';
import { TextAreaField } from '../../../components/ui/field';
import { Form } from '../../../components/ui/form';
import { Spinner } from '../../../components/ui/spinner';
import { describeProblem } from '../../../lib/form';
import { formatDateTime } from '../../../lib/format';
import { onSubmit, useForm } from '../../../lib/use-form';

type Comment = CommentView | CommentView['replies'][number];
// The form's field is `body`, as in the request, so the API's errors at path `body` land next to it.
const BodyForm = z.object({ body: CommentBody });

/** The comments of a published resource: list with replies, post, reply, edit, delete, moderate. */
export function CommentThread({ resourceId, signedIn }: { resourceId: string; signedIn: boolean }) {
  const { t } = useTranslation();
  const thread = useComments(resourceId);
  const location = useLocation();
  const [status, setStatus] = useState('');
  const items = thread.data?.pages.flatMap((page) => page.items) ?? [];
  const total = thread.data?.pages[0]?.total ?? 0;

  // A link to #comment-<id> (from a notification) lands on the comment once the thread is there.
  // (Wait for that comment itself: a cached thread from an earlier visit may not have it yet.)
  const targetId = location.hash.startsWith('#comment-') ? location.hash.slice('#comment-'.length) : null;
  const hasTarget = targetId !== null && items.some((c) => c.id === targetId || c.replies.some((r) => r.id === targetId));
  useEffect(() => {
    if (!hasTarget) return;
    // After the layout has moved focus to the page heading (parent effects run after this one).
    const frame = requestAnimationFrame(() => {
      const target = document.getElementById(location.hash.slice(1));
      if (!target) return;
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [hasTarget, location.hash]);

  return (
    <section className="resource__section comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('community.comments.title', { count: total })}</h2>
      {thread.isPending ? <Spinner label={t('common.loading')} /> : null}
      {thread.isError ? <Alert tone="error">{describeProblem(thread.error).formError}</Alert> : null}
      {thread.isSuccess && items.length === 0 ? <p>{t('community.comments.empty')}</p> : null}
      {items.length > 0 ? (
        <ol className="comment-list">
          {items.map((comment) => (
            <li key={comment.id}>
              <CommentItem comment={comment} resourceId={resourceId} signedIn={signedIn} onStatus={setStatus} />
              {comment.replies.length > 0 ? (
                <ol className="comment-list comment-list--replies" aria-label={t('community.comments.repliesTo', { name: comment.author?.displayName ?? t('community.comments.someone') })}>
                  {comment.replies.map((reply) => (
                    <li key={reply.id}>
                      <CommentItem comment={reply} resourceId={resourceId} signedIn={signedIn} onStatus={setStatus} />
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {thread.hasNextPage ? (
        <p className="actions">
          <Button variant="secondary" onClick={() => void thread.fetchNextPage()} busy={thread.isFetchingNextPage} busyLabel={t('common.loadingMore')}>
            {t('common.loadMore')}
          </Button>
        </p>
      ) : null}
      {signedIn ? (
        <CommentForm resourceId={resourceId} onDone={() => setStatus(t('community.comments.posted'))} />
      ) : (
        <p>
          <Link to={`/login?next=${encodeURIComponent(`/resources/${resourceId}`)}`}>{t('community.comments.loginToComment')}</Link>
        </p>
      )}
      <p role="status" className="visually-hidden">
        {status}
      </p>
    </section>
  );
}

function CommentForm({ resourceId, parentId, onDone, onCancel }: { resourceId: string; parentId?: string; onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const post = usePostComment();
  const form = useForm({ body: '' });
  const reply = parentId !== undefined;
  const submit = onSubmit(async () => {
    const input = form.check(BodyForm);
    if (!input) return;
    try {
      await post.mutateAsync({ resourceId, input: parentId ? { body: input.body, parentId } : { body: input.body } });
      form.reset({ body: '' });
      onDone();
    } catch (error) {
      form.fail(error);
    }
  });
  return (
    <Form label={reply ? t('community.comments.replyForm') : t('community.comments.form')} onSubmit={submit} error={form.formError} formRef={form.formRef} className="comment-form">
      <TextAreaField
        label={reply ? t('community.comments.replyLabel') : t('community.comments.label')}
        hint={t('community.comments.hint')}
        name="body"
        rows={reply ? 3 : 4}
        data-autofocus={reply || undefined}
        autoFocus={reply}
        value={form.values.body}
        onValueChange={(v) => form.setValue('body', v)}
        error={form.fieldErrors.body}
      />
      <div className="actions">
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel} disabled={post.isPending}>
            {t('common.cancel')}
          </Button>
        ) : null}
        <Button type="submit" busy={post.isPending} busyLabel={t('common.sending')}>
          {reply ? t('community.comments.postReply') : t('community.comments.post')}
        </Button>
      </div>
    </Form>
  );
}

function CommentItem({ comment, resourceId, signedIn, onStatus }: { comment: Comment; resourceId: string; signedIn: boolean; onStatus: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const [mode, setMode] = useState<'view' | 'reply' | 'edit'>('view');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [hiding, setHiding] = useState(false);
  const remove = useDeleteComment();
  const unhide = useUnhideComment();
  const { data: viewer } = useCurrentMember();
  const name = comment.author?.displayName ?? t('community.comments.someone');
  const othersComment = comment.author !== null && comment.author.handle !== viewer?.handle;
  const { permissions } = comment;

  return (
    <article id={`comment-${comment.id}`} className={`comment comment--${comment.state}`} tabIndex={-1} aria-label={t('community.comments.by', { name })}>
      <header className="comment__meta">
        {comment.author ? <Link to={`/members/${encodeURIComponent(comment.author.handle)}`}>{comment.author.displayName}</Link> : <span>{name}</span>}
        {' · '}
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, language)}</time>
        {comment.edited ? <span className="comment__edited"> · {t('community.comments.edited')}</span> : null}
      </header>
      {comment.state === 'deleted' ? <p className="comment__placeholder">{t('community.comments.deleted')}</p> : null}
      {comment.state === 'hidden' ? (
        <p className="comment__placeholder">{comment.hiddenReason ? t('community.comments.hiddenReason', { reason: comment.hiddenReason }) : t('community.comments.hidden')}</p>
      ) : null}
      {mode === 'edit' ? (
        <EditForm comment={comment} resourceId={resourceId} onDone={() => { setMode('view'); onStatus(t('community.comments.saved')); }} onCancel={() => setMode('view')} />
      ) : comment.bodyHtml ? (
        // bodyHtml is rendered from Markdown and sanitised by the API, like a resource's descriptionHtml.
        <div className="prose comment__body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
      ) : null}
      {mode === 'view' ? (
        <div className="actions comment__actions">
          {signedIn && comment.parentId === null && comment.state !== 'deleted' ? (
            <Button variant="link" onClick={() => setMode('reply')}>
              {t('community.comments.reply')}
              <span className="visually-hidden"> {t('community.comments.toName', { name })}</span>
            </Button>
          ) : null}
          {permissions.edit && comment.state !== 'deleted' ? (
            <Button variant="link" onClick={() => setMode('edit')}>
              {t('common.edit')}
              <span className="visually-hidden"> {t('community.comments.yourComment')}</span>
            </Button>
          ) : null}
          {permissions.delete && comment.state !== 'deleted' ? (
            <Button variant="link" onClick={() => setConfirmDelete(true)}>
              {t('common.remove')}
              <span className="visually-hidden"> {t('community.comments.yourComment')}</span>
            </Button>
          ) : null}
          {permissions.hide && comment.state === 'visible' ? (
            <Button variant="link" onClick={() => setHiding(true)}>
              {t('community.comments.hide')}
              <span className="visually-hidden"> {t('community.comments.byShort', { name })}</span>
            </Button>
          ) : null}
          {permissions.hide && comment.state === 'hidden' ? (
            <Button variant="link" busy={unhide.isPending} busyLabel={t('common.saving')} onClick={() => unhide.mutate({ id: comment.id, resourceId }, { onSuccess: () => onStatus(t('community.comments.unhidden')) })}>
              {t('community.comments.unhide')}
              <span className="visually-hidden"> {t('community.comments.byShort', { name })}</span>
            </Button>
          ) : null}
          {signedIn && othersComment && comment.state === 'visible' ? <ReportButton targetType="comment" target={comment.id} subject={t('report.subject.comment', { name })} /> : null}
        </div>
      ) : null}
      {unhide.isError ? <Alert tone="error">{describeProblem(unhide.error).formError}</Alert> : null}
      {mode === 'reply' ? (
        <CommentForm resourceId={resourceId} parentId={comment.id} onDone={() => { setMode('view'); onStatus(t('community.comments.replied')); }} onCancel={() => setMode('view')} />
      ) : null}
      <ConfirmDialog
        open={confirmDelete}
        title={t('community.comments.deleteTitle')}
        confirmLabel={t('community.comments.deleteConfirm')}
        busyLabel={t('common.removing')}
        busy={remove.isPending}
        error={remove.isError ? describeProblem(remove.error).formError : null}
        onConfirm={() => remove.mutate({ id: comment.id, resourceId }, { onSuccess: () => { setConfirmDelete(false); onStatus(t('community.comments.removed')); } })}
        onCancel={() => { setConfirmDelete(false); remove.reset(); }}
      >
        <p>{t('community.comments.deleteBody')}</p>
      </ConfirmDialog>
      <Dialog open={hiding} title={t('community.comments.hideTitle')} onClose={() => setHiding(false)}>
        <HideForm comment={comment} resourceId={resourceId} onDone={() => { setHiding(false); onStatus(t('community.comments.hiddenDone')); }} onCancel={() => setHiding(false)} />
      </Dialog>
    </article>
  );
}

function EditForm({ comment, resourceId, onDone, onCancel }: { comment: Comment; resourceId: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateComment();
  const form = useForm({ body: comment.body ?? '' });
  const submit = onSubmit(async () => {
    const input = form.check(BodyForm);
    if (!input) return;
    try {
      await update.mutateAsync({ id: comment.id, resourceId, input: { body: input.body } });
      onDone();
    } catch (error) {
      form.fail(error);
    }
  });
  return (
    <Form label={t('community.comments.editForm')} onSubmit={submit} error={form.formError} formRef={form.formRef} className="comment-form">
      <TextAreaField label={t('community.comments.editLabel')} name="body" rows={4} autoFocus value={form.values.body} onValueChange={(v) => form.setValue('body', v)} error={form.fieldErrors.body} />
      <div className="actions">
        <Button variant="secondary" onClick={onCancel} disabled={update.isPending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={update.isPending} busyLabel={t('common.saving')}>
          {t('community.comments.save')}
        </Button>
      </div>
    </Form>
  );
}

function HideForm({ comment, resourceId, onDone, onCancel }: { comment: Comment; resourceId: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const hide = useHideComment();
  const form = useForm({ reason: '' });
  const submit = onSubmit(async () => {
    const input = form.check(HideCommentRequest);
    if (!input) return;
    try {
      await hide.mutateAsync({ id: comment.id, resourceId, input });
      onDone();
    } catch (error) {
      form.fail(error);
    }
  });
  return (
    <Form label={t('community.comments.hideTitle')} onSubmit={submit} error={form.formError} formRef={form.formRef}>
      <TextAreaField label={t('community.comments.hideReason')} name="reason" rows={3} data-autofocus value={form.values.reason} onValueChange={(v) => form.setValue('reason', v)} error={form.fieldErrors.reason} />
      <div className="actions">
        <Button variant="secondary" onClick={onCancel} disabled={hide.isPending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="danger" busy={hide.isPending} busyLabel={t('common.saving')}>
          {t('community.comments.hide')}
        </Button>
      </div>
    </Form>
  );
}
