import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CreateFolderRequest } from '@lesplein/contracts/folder';
import { useCreateFolder } from '../../features/folders/create-folder';
import { useMyFolders } from '../../features/folders/list-my-folders';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/field';
import { Form } from '../../components/ui/form';
import { Spinner } from '../../components/ui/spinner';
import { describeProblem } from '../../lib/form';
import { useFlashState } from '../../lib/use-flash-state';
import { onSubmit, useForm } from '../../lib/use-form';
import { usePageTitle } from '../use-page-title';

/** /account/folders — "Mijn mappen": the list and a form for a new folder. */
export function Component() {
  const { t } = useTranslation();
  usePageTitle(t('folders.mine'));
  const folders = useMyFolders();
  const create = useCreateFolder();
  const form = useForm({ name: '' });
  const removed = useFlashState<string>('removedFolder');

  const submit = onSubmit(async () => {
    const input = form.check(CreateFolderRequest, { name: form.values.name });
    if (!input) return;
    try {
      await create.mutateAsync(input);
      form.reset({ name: '' });
    } catch (error) {
      form.fail(error);
    }
  });

  const items = folders.data?.items ?? [];
  return (
    <div className="page">
      <h1>{t('folders.mine')}</h1>
      {removed ? (
        <Alert tone="success" focusOnMount>
          {t('folders.removed', { name: removed })}
        </Alert>
      ) : null}
      <Form label={t('folders.newTitle')} onSubmit={submit} error={form.formError} formRef={form.formRef}>
        <TextField label={t('folders.newName')} name="name" value={form.values.name} onValueChange={(v) => form.setValue('name', v)} error={form.fieldErrors.name} />
        <Button type="submit" busy={create.isPending} busyLabel={t('common.saving')}>
          {t('folders.create')}
        </Button>
      </Form>
      {folders.isPending ? <Spinner label={t('common.loading')} /> : null}
      {folders.isError ? <Alert tone="error">{describeProblem(folders.error).formError}</Alert> : null}
      {folders.isSuccess && items.length === 0 ? <p>{t('folders.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-label={t('folders.mine')}>
          {items.map((folder) => (
            <li key={folder.id} className="item-list__item">
              <div className="item-list__main">
                <h2 className="item-list__title">
                  <Link to={`/folders/${folder.id}`}>{folder.name}</Link>
                </h2>
                <p className="item-list__meta">
                  {t(`folders.visibility.${folder.visibility}`)} · {t('folders.itemCount', { count: folder.itemCount })}
                </p>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="visually-hidden" role="status">
        {create.isSuccess ? t('folders.created') : ''}
      </p>
    </div>
  );
}
