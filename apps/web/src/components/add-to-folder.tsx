import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateFolderRequest, FolderVisibility, type FolderSummary } from '@lesplein/contracts/folder';
import { useAddFolderItem } from '../features/folders/add-folder-item';
import { useCreateFolder } from '../features/folders/create-folder';
import { useFoldersForResource } from '../features/folders/list-folders-for-resource';
import { useRemoveFolderItem } from '../features/folders/remove-folder-item';
import { useUpdateFolder } from '../features/folders/update-folder';
import { describeProblem } from '../lib/form';
import { onSubmit, useForm } from '../lib/use-form';
import { Alert } from './ui/alert';
import { Button } from './ui/button';
import { CheckboxField, SelectField, TextAreaField, TextField } from './ui/field';
import { Form } from './ui/form';
import { Spinner } from './ui/spinner';

/**
 * The dialog's content of "Toevoegen aan map" (components/resource-save-actions.tsx), loaded on
 * first use. My folders as checkboxes (ticked = the resource is in it; unticking takes it out), from
 * `GET /api/account/folders?resourceId=`, and a form for a new folder that gets the resource.
 */
export default function AddToFolder({ resourceId, title, onClose }: { resourceId: string; title: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const folders = useFoldersForResource(resourceId);
  const add = useAddFolderItem();
  const remove = useRemoveFolderItem();
  // Choices being saved: shown at once, until the list is fetched again.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  // Loaded after the dialog opened, so the dialog could not focus the close button itself.
  useEffect(() => root.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus(), []);

  const toggle = async (folder: FolderSummary, inFolder: boolean) => {
    setError(null);
    setStatus('');
    setPending((current) => ({ ...current, [folder.id]: inFolder }));
    try {
      if (inFolder) await add.mutateAsync({ folderId: folder.id, resourceId });
      else await remove.mutateAsync({ folderId: folder.id, resourceId });
      setStatus(inFolder ? t('community.folders.added', { name: folder.name }) : t('community.folders.removed', { name: folder.name }));
    } catch (e) {
      setError(describeProblem(e).formError);
    } finally {
      setPending(({ [folder.id]: _done, ...rest }) => rest);
    }
  };

  const items = folders.data?.items ?? [];
  return (
    <div className="folder-picker" ref={root}>
      {title ? <p className="folder-picker__subject">{t('community.folders.subject', { title })}</p> : null}
      {folders.isPending ? <Spinner label={t('common.loading')} /> : null}
      {folders.isError ? <Alert tone="error">{describeProblem(folders.error).formError}</Alert> : null}
      {folders.isSuccess && items.length === 0 ? <p>{t('community.folders.none')}</p> : null}
      {items.length > 0 ? (
        <fieldset className="checklist folder-picker__list">
          <legend>{t('community.folders.myFolders')}</legend>
          <p className="field__hint">{t('community.folders.checkHint')}</p>
          {items.map((folder) => {
            const saving = folder.id in pending;
            return (
              <CheckboxField
                key={folder.id}
                label={folder.name}
                hint={saving ? t('common.saving') : t(`folders.visibility.${folder.visibility}`)}
                checked={pending[folder.id] ?? folder.containsResource ?? false}
                // Not disabled while saving: that would take focus away from the box just used.
                aria-busy={saving || undefined}
                onCheckedChange={(checked) => {
                  if (!saving) void toggle(folder, checked);
                }}
              />
            );
          })}
        </fieldset>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <NewFolderForm resourceId={resourceId} onAdded={(name) => setStatus(t('community.folders.added', { name }))} />
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

function NewFolderForm({ resourceId, onAdded }: { resourceId: string; onAdded: (name: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateFolder();
  const add = useAddFolderItem();
  const update = useUpdateFolder();
  const initial = { name: '', description: '', visibility: 'private', cover: false };
  const form = useForm(initial);
  const [step, setStep] = useState<'creating' | 'adding' | 'cover' | null>(null);

  const submit = onSubmit(async () => {
    const { name, description, visibility } = form.values;
    const input = form.check(CreateFolderRequest, { name, description, visibility });
    if (!input) return;
    try {
      setStep('creating');
      const folder = await create.mutateAsync(input);
      setStep('adding');
      await add.mutateAsync({ folderId: folder.id, resourceId });
      if (form.values.cover) {
        setStep('cover');
        await update.mutateAsync({ id: folder.id, input: { coverResourceId: resourceId } });
      }
      form.reset(initial);
      onAdded(folder.name);
    } catch (e) {
      form.fail(e);
    } finally {
      setStep(null);
    }
  });

  const busyLabel = step === 'adding' ? t('community.folders.adding') : step === 'cover' ? t('community.folders.settingCover') : t('common.saving');
  return (
    <Form label={t('community.folders.newTitle')} onSubmit={submit} error={form.formError} formRef={form.formRef} className="folder-picker__new">
      <h3 className="folder-picker__heading">{t('community.folders.newTitle')}</h3>
      <TextField label={t('community.folders.newName')} name="name" maxLength={100} value={form.values.name} onValueChange={(v) => form.setValue('name', v)} error={form.fieldErrors.name} />
      <TextAreaField label={t('folders.description')} name="description" rows={2} value={form.values.description} onValueChange={(v) => form.setValue('description', v)} error={form.fieldErrors.description} />
      <SelectField
        label={t('folders.visibilityLabel')}
        name="visibility"
        value={form.values.visibility}
        options={FolderVisibility.options.map((value) => ({ value, label: t(`folders.visibility.${value}`) }))}
        onValueChange={(v) => form.setValue('visibility', v)}
        error={form.fieldErrors.visibility}
      />
      <CheckboxField label={t('community.folders.cover')} hint={t('community.folders.coverHint')} checked={form.values.cover} onCheckedChange={(v) => form.setValue('cover', v)} />
      <Button type="submit" variant="secondary" busy={step !== null} busyLabel={busyLabel}>
        {t('community.folders.create')}
      </Button>
    </Form>
  );
}
