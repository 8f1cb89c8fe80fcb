import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFavourite } from '../features/favourites/get-favourite';
import { useSetFavourite } from '../features/favourites/set-favourite';
import { describeProblem } from '../lib/form';
import { formatCount } from '../lib/format';
import { Alert } from './ui/alert';
import { Button } from './ui/button';
import { Dialog } from './ui/dialog';
import { Spinner } from './ui/spinner';

/**
 * The folder picker is fetched when the dialog first opens: it brings the folder contracts, the
 * form helpers and zod, which the lists showing these buttons (home, search) do not need to
 * become usable.
 */
const AddToFolder = lazy(() => import('./add-to-folder'));

export interface ResourceSaveActionsProps {
  resourceId: string;
  /**
   * The resource's title, in lists: added (visually hidden) to the buttons' names, so each of
   * many "Favoriet" buttons says which resource it is about, and shown in the dialog.
   */
  title?: string;
}

/**
 * "Favoriet" (pressed state and count) and "Toevoegen aan map" (dialog) for one resource: the
 * same component on the resource page and on every card or list item that shows a resource.
 * Only for signed-in members; the caller decides that.
 */
export function ResourceSaveActions({ resourceId, title }: ResourceSaveActionsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <FavouriteButton resourceId={resourceId} title={title} />
      <Button variant="secondary" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {t('community.folders.add')}
        {title ? <span className="visually-hidden"> {title}</span> : null}
      </Button>
      <Dialog open={open} title={t('community.folders.dialogTitle')} onClose={() => setOpen(false)}>
        <Suspense fallback={<Spinner label={t('common.loading')} />}>
          <AddToFolder resourceId={resourceId} title={title} onClose={() => setOpen(false)} />
        </Suspense>
      </Dialog>
    </>
  );
}

function FavouriteButton({ resourceId, title }: { resourceId: string; title: string | undefined }) {
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
        {title ? <span className="visually-hidden"> {title}</span> : null}
        {state ? <span className="count-badge">{t('community.favourite.count', { count: state.count, formatted: formatCount(state.count, i18n.resolvedLanguage ?? 'nl') })}</span> : null}
      </Button>
      {setFavourite.isError ? <Alert tone="error">{describeProblem(setFavourite.error).formError}</Alert> : null}
    </>
  );
}

