import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FolderVisibility, UpdateFolderRequest, type FolderDetail } from '@lesplein/contracts/folder';
import { useCurrentMember } from '../../features/auth/get-current-member';
import { useCopyFolder } from '../../features/folders/copy-folder';
import { useDeleteFolder } from '../../features/folders/delete-folder';
import { useFolder } from '../../features/folders/get-folder';
import { useSharedFolder } from '../../features/folders/get-shared-folder';
import { useMyFolders } from '../../features/folders/list-my-folders';
import { useMoveFolderItem } from '../../features/folders/move-folder-item';
import { useRemoveFolderItem } from '../../features/folders/remove-folder-item';
import { useRenewShareLink } from '../../features/folders/renew-share-link';
import { useReorderFolderItems } from '../../features/folders/reorder-folder-items';
import { useSetFolderFollow } from '../../features/folders/set-folder-follow';
import { useUpdateFolder } from '../../features/folders/update-folder';
import { ResourceSaveActions } from '../../components/resource-save-actions';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/dialog';
import { SelectField, TextAreaField, TextField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { PageSpinner } from '../../components/ui/spinner';
import { hasProblemCode } from '../../lib/api-client';
import { describeProblem } from '../../lib/form';
import { moveItem } from '../../lib/move-item';
import { ProblemCode } from '../../lib/problem-codes';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';

/** /folders/:id and /folders/shared/:token — a folder: its items; the owner edits, shares, reorders; others follow or copy. */
export function Component() {
  const { t } = useTranslation();
  const { id = '', token = '' } = useParams();
  const byId = useFolder(id, !token);
  const shared = useSharedFolder(token, Boolean(token));
  const folder = token ? shared : byId;
  usePageTitle(folder.data?.name ?? t('folders.title'));

  if (folder.isPending) return <PageSpinner label={t('common.loading')} />;
  if (folder.isError) {
    const notFound = hasProblemCode(folder.error, ProblemCode.notFound);
    return (
      <div className="page page--narrow">
        <h1>{t('folders.title')}</h1>
        <Alert tone={notFound ? 'info' : 'error'}>{notFound ? t('folders.notFound') : describeProblem(folder.error).formError}</Alert>
      </div>
    );
  }
  return <FolderPage folder={folder.data} token={token || undefined} />;
}

function FolderPage({ folder, token }: { folder: FolderDetail; token: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: viewer } = useCurrentMember();
  const follow = useSetFolderFollow();
  const copy = useCopyFolder();
  const remove = useDeleteFolder();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const edit = folder.permissions.edit;

  return (
    <div className="page">
      <p>
        {edit ? <Link to="/account/folders">{t('folders.backToMine')}</Link> : null}
      </p>
      <h1>{folder.name}</h1>
      <p className="lead">
        {t('folders.by')} <Link to={`/members/${encodeURIComponent(folder.owner.handle)}`}>{folder.owner.displayName}</Link> · {t(`folders.visibility.${folder.visibility}`)} ·{' '}
        {t('folders.followers', { count: folder.followerCount })}
      </p>
      {folder.description ? <p>{folder.description}</p> : null}
      {viewer && !edit ? (
        <p className="actions">
          {folder.permissions.follow ? (
            <Button variant="secondary" aria-pressed={folder.following} busy={follow.isPending} busyLabel={t('common.saving')} onClick={() => follow.mutate({ id: folder.id, following: !folder.following })}>
              {t('folders.follow')}
            </Button>
          ) : null}
          {folder.permissions.copy ? (
            <Button
              variant="secondary"
              busy={copy.isPending}
              busyLabel={t('common.saving')}
              onClick={() => copy.mutate(token ? { id: folder.id, token } : { id: folder.id }, { onSuccess: (created) => void navigate(`/folders/${created.id}`) })}
            >
              {t('folders.copy')}
            </Button>
          ) : null}
        </p>
      ) : null}
      {follow.isError || copy.isError ? <Alert tone="error">{describeProblem(follow.error ?? copy.error).formError}</Alert> : null}
      {edit ? <FolderSettings folder={folder} /> : null}
      <FolderItems folder={folder} signedIn={Boolean(viewer)} />
      {edit ? (
        <>
          <p className="actions">
            <Button variant="danger" onClick={() => setConfirmDelete(true)}>
              {t('folders.delete')}
            </Button>
          </p>
          <ConfirmDialog
            open={confirmDelete}
            title={t('folders.deleteTitle')}
            confirmLabel={t('folders.deleteConfirm')}
            busyLabel={t('common.removing')}
            busy={remove.isPending}
            error={remove.isError ? describeProblem(remove.error).formError : null}
            onConfirm={() => remove.mutate(folder.id, { onSuccess: () => void navigate('/account/folders', { state: { removedFolder: folder.name } }) })}
            onCancel={() => {
              setConfirmDelete(false);
              remove.reset();
            }}
          >
            <p>{t('folders.deleteBody', { name: folder.name })}</p>
          </ConfirmDialog>
        </>
      ) : null}
    </div>
  );
}

function FolderSettings({ folder }: { folder: FolderDetail }) {
  const { t } = useTranslation();
  const update = useUpdateFolder();
  const renew = useRenewShareLink();
  const form = useForm({ name: folder.name, description: folder.description, visibility: folder.visibility as string });
  const [status, setStatus] = useState('');
  const [copied, setCopied] = useState('');
  const shareUrl = folder.sharePath ? `${window.location.origin}${folder.sharePath}` : null;

  const submit = onSubmit(async () => {
    const input = form.check(UpdateFolderRequest);
    if (!input) return;
    try {
      await update.mutateAsync({ id: folder.id, input });
      setStatus(t('folders.saved'));
    } catch (error) {
      form.fail(error);
    }
  });

  return (
    <section className="resource__section" aria-labelledby="folder-settings">
      <h2 id="folder-settings">{t('folders.settings')}</h2>
      <Form labelledBy="folder-settings" onSubmit={submit} error={form.formError} formRef={form.formRef}>
        <TextField label={t('folders.name')} name="name" value={form.values.name} onValueChange={(v) => form.setValue('name', v)} error={form.fieldErrors.name} />
        <TextAreaField label={t('folders.description')} name="description" rows={3} value={form.values.description} onValueChange={(v) => form.setValue('description', v)} error={form.fieldErrors.description} />
        <SelectField
          label={t('folders.visibilityLabel')}
          name="visibility"
          value={form.values.visibility}
          options={FolderVisibility.options.map((value) => ({ value, label: t(`folders.visibility.${value}`) }))}
          onValueChange={(v) => form.setValue('visibility', v)}
          error={form.fieldErrors.visibility}
        />
        <Button type="submit" busy={update.isPending} busyLabel={t('common.saving')}>
          {t('folders.save')}
        </Button>
      </Form>
      {shareUrl ? (
        <div className="share-link">
          <TextField label={t('folders.shareLink')} hint={t('folders.shareHint')} value={shareUrl} onValueChange={() => undefined} readOnly />
          <div className="actions">
            <Button
              variant="secondary"
              onClick={() =>
                void navigator.clipboard.writeText(shareUrl).then(
                  () => setCopied(t('folders.linkCopied')),
                  () => setCopied(t('folders.linkCopyFailed')),
                )
              }
            >
              {t('folders.copyLink')}
            </Button>
            <Button variant="secondary" busy={renew.isPending} busyLabel={t('common.saving')} onClick={() => renew.mutate(folder.id, { onSuccess: () => setCopied(t('folders.linkRenewed')) })}>
              {t('folders.newLink')}
            </Button>
          </div>
        </div>
      ) : null}
      {renew.isError ? <Alert tone="error">{describeProblem(renew.error).formError}</Alert> : null}
      <p role="status" className="status-line">
        {status} {copied}
      </p>
    </section>
  );
}

function FolderItems({ folder, signedIn }: { folder: FolderDetail; signedIn: boolean }) {
  const { t } = useTranslation();
  const edit = folder.permissions.edit;
  const reorder = useReorderFolderItems();
  const removeItem = useRemoveFolderItem();
  const move = useMoveFolderItem();
  const myFolders = useMyFolders(edit);
  const [status, setStatus] = useState('');
  const [target, setTarget] = useState('');
  const others = (myFolders.data?.items ?? []).filter((f) => f.id !== folder.id);
  const error = reorder.error ?? removeItem.error ?? move.error;

  const shift = (index: number, by: -1 | 1, buttonId: string) => {
    const ids = moveItem(folder.items.map((item) => item.id), index, index + by);
    const item = folder.items[index];
    reorder.mutate(
      { id: folder.id, resourceIds: ids },
      {
        onSuccess: () => {
          setStatus(t('folders.movedTo', { title: item?.title ?? '', position: index + by + 1 }));
          requestAnimationFrame(() => document.getElementById(buttonId)?.focus());
        },
      },
    );
  };

  return (
    <section className="resource__section" aria-labelledby="folder-items">
      <h2 id="folder-items">{t('folders.items', { count: folder.items.length })}</h2>
      {folder.items.length === 0 ? <p>{t('folders.noItems')}</p> : null}
      {edit && others.length > 0 ? (
        <SelectField
          label={t('folders.moveTarget')}
          value={target}
          options={[{ value: '', label: t('folders.chooseFolder') }, ...others.map((f) => ({ value: f.id, label: f.name }))]}
          onValueChange={setTarget}
        />
      ) : null}
      {folder.items.length > 0 ? (
        <ol className="item-list" aria-label={t('folders.itemsLabel')}>
          {folder.items.map((item, index) => (
            <li key={item.id} className="item-list__item">
              <div className="item-list__main">
                <h3 className="item-list__title">
                  <Link to={`/resources/${item.id}`}>{item.title}</Link>
                </h3>
              </div>
              {signedIn && item.state === 'published' ? (
                <div className="item-list__actions">
                  <ResourceSaveActions resourceId={item.id} title={item.title} />
                </div>
              ) : null}
              {edit ? (
                <div className="item-list__actions">
                  <Button id={`up-${item.id}`} variant="secondary" disabled={index === 0 || reorder.isPending} onClick={() => shift(index, -1, `up-${item.id}`)}>
                    {t('folders.up')}
                    <span className="visually-hidden"> {item.title}</span>
                  </Button>
                  <Button id={`down-${item.id}`} variant="secondary" disabled={index === folder.items.length - 1 || reorder.isPending} onClick={() => shift(index, 1, `down-${item.id}`)}>
                    {t('folders.down')}
                    <span className="visually-hidden"> {item.title}</span>
                  </Button>
                  {target ? (
                    <Button
                      variant="secondary"
                      busy={move.isPending && move.variables.resourceId === item.id}
                      busyLabel={t('common.saving')}
                      onClick={() => move.mutate({ id: folder.id, resourceId: item.id, toFolderId: target }, { onSuccess: () => setStatus(t('folders.moved', { title: item.title })) })}
                    >
                      {t('folders.move')}
                      <span className="visually-hidden"> {item.title}</span>
                    </Button>
                  ) : null}
                  <Button
                    variant="danger"
                    busy={removeItem.isPending && removeItem.variables.resourceId === item.id}
                    busyLabel={t('common.removing')}
                    onClick={() => removeItem.mutate({ folderId: folder.id, resourceId: item.id }, { onSuccess: () => setStatus(t('folders.itemRemoved', { title: item.title })) })}
                  >
                    {t('folders.removeItem')}
                    <span className="visually-hidden"> {item.title}</span>
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {error ? <Alert tone="error">{describeProblem(error).formError}</Alert> : null}
      <p role="status" className="visually-hidden">
        {status}
      </p>
    </section>
  );
}
