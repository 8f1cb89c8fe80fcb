import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateFolderRequest } from '@lesplein/contracts/folder';
import type { ResourceDetail } from '@lesplein/contracts/resource';
import { useFavourite } from '../../../features/favourites/get-favourite';
import { useSetFavourite } from '../../../features/favourites/set-favourite';
import { useAddFolderItem } from '../../../features/folders/add-folder-item';
import { useCreateFolder } from '../../../features/folders/create-folder';
import { useMyFolders } from '../../../features/folders/list-my-folders';
import { useRating } from '../../../features/ratings/get-rating';
import { useRateResource } from '../../../features/ratings/rate-resource';
import { useRemoveRating } from '../../../features/ratings/remove-rating';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/field';
import { Form } from '../../../components/ui/form';
import { Spinner } from '../../../components/ui/spinner';
import { describeProblem } from '../../../lib/form';
import { formatCount } from '../../../lib/format';
import { formatAverage } from '../../../lib/rating';
import { onSubmit, useForm } from '../../../lib/use-form';

/** Favourite, "add to folder" and the rating of a published resource. */
export function ResourceCommunity({ resource, signedIn, own }: { resource: ResourceDetail; signedIn: boolean; own: boolean }) {
  const { t } = useTranslation();
  const [folderDialog, setFolderDialog] = useState(false);
  return (
    <section className="resource-community" aria-label={t('community.actionsLabel')}>
      <div className="actions">
        {signedIn ? <FavouriteButton resourceId={resource.id} /> : null}
        {signedIn ? (
          <Button variant="secondary" onClick={() => setFolderDialog(true)} aria-haspopup="dialog">
            {t('community.folders.add')}
          </Button>
        ) : null}
      </div>
      <Rating resourceId={resource.id} signedIn={signedIn} own={own} />
      <Dialog open={folderDialog} title={t('community.folders.dialogTitle')} onClose={() => setFolderDialog(false)}>
        <AddToFolder resourceId={resource.id} onClose={() => setFolderDialog(false)} />
      </Dialog>
    </section>
  );
}

function FavouriteButton({ resourceId }: { resourceId: string }) {
  const { t, i18n } = useTranslation();
  const favourite = useFavourite(resourceId);
  const setFavourite = useSetFavourite();
  const state = favourite.data;
  return (
    <>
      <Button
        variant="secondary"
        aria-pressed={state?.favourited ?? false}
        disabled={!state}
        busy={setFavourite.isPending}
        busyLabel={t('common.saving')}
        onClick={() => state && setFavourite.mutate({ resourceId, favourited: !state.favourited })}
      >
        <span aria-hidden="true">{state?.favourited ? '♥' : '♡'}</span> {t('community.favourite.label')}
        {state ? <span className="count-badge">{t('community.favourite.count', { count: state.count, formatted: formatCount(state.count, i18n.resolvedLanguage ?? 'nl') })}</span> : null}
      </Button>
      {setFavourite.isError ? <Alert tone="error">{describeProblem(setFavourite.error).formError}</Alert> : null}
    </>
  );
}

