import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ResourceDetail } from '@lesplein/contracts/resource';
import { useResource } from '../../features/resources/get-resource';
import { usePublishResource } from '../../features/resources/publish-resource';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { PageSpinner } from '../../components/ui/spinner';
import { hasProblemCode } from '../../lib/api-client';
import { describeProblem } from '../../lib/form';
import { ProblemCode } from '../../lib/problem-codes';
import { useAutoFocus } from '../../lib/use-auto-focus';
import { useFlashState } from '../../lib/use-flash-state';
import { usePageTitle } from '../use-page-title';
import { usePublishProblem } from './resources/resource-actions';
import { ResourceEditor } from './resources/resource-editor';
import { ResourceView } from './resources/resource-view';

/** /resources/:id/edit — the resource form, prefilled; `?step=preview` shows the page-to-be and publishes. */
export function Component() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const saved = useFlashState<boolean>('saved') === true;
  const preview = params.get('step') === 'preview';
  // The form asks for thumbnails itself (it knows when files arrive); the preview does it here.
  const resource = useResource(id, { pollThumbnails: preview });
  usePageTitle(preview ? t('resources.preview.title') : t('resources.edit.title'));

  if (resource.isPending) return <PageSpinner label={t('common.loading')} />;
  if (resource.isError || !resource.data.permissions.edit) {
    const notFound = resource.isError && hasProblemCode(resource.error, ProblemCode.notFound);
    return (
      <div className="page page--narrow">
        <h1>{t('resources.edit.title')}</h1>
        <Alert tone={resource.isError && !notFound ? 'error' : 'info'}>
          {resource.isError && !notFound ? describeProblem(resource.error).formError : notFound ? t('resources.notFound.body') : t('resources.edit.notAuthor')}
        </Alert>
      </div>
    );
  }

  if (preview) return <PreviewStep resource={resource.data} onBack={() => setParams({})} />;
  return <EditStep resource={resource.data} saved={saved} />;
}

function EditStep({ resource, saved }: { resource: ResourceDetail; saved: boolean }) {
  const { t } = useTranslation();
  const heading = useAutoFocus<HTMLHeadingElement>();
  return (
    <div className="page">
      <h1 id="resource-form-title" ref={heading} tabIndex={-1}>
        {t('resources.edit.title')}
      </h1>
      {saved ? <Alert tone="success">{t('resources.form.draftSaved')}</Alert> : null}
      {resource.state === 'hidden' && resource.hiddenReason ? (
        <Alert tone="warning" title={t('resources.hiddenNotice.title')}>
          <p>{t('resources.hiddenNotice.reason', { reason: resource.hiddenReason })}</p>
        </Alert>
      ) : null}
      <ResourceEditor key={resource.id} initial={resource} labelledBy="resource-form-title" />
    </div>
  );
}

/** How the resource page will look, with "Publish" for drafts. */
function PreviewStep({ resource, onBack }: { resource: ResourceDetail; onBack: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const publish = usePublishResource();
  const publishProblem = usePublishProblem();
  const [error, setError] = useState<string | null>(null);
  const heading = useAutoFocus<HTMLHeadingElement>();

  const onPublish = () => {
    setError(null);
    publish.mutate(resource.id, {
      onSuccess: () => void navigate(`/resources/${resource.id}`, { state: { published: true } }),
      onError: (failure) => setError(publishProblem(failure)),
    });
  };

  return (
    <div className="page">
      <h1 ref={heading} tabIndex={-1}>
        {t('resources.preview.title')}
      </h1>
      <p className="lead">{resource.state === 'draft' ? t('resources.preview.intro') : t('resources.preview.introPublished')}</p>
      {error ? (
        <Alert tone="error" focusOnMount>
          {error}
        </Alert>
      ) : null}
      <div className="actions">
        {resource.state === 'draft' ? (
          <Button onClick={onPublish} busy={publish.isPending} busyLabel={t('resources.actions.publishing')}>
            {t('resources.actions.publish')}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={onBack} disabled={publish.isPending}>
          {t('resources.preview.back')}
        </Button>
      </div>
      <section className="preview-frame" aria-label={t('resources.preview.frameLabel')}>
        <ResourceView resource={resource} headingLevel={2} />
      </section>
    </div>
  );
}
