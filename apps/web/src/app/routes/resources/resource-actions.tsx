import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { HideResourceRequest, type ResourceDetail } from '@lesplein/contracts/resource';
import { useHideResource } from '../../../features/resources/hide-resource';
import { usePublishResource } from '../../../features/resources/publish-resource';
import { useRemoveResource } from '../../../features/resources/remove-resource';
import { useUnhideResource } from '../../../features/resources/unhide-resource';
import { useUnpublishResource } from '../../../features/resources/unpublish-resource';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog, Dialog } from '../../../components/ui/dialog';
import { TextAreaField } from '../../../components/ui/field';
import { Form } from '../../../components/ui/form';
import { describeProblem } from '../../../lib/form';
import { onSubmit, useForm } from '../../../lib/use-form';

/** The message for a failed publish: "add a file or a link" when that is what the API said. */
export function usePublishProblem() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    const described = describeProblem(error, { fields: ['files', 'link'] });
    if (described.fieldErrors.files || described.fieldErrors.link) return t('resources.actions.publishNeedsContent');
    return described.formError ?? t('problem.unknown');
  };
}

/**
 * What this visitor may do with the resource: the author edits, publishes or takes it back,
 * and removes it (after confirming); moderators hide it with a reason, or show it again.
 */
export function ResourceActions({ resource }: { resource: ResourceDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const publish = usePublishResource();
  const unpublish = useUnpublishResource();
  const remove = useRemoveResource();
  const unhide = useUnhideResource();
  const publishProblem = usePublishProblem();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [hiding, setHiding] = useState(false);
  const { permissions, state } = resource;

  if (!permissions.edit && !permissions.remove && !permissions.hide) return null;

  const onPublish = () => {
    setMessage(null);
    publish.mutate(resource.id, {
      onSuccess: () => setMessage({ tone: 'success', text: t('resources.actions.published') }),
      onError: (error) => setMessage({ tone: 'error', text: publishProblem(error) }),
    });
  };
  const onUnpublish = () => {
    setMessage(null);
    unpublish.mutate(resource.id, {
      onSuccess: () => setMessage({ tone: 'success', text: t('resources.actions.unpublished') }),
      onError: (error) => setMessage({ tone: 'error', text: describeProblem(error).formError ?? '' }),
    });
  };
  const onUnhide = () => {
    setMessage(null);
    unhide.mutate(resource.id, {
      onSuccess: () => setMessage({ tone: 'success', text: t('resources.actions.unhidden') }),
      onError: (error) => setMessage({ tone: 'error', text: describeProblem(error).formError ?? '' }),
    });
  };
  const onRemove = () => {
    setRemoveError(null);
    remove.mutate(resource.id, {
      onSuccess: () => void navigate('/account/resources', { state: { removed: resource.title } }),
      onError: (error) => setRemoveError(describeProblem(error).formError),
    });
  };

  return (
    <section className="resource-actions" aria-label={t('resources.actions.label')}>
      <div className="actions">
        {permissions.edit ? (
          <Link to={`/resources/${resource.id}/edit`} className="button button--secondary">
            {t('common.edit')}
          </Link>
        ) : null}
        {permissions.edit && state === 'draft' ? (
          <Button onClick={onPublish} busy={publish.isPending} busyLabel={t('resources.actions.publishing')}>
            {t('resources.actions.publish')}
          </Button>
        ) : null}
        {permissions.edit && state === 'published' ? (
          <Button variant="secondary" onClick={onUnpublish} busy={unpublish.isPending} busyLabel={t('common.saving')}>
            {t('resources.actions.unpublish')}
          </Button>
        ) : null}
        {permissions.hide && state === 'published' ? (
          <Button variant="danger" onClick={() => setHiding(true)}>
            {t('resources.actions.hide')}
          </Button>
        ) : null}
        {permissions.hide && state === 'hidden' ? (
          <Button variant="secondary" onClick={onUnhide} busy={unhide.isPending} busyLabel={t('common.saving')}>
            {t('resources.actions.unhide')}
          </Button>
        ) : null}
        {permissions.remove ? (
          <Button variant="danger" onClick={() => setConfirmRemove(true)}>
            {t('common.remove')}
          </Button>
        ) : null}
      </div>
      {message ? (
        <Alert tone={message.tone}>
          <p>
            {message.text}{' '}
            {message.tone === 'error' && permissions.edit ? <Link to={`/resources/${resource.id}/edit`}>{t('resources.actions.toEdit')}</Link> : null}
          </p>
        </Alert>
      ) : null}

      <ConfirmDialog
        open={confirmRemove}
        title={t('resources.actions.removeTitle')}
        confirmLabel={t('resources.actions.removeConfirm')}
        busyLabel={t('common.removing')}
        busy={remove.isPending}
        error={removeError}
        onConfirm={onRemove}
        onCancel={() => {
          setConfirmRemove(false);
          setRemoveError(null);
        }}
      >
        <p>{t('resources.actions.removeBody', { title: resource.title })}</p>
      </ConfirmDialog>
      <Dialog open={hiding} title={t('resources.actions.hideTitle')} onClose={() => setHiding(false)}>
        <HideForm
          resourceId={resource.id}
          onDone={() => {
            setHiding(false);
            setMessage({ tone: 'success', text: t('resources.actions.hidden') });
          }}
          onCancel={() => setHiding(false)}
        />
      </Dialog>
    </section>
  );
}

function HideForm({ resourceId, onDone, onCancel }: { resourceId: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const hide = useHideResource();
  const form = useForm({ reason: '' });
  const submit = onSubmit(async () => {
    const input = form.check(HideResourceRequest, { reason: form.values.reason });
    if (!input) return;
    try {
      await hide.mutateAsync({ id: resourceId, input });
      onDone();
    } catch (error) {
      form.fail(error);
    }
  });
  return (
    <Form label={t('resources.actions.hideTitle')} onSubmit={submit} error={form.formError} formRef={form.formRef}>
      <p>{t('resources.actions.hideIntro')}</p>
      <TextAreaField
        label={t('resources.actions.hideReason')}
        hint={t('resources.actions.hideReasonHint')}
        name="reason"
        rows={4}
        required
        data-autofocus
        value={form.values.reason}
        onValueChange={(v) => form.setValue('reason', v)}
        error={form.fieldErrors.reason}
      />
      <div className="actions">
        <Button variant="secondary" onClick={onCancel} disabled={hide.isPending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="danger" busy={hide.isPending} busyLabel={t('common.saving')}>
          {t('resources.actions.hideConfirm')}
        </Button>
      </div>
    </Form>
  );
}