function AddToFolder({ resourceId, onClose }: { resourceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const folders = useMyFolders();
  const add = useAddFolderItem();
  const create = useCreateFolder();
  const form = useForm({ name: '' });
  const [added, setAdded] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  const addTo = async (folderId: string, name: string) => {
    setError(null);
    try {
      await add.mutateAsync({ folderId, resourceId });
      setAdded((list) => [...list, folderId]);
      setStatus(t('community.folders.added', { name }));
    } catch (e) {
      setError(describeProblem(e).formError);
    }
  };

  const submit = onSubmit(async () => {
    const input = form.check(CreateFolderRequest, { name: form.values.name });
    if (!input) return;
    try {
      const folder = await create.mutateAsync(input);
      form.reset({ name: '' });
      await addTo(folder.id, folder.name);
    } catch (e) {
      form.fail(e);
    }
  });

  return (
    <div className="folder-picker">
      {folders.isPending ? <Spinner label={t('common.loading')} /> : null}
      {folders.isError ? <Alert tone="error">{describeProblem(folders.error).formError}</Alert> : null}
      {folders.data && folders.data.items.length === 0 ? <p>{t('community.folders.none')}</p> : null}
      {folders.data && folders.data.items.length > 0 ? (
        <ul className="plain-list folder-picker__list" aria-label={t('community.folders.myFolders')}>
          {folders.data.items.map((folder) => {
            const done = added.includes(folder.id);
            return (
              <li key={folder.id} className="folder-picker__item">
                <span>{folder.name}</span>
                <Button
                  variant="secondary"
                  disabled={done}
                  busy={add.isPending && add.variables.folderId === folder.id}
                  busyLabel={t('common.saving')}
                  onClick={() => void addTo(folder.id, folder.name)}
                >
                  {done ? t('community.folders.addedShort') : t('community.folders.addTo')}
                  <span className="visually-hidden"> {folder.name}</span>
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <Form label={t('community.folders.newTitle')} onSubmit={submit} error={form.formError} formRef={form.formRef}>
        <TextField label={t('community.folders.newName')} name="name" value={form.values.name} onValueChange={(v) => form.setValue('name', v)} error={form.fieldErrors.name} />
        <Button type="submit" variant="secondary" busy={create.isPending} busyLabel={t('common.saving')}>
          {t('community.folders.create')}
        </Button>
      </Form>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <p role="status" className="status-line">
        {status}
      </p>
      <div className="actions dialog__actions">
        <Button variant="secondary" onClick={onClose} data-autofocus>
          {t('community.close')}
        </Button>
      </div>
    </div>
  );
}

function Rating({ resourceId, signedIn, own }: { resourceId: string; signedIn: boolean; own: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const rating = useRating(resourceId);
  const rate = useRateResource();
  const remove = useRemoveRating();
  const ids = useId().replace(/:/g, '');
  const [status, setStatus] = useState('');
  // The score just chosen, shown at once while it is being saved.
  const [chosen, setChosen] = useState<number | null>(null);
  const summary = rating.data;
  const shown = chosen ?? summary?.mine ?? null;
  const error = rate.error ?? remove.error;

  const summaryText = summary
    ? summary.average === null
      ? t('community.rating.none')
      : t('community.rating.average', { average: formatAverage(summary.average, language), count: summary.count })
    : '';

  return (
    <div className="rating">
      <p className="rating__summary" id={`${ids}-summary`}>
        {rating.isPending ? <Spinner inline label={t('common.loading')} /> : summaryText}
      </p>
      {signedIn && !own && summary ? (
        <fieldset className="rating__stars" aria-describedby={`${ids}-summary`}>
          <legend>{t('community.rating.legend')}</legend>
          {[1, 2, 3, 4, 5].map((score) => (
            <label key={score} className={shown !== null && score <= shown ? 'rating__star rating__star--on' : 'rating__star'}>
              <input
                type="radio"
                name={`${ids}-score`}
                value={score}
                className="visually-hidden-input"
                checked={shown === score}
                onChange={() => {
                  setChosen(score);
                  rate.mutate(
                    { resourceId, score },
                    {
                      onSuccess: () => setStatus(t('community.rating.saved', { count: score })),
                      onSettled: () => setChosen(null),
                    },
                  );
                }}
              />
              <span aria-hidden="true">★</span>
              <span className="visually-hidden">{t('community.rating.stars', { count: score })}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {signedIn && !own && summary?.mine != null ? (
        <Button variant="link" onClick={() => remove.mutate(resourceId, { onSuccess: () => setStatus(t('community.rating.removed')) })} busy={remove.isPending} busyLabel={t('common.removing')}>
          {t('community.rating.remove')}
        </Button>
      ) : null}
      {error ? <Alert tone="error">{describeProblem(error).formError}</Alert> : null}
      <p role="status" className="visually-hidden">
        {status}
      </p>
    </div>
  );
}
