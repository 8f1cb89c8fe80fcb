import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SendMessageRequest } from '@lesplein/contracts/message';
import { useFollow } from '../../../features/follows/get-follow';
import { useBlock } from '../../../features/follows/get-block';
import { useSetBlock } from '../../../features/follows/set-block';
import { useMemberFolders } from '../../../features/folders/list-member-folders';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { useSetFollow } from '../../../features/follows/set-follow';
import { useStartConversation } from '../../../features/messages/start-conversation';
import { ReportButton } from '../../../components/report-button';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextAreaField } from '../../../components/ui/field';
import { Form } from '../../../components/ui/form';
import { describeProblem } from '../../../lib/form';
import { formatCount } from '../../../lib/format';
import { onSubmit, useForm } from '../../../lib/use-form';

/** The form's field is `body`, as in the request, so the API's errors at path `body` land next to it. */
const BodyForm = z.object({ body: SendMessageRequest.shape.body });

/** On someone else's profile: follow (with the follower count), "Bericht sturen", block (state from `GET /api/members/:handle/block`) and report. */
export function MemberCommunity({ handle, name, signedIn }: { handle: string; name: string; signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const follow = useFollow(handle);
  const setFollow = useSetFollow();
  const [composing, setComposing] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const block = useBlock(handle, signedIn);
  const setBlock = useSetBlock();
  const [confirmBlock, setConfirmBlock] = useState(false);
  const [blockStatus, setBlockStatus] = useState('');
  const blocked = block.data?.blocked ?? false;
  const folders = useMemberFolders(handle);
  const state = follow.data;

  return (
    <section className="resource-community" aria-label={t('member.community.label')}>
      <p className="actions">
        {state ? <span>{t('member.community.followers', { count: state.followerCount, formatted: formatCount(state.followerCount, i18n.resolvedLanguage ?? 'nl') })}</span> : null}
        {signedIn && state ? (
          <Button
            variant={state.following ? 'secondary' : 'primary'}
            aria-pressed={state.following}
            busy={setFollow.isPending}
            busyLabel={t('common.saving')}
            onClick={() => setFollow.mutate({ handle, following: !state.following })}
          >
            {t('member.community.follow', { name })}
          </Button>
        ) : null}
        {signedIn && !composing ? (
          <Button variant="secondary" onClick={() => { setComposing(true); setSent(null); }}>
            {t('member.community.message')}
          </Button>
        ) : null}
      </p>
      {signedIn && block.data ? (
        <p className="actions">
          {blocked ? (
            <Button variant="secondary" busy={setBlock.isPending} busyLabel={t('common.saving')} onClick={() => setBlock.mutate({ handle, blocked: false }, { onSuccess: () => setBlockStatus(t('member.community.unblocked', { name })) })}>
              {t('member.community.unblock', { name })}
            </Button>
          ) : (
            <Button variant="danger" onClick={() => setConfirmBlock(true)}>
              {t('member.community.block', { name })}
            </Button>
          )}
          <ReportButton targetType="member" target={handle} variant="secondary" subject={t('report.subject.member', { name })} />
        </p>
      ) : null}
      {block.isError ? <Alert tone="error">{describeProblem(block.error).formError}</Alert> : null}
      {setBlock.isError && !confirmBlock ? <Alert tone="error">{describeProblem(setBlock.error).formError}</Alert> : null}
      <p role="status" className="status-line">
        {blockStatus}
      </p>
      <ConfirmDialog
        open={confirmBlock}
        title={t('member.community.blockTitle', { name })}
        confirmLabel={t('member.community.blockConfirm')}
        busyLabel={t('common.saving')}
        busy={setBlock.isPending}
        error={setBlock.isError ? describeProblem(setBlock.error).formError : null}
        onConfirm={() =>
          setBlock.mutate(
            { handle, blocked: true },
            {
              onSuccess: () => {
                setConfirmBlock(false);
                setBlockStatus(t('member.community.blocked', { name }));
              },
            },
          )
        }
        onCancel={() => {
          setConfirmBlock(false);
          setBlock.reset();
        }}
      >
        <p>{t('member.community.blockBody', { name })}</p>
      </ConfirmDialog>
      {folders.data && folders.data.items.length > 0 ? (
        <section aria-labelledby="member-folders">
          <h2 id="member-folders">{t('member.community.folders')}</h2>
          <ul className="plain-list">
            {folders.data.items.map((folder) => (
              <li key={folder.id}>
                <Link to={`/folders/${folder.id}`}>{folder.name}</Link> ({t('member.community.folderItems', { count: folder.itemCount })})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {setFollow.isError ? <Alert tone="error">{describeProblem(setFollow.error).formError}</Alert> : null}
      {composing ? <Compose handle={handle} name={name} onSent={(id) => { setComposing(false); setSent(id); }} onCancel={() => setComposing(false)} /> : null}
      {sent ? (
        <Alert tone="success" focusOnMount>
          <p>
            {t('member.community.sent')} <Link to={`/messages/${sent}`}>{t('member.community.toConversation')}</Link>
          </p>
        </Alert>
      ) : null}
    </section>
  );
}

function Compose({ handle, name, onSent, onCancel }: { handle: string; name: string; onSent: (conversationId: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const start = useStartConversation();
  const form = useForm({ body: '' });
  const submit = onSubmit(async () => {
    const checked = form.check(BodyForm);
    if (!checked) return;
    const input = { to: handle, body: checked.body };
    try {
      const answer = await start.mutateAsync(input);
      onSent(answer.conversationId);
    } catch (error) {
      form.fail(error);
    }
  });
  return (
    <Form label={t('member.community.composeTitle', { name })} onSubmit={submit} error={form.formError} formRef={form.formRef}>
      <TextAreaField label={t('member.community.body')} name="body" rows={4} autoFocus value={form.values.body} onValueChange={(v) => form.setValue('body', v)} error={form.fieldErrors.body} />
      <div className="actions">
        <Button variant="secondary" onClick={onCancel} disabled={start.isPending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={start.isPending} busyLabel={t('common.sending')}>
          {t('member.community.send')}
        </Button>
      </div>
    </Form>
  );
}
