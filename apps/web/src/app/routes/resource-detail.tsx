import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentMember } from '../../features/auth/get-current-member';
import { useResource } from '../../features/resources/get-resource';
import { Alert } from '../../components/ui/alert';
import { PageSpinner } from '../../components/ui/spinner';
import { hasProblemCode } from '../../lib/api-client';
import { describeProblem } from '../../lib/form';
import { ProblemCode } from '../../lib/problem-codes';
import { useFlashState } from '../../lib/use-flash-state';
import { usePageTitle } from '../use-page-title';
import { ResourceActions } from './resources/resource-actions';
import { ResourceView } from './resources/resource-view';
import { ResourceCommunity } from './resources/resource-community';
import { CommentThread } from './resources/comment-thread';

/** /resources/:id — the resource page (public when published). */
export function Component() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const justPublished = useFlashState<boolean>('published') === true;
  // Only the author polls for thumbnails still being made: every request of a published resource counts a view.
  const resource = useResource(id, { pollThumbnails: (detail) => detail.permissions.edit });
  const { data: viewer } = useCurrentMember();
  usePageTitle(resource.data?.title ?? t('resources.notFound.title'));

  if (resource.isPending) return <PageSpinner label={t('common.loading')} />;
  if (resource.isError) {
    const notFound = hasProblemCode(resource.error, ProblemCode.notFound);
    return (
      <div className="page page--narrow">
        <h1>{notFound ? t('resources.notFound.title') : t('resources.title')}</h1>
        <Alert tone={notFound ? 'info' : 'error'}>{notFound ? t('resources.notFound.body') : describeProblem(resource.error).formError}</Alert>
      </div>
    );
  }

  const data = resource.data;
  const published = justPublished && data.state === 'published';
  return (
    <div className="page">
      {published ? <Alert tone="success">{t('resources.actions.published')}</Alert> : null}
      {data.state === 'draft' && data.permissions.edit ? <Alert tone="info">{t('resources.draftNotice')}</Alert> : null}
      {data.state === 'hidden' ? (
        <Alert tone="warning" title={t('resources.hiddenNotice.title')}>
          <p>{data.hiddenReason ? t('resources.hiddenNotice.reason', { reason: data.hiddenReason }) : t('resources.hiddenNotice.body')}</p>
        </Alert>
      ) : null}
      <ResourceView resource={data}>
        <ResourceActions resource={data} />
        {data.state === 'published' ? <ResourceCommunity resource={data} signedIn={Boolean(viewer)} own={viewer?.handle !== undefined && viewer.handle === data.author?.handle} /> : null}
      </ResourceView>
      {data.state === 'published' ? <CommentThread resourceId={data.id} signedIn={Boolean(viewer)} /> : null}
    </div>
  );
}
